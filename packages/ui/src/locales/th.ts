/**
 * `@crmkit/ui/locales/th`: the Thai catalog, imported eagerly. Pass it to the provider to render Thai from the first
 * paint (server rendering, no loading step); without it the provider loads the same catalog on demand.
 *
 * @example
 * import { th } from '@crmkit/ui/locales/th';
 * <CrmProvider client={client} locale="th-TH" calendar="gregory" messages={{ th }}>…</CrmProvider>
 */
export { th } from '../i18n/th.js';
