import { tidy } from './fold.js';
import { type Named, nameOrderOf } from './order.js';

/** The parts of a contact its form of address is made of. */
export interface Addressed extends Named {
  /** The contract's `salutation`: `Anh`, `Chị`, `คุณ`, `นางสาว`, `Ms.`… */
  salutation?: string | null;
}

const THAI = /^\p{Script=Thai}/u;
/** The Thai prefix people are spoken to with; the others (นาย, นาง, นางสาว, ดร.…) go before the whole name. */
const KHUN = 'คุณ';
const LATIN_TITLE = /^(mr|mrs|ms|miss|mx|dr|prof)\.?$/iu;

/**
 * How a rep addresses the contact, or `null` without a stored salutation: the way each language does it.
 * - Thai: `คุณ` before the given name, written together (`คุณสมชาย`); a formal prefix before the whole name
 *   (`นางสาวสุดา ใจดี`).
 * - Vietnamese (and any other salutation that is a word: `Anh`, `Chị`, `Ông`, `Bà`, `Cô`): the salutation and the
 *   given name — the last word of a family-first name (`Anh An` for Nguyễn Văn An).
 * - Titles (`Mr.`, `Ms`, `Dr.`): the title and the family name (`Ms. Carter`).
 *
 * @example
 * addressName({ salutation: 'Anh', firstName: 'Văn An', lastName: 'Nguyễn' }); // 'Anh An'
 * addressName({ salutation: 'คุณ', firstName: 'สมชาย', lastName: 'ใจดี' }); // 'คุณสมชาย'
 * addressName({ salutation: 'Ms.', firstName: 'Emily', lastName: 'Carter' }); // 'Ms. Carter'
 */
export function addressName(c: Addressed): string | null {
  const salutation = tidy(c.salutation);
  if (!salutation) return null;
  const first = tidy(c.firstName);
  const last = tidy(c.lastName);
  const familyFirst = nameOrderOf(c) === 'family_first';
  const given = (familyFirst ? first.split(' ').at(-1) : first.split(' ')[0]) || last;
  if (THAI.test(salutation)) {
    if (salutation === KHUN) return `${salutation}${given}`;
    return `${salutation}${[first, last].filter(Boolean).join(' ')}`;
  }
  if (LATIN_TITLE.test(salutation)) return `${salutation} ${last || first}`.trim();
  return `${salutation} ${given}`.trim();
}
