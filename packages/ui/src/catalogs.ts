/**
 * The whole catalogs' exports (see `index.ts`): the English catalog, `preloadMessages` and `resolveMessages`, which
 * import every part of the catalogs — a group of their own, so that a page that does not use them does not count
 * those parts (e.g. the strings of editing, which its widgets load lazily) as loaded with the provider.
 */
export { en } from './i18n/en.js';
export { preloadMessages } from './i18n/preload.js';
export { resolveMessages } from './i18n/resolve.js';
