/**
 * How people's names are written and read back. Vietnamese names are written family name first (`Nguyễn Văn An`);
 * Thai and Western names given name first (`Somchai Jaidee`, `Emily Carter`); Chinese, Japanese and Korean names in
 * their own script family name first. A contact may store its order (`nameOrder`); without it the name tells.
 */
import { tidy } from './fold.js';
import { isVietnamese } from './vietnamese.js';

/** The order a contact's name is written in: the contract's `nameOrder`. */
export type NameOrder = 'given_first' | 'family_first';

/** The parts of a contact that name it. */
export interface Named {
  firstName?: string | null;
  lastName?: string | null;
  /** The stored order; `null` or absent lets {@link nameOrderOf} decide from the name. */
  nameOrder?: NameOrder | null;
  emails?: readonly string[];
  phones?: readonly string[];
}

const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u;
const HAN_OR_HANGUL = /^[\p{Script=Han}\p{Script=Hangul}]+$/u;

/**
 * The order a name is written in: the stored one, else detected — family first for Vietnamese names (see
 * `isVietnamese`; `locale` is the language the name was typed in, which decides short names like `Lan Mai`) and for
 * names in Chinese, Japanese or Korean script; given name first for everyone else.
 *
 * @example
 * nameOrderOf({ firstName: 'Văn An', lastName: 'Nguyễn' }); // 'family_first'
 * nameOrderOf({ firstName: 'Jason', lastName: 'Chu' }); // 'given_first'
 */
export function nameOrderOf(c: Named, locale?: string | null): NameOrder {
  if (c.nameOrder) return c.nameOrder;
  const first = tidy(c.firstName);
  const last = tidy(c.lastName);
  if (!first || !last) return 'given_first';
  if (isVietnamese(first, last, locale) || (EAST_ASIAN.test(first) && EAST_ASIAN.test(last))) return 'family_first';
  return 'given_first';
}

/**
 * A contact's name as people write it, NFC-normalised: in its stored order, else Vietnamese and East Asian names
 * family name first, others given name first (see {@link nameOrderOf}); the primary email or phone when it has no
 * name.
 *
 * @example
 * contactName({ firstName: 'Văn An', lastName: 'Nguyễn' }); // 'Nguyễn Văn An'
 * contactName({ firstName: 'Linh', lastName: 'Nguyen' }); // 'Nguyen Linh'
 * contactName({ firstName: 'Jason', lastName: 'Chu' }); // 'Jason Chu'
 * contactName({ firstName: 'Emily', lastName: 'Carter', nameOrder: 'family_first' }); // 'Carter Emily'
 */
export function contactName(c: Named): string {
  const first = tidy(c.firstName);
  const last = tidy(c.lastName);
  if (!first || !last) return first || last || c.emails?.[0] || c.phones?.[0] || '—';
  if (nameOrderOf(c) === 'given_first') return `${first} ${last}`;
  // 王小明, 김민준: no space between the parts in these scripts.
  return HAN_OR_HANGUL.test(first) && HAN_OR_HANGUL.test(last) ? last + first : `${last} ${first}`;
}
