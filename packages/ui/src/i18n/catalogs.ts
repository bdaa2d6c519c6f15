import { english } from './english.js';
import type { Messages } from './translate.js';

/**
 * The built-in catalogs besides English, loaded on demand so a page pays only for its own language (each is its own
 * chunk; `@crmkit/ui/locales/<language>` imports one eagerly).
 */
const loaders: Record<string, () => Promise<Messages>> = {
  vi: () => import('./vi.js').then((m) => m.vi),
  th: () => import('./th.js').then((m) => m.th),
};
const loaded: Record<string, Messages> = { en: english as Messages };
const pending: Record<string, Promise<Messages | undefined>> = {};

/** The languages with a built-in catalog. */
export const builtinLanguages: readonly string[] = ['en', ...Object.keys(loaders)];

/** The built-in catalog of `locale`'s language if it is loaded (or English, or none). */
export function loadedCatalog(locale: string): Messages | undefined {
  return loaded[locale.split('-')[0]!];
}

/**
 * Loads the built-in catalog of `locale`'s language (resolves `undefined` for a language without one). Call it before
 * rendering, e.g. before hydrating a server-rendered page, so the first render is already in that language.
 *
 * @example
 * await preloadMessages('th-TH');
 * hydrateRoot(el, <App />);
 */
export function preloadMessages(locale: string): Promise<Messages | undefined> {
  const language = locale.split('-')[0]!;
  if (loaded[language]) return Promise.resolve(loaded[language]);
  const load = loaders[language];
  if (!load) return Promise.resolve(undefined);
  pending[language] ??= load().then(
    (catalog) => (loaded[language] = catalog),
    (error) => {
      delete pending[language];
      throw error;
    },
  );
  return pending[language];
}
