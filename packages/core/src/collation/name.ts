import { tidy } from '../names/fold.js';
import { type Named, nameOrderOf } from '../names/order.js';
import { collationKey, collationLanguage } from './key.js';

/** Between the fields of a name's key: below every weight, above the separator of a key's levels. */
const FIELD = '\u0002';

/**
 * The sort key of a contact's name in a workspace language (`locale`): by given name, then family name, then middle
 * name in Vietnamese and Thai (where a quarter of the people share a family name, and Thais go by their given
 * name); by family name, then given name elsewhere. Each part is compared with the language's collation (see
 * `collationKey`) before the next is looked at. The given name of a name written family name first is the last word
 * of `firstName` (`Văn An` → `An`, middle name `Văn`); a contact with one name sorts by it; one without a name by
 * its primary email or phone.
 *
 * @example
 * const keys = contacts.map((c) => [nameSortKey(c, 'vi-VN'), c] as const).sort(([a], [b]) => (a < b ? -1 : 1));
 */
export function nameSortKey(c: Named, locale: string): string {
  const language = collationLanguage(locale);
  let first = tidy(c.firstName);
  let last = tidy(c.lastName);
  if (!first) [first, last] = [last, ''];
  if (!first) return collationKey(c.emails?.[0] ?? c.phones?.[0] ?? '', language);
  let given = first;
  let middle = '';
  if (last && nameOrderOf(c) === 'family_first') {
    const words = first.split(' ');
    given = words.at(-1)!;
    middle = words.slice(0, -1).join(' ');
  }
  const parts = language === 'root' ? [last, first] : [given, last, middle];
  return parts.map((p) => collationKey(p, language)).join(FIELD);
}
