import { tidy } from './fold.js';
import { type NameOrder, nameOrderOf } from './order.js';
import { splitSalutation } from './salutation.js';
import { familyRank, isVietnamese } from './vietnamese.js';

/** A full name split into a contact's parts. */
export interface SplitName {
  firstName: string;
  lastName: string;
  /** The order the name was written in. */
  nameOrder: NameOrder;
  /** A salutation it started with (`คุณ`, `นางสาว`, `Mr.`), or null. */
  salutation: string | null;
}

/** The most common Vietnamese family names (by `familyRank`), nine in ten Vietnamese people's. */
const COMMON = 20;

/** Words that belong to the family name that follows them (`van der Berg`, `de la Cruz`, `bin Ahmad`). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'binti',
]);

/**
 * Splits a full name into first (given) and last (family) name by what the name is, not by a workspace's language:
 * a salutation comes off first (Thai `คุณ`/`นาย`/`นาง`/`นางสาว`, with or without a space; `Mr.`…); a Vietnamese name
 * written family name first (`Nguyễn Văn An`) keeps its first word as the family name; `Family, Given` is read as
 * such; any other name is given name first, its last word (with particles such as `van der`) the family name. One word
 * is a first name. `locale` is the language the name was typed in, which decides short Vietnamese names without
 * diacritics (`Le Minh`).
 *
 * @example
 * splitName('Nguyễn Văn An'); // { firstName: 'Văn An', lastName: 'Nguyễn', nameOrder: 'family_first', salutation: null }
 * splitName('Emily Carter'); // { firstName: 'Emily', lastName: 'Carter', nameOrder: 'given_first', salutation: null }
 * splitName('คุณสมชาย ใจดี'); // { firstName: 'สมชาย', lastName: 'ใจดี', nameOrder: 'given_first', salutation: 'คุณ' }
 */
export function splitName(full: string, locale?: string | null): SplitName {
  const [salutation, name] = splitSalutation(tidy(full));
  const comma = name.indexOf(',');
  if (comma > 0) {
    const lastName = tidy(name.slice(0, comma));
    const firstName = tidy(name.slice(comma + 1));
    return { firstName, lastName, nameOrder: nameOrderOf({ firstName, lastName }, locale), salutation };
  }
  const words = name.split(' ').filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '', nameOrder: 'given_first', salutation };
  const [head, ...tail] = words as [string, ...string[]];
  // `Văn An Nguyễn` is written given name first: `Văn` is a rare family name, `Nguyễn` one of the 20 common ones.
  const givenFirst = (familyRank(words.at(-1)!) ?? COMMON) < COMMON && (familyRank(head) ?? COMMON) >= COMMON;
  if (!givenFirst && isVietnamese(tail.join(' '), head, locale)) {
    return { firstName: tail.join(' '), lastName: head, nameOrder: 'family_first', salutation };
  }
  let cut = words.length - 1;
  while (cut > 1 && PARTICLES.has(words[cut - 1]!.toLowerCase())) cut--;
  return {
    firstName: words.slice(0, cut).join(' '),
    lastName: words.slice(cut).join(' '),
    nameOrder: 'given_first',
    salutation,
  };
}
