/**
 * `@crmkit/ui/locales/vi`: the Vietnamese catalog, imported eagerly. Pass it to the provider to render Vietnamese from
 * the first paint (server rendering, no loading step); without it the provider loads the same catalog on demand.
 *
 * @example
 * import { vi } from '@crmkit/ui/locales/vi';
 * <CrmProvider client={client} locale="vi-VN" messages={{ vi }}>…</CrmProvider>
 */
export { vi } from '../i18n/vi.js';
