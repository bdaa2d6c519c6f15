/**
 * Salutations written before a name: the Thai prefixes (คุณ, นาย, นาง, นางสาว and their abbreviations, ดร.), written
 * with or without a space (`นายสมชาย`), and the English ones (`Mr.`, `Ms`…). Longest first, so นางสาว is not read as
 * นาง + สาว….
 */
const THAI = ['นางสาว', 'น.ส.', 'นาง', 'นาย', 'คุณ', 'ด.ช.', 'ด.ญ.', 'ดร.'];
const ENGLISH = /^(mr|mrs|ms|miss|mx|dr)\.?(?:\s+|$)/iu;
/** What may follow a Thai prefix written without a space: a consonant or a leading vowel, never a following vowel. */
const THAI_NAME_START = /^\s*[\u0E01-\u0E2E\u0E40-\u0E44]/u;

/**
 * Splits a salutation off the front of a name: `นางสาวสุดา ใจดี` → `['นางสาว', 'สุดา ใจดี']`. A Thai name that only
 * starts with the same letters (`คุณากร`) keeps them.
 *
 * @example
 * splitSalutation('คุณสมชาย ใจดี'); // ['คุณ', 'สมชาย ใจดี']
 * splitSalutation('Mr. John Smith'); // ['Mr.', 'John Smith']
 */
export function splitSalutation(name: string): [salutation: string | null, rest: string] {
  for (const prefix of THAI) {
    const rest = name.slice(prefix.length);
    if (name.startsWith(prefix) && THAI_NAME_START.test(rest)) return [prefix, rest.trim()];
  }
  const english = ENGLISH.exec(name);
  if (english && name.length > english[0].length) return [english[0].trim(), name.slice(english[0].length)];
  return [null, name];
}
