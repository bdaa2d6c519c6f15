/**
 * `@crmkit/ui`: the foundation of the crmkit widgets — the provider, theming (`appearance`), i18n (en, vi, th) and
 * accessible primitives. Each widget has its own entry (`@crmkit/ui/contact-card`, ...); the stylesheet is
 * `@crmkit/ui/styles.css`.
 *
 * @example
 * import '@crmkit/ui/styles.css';
 * import { CrmProvider, createCrmClient } from '@crmkit/ui';
 * import { ContactCard } from '@crmkit/ui/contact-card';
 *
 * const client = createCrmClient({ baseUrl: '/crm', auth: { getToken } });
 * <CrmProvider client={client} locale="vi-VN" appearance={{ theme: 'dark' }}>
 *   <ContactCard contactId={id} />
 * </CrmProvider>
 */
// Groups of re-exports, by `export *` only, so that this module itself has no code and no names of its own. A
// bundler that splits code by module (esbuild) then follows only the group a page uses: a page that imports
// `CrmProvider` from here does not pay, eagerly, for the fields and dialogs its widgets load lazily (it would if this
// module named them). The build keeps this shape in `dist/index.js` (see tsup.config.ts).
export * from './catalogs.js';
export * from './controls.js';
export * from './foundation.js';
