/**
 * `@crmkit/core/collation`: sort keys that order text and names as ICU's collation for the language does, as strings
 * that compare by code point (`<`, PostgreSQL's `C` collation).
 *
 * @example
 * import { collationKey, nameSortKey } from '@crmkit/core/collation';
 * ['Zoe', 'Đặng', 'Ánh'].sort((a, b) => (collationKey(a, 'vi') < collationKey(b, 'vi') ? -1 : 1)); // Ánh, Đặng, Zoe
 */
export { COLLATION_VERSION, type CollationLanguage, collationKey, collationLanguage } from './key.js';
export { nameSortKey } from './name.js';
