/**
 * Sort keys that order text as ICU's collation for a language does (`vi`, `th`, and the root order every other
 * language starts from), as plain strings that compare by code point — so PostgreSQL sorts them with the `C`
 * collation on any server, the embedded one (which has no ICU collations) included, one index serves every
 * workspace whatever its language, and a browser sorts them with `<`. The tests check the keys against
 * `Intl.Collator` (core) and against PostgreSQL's ICU collations `vi-x-icu`, `th-x-icu`, `und-x-icu` (server).
 *
 * A key is a UCA sort key: the primary weights of the text (letters: `Ánh` and `anh` are the same), then its
 * secondary weights (accents and Vietnamese tones), then its tertiary weights (case), each weight one character.
 * Covered: spaces and ASCII punctuation, digits (Latin and Thai), the Latin letters with the accents Western and
 * Vietnamese names use (ă â đ ê ô ơ ư are letters of their own in Vietnamese), Thai (a vowel written before its
 * consonant sorts after it: `เกษม` under ก). Other characters sort after these by code point.
 */

/** The language whose collation a key follows: Vietnamese, Thai, or the root order. */
export type CollationLanguage = 'vi' | 'th' | 'root';

/** Bump when keys change: keys stored by an older version must be rebuilt (a server migration). */
export const COLLATION_VERSION = 1;

/** The language of `locale` whose collation applies (`vi-VN` → `vi`; languages without a tailoring here → root). */
export function collationLanguage(locale: string): CollationLanguage {
  const language = locale.split('-')[0]!.toLowerCase();
  return language === 'vi' || language === 'th' ? language : 'root';
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');

const THAI_CONSONANTS = range(0xe01, 0xe2e);
const SPACES = ' \t\n\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';
/** Spaces and punctuation: "variable" characters, which Thai's collation ignores but for ties. */
const PUNCTUATION = '_-,;:!?.\'"()[]{}@*/\\&#%\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d';
const THAI_PUNCTUATION = { root: '\u0e4f\u0e5a\u0e5b\u0e46', th: '\u0e2f\u0e46\u0e4f\u0e5a\u0e5b' };
const SYMBOLS = '`^+<=>|~$\u0e3f';
const DIGITS = '0123456789';
const LATIN = { root: 'abcdefghijklmnopqrstuvwxyz', vi: 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz' };
/**
 * Thai letters and vowels in their order. In Thai's own order `ํ` (nikhahit) is a letter, `ๅ` is a variant of `า`
 * and `ำ` sorts as `า` + `ํ` (see `THAI_VARIANTS`); in the root order `ํ` is a mark and `ำ`, `ๅ` letters.
 */
const THAI_LETTERS = {
  root: `${THAI_CONSONANTS}\u0e2f\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e40\u0e41\u0e42\u0e43\u0e44\u0e45`,
  th: `${THAI_CONSONANTS}\u0e4d\u0e30\u0e31\u0e32\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e40\u0e41\u0e42\u0e43\u0e44\u0e3a`,
};
/** Accents and Thai tone marks in the order they sort (secondary weights); a stroke (`đ`, `ø`, `ł`) after them. */
const MARKS = {
  root: '\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0327\u0328\u0304\u0309\u031b\u0323\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e',
  vi: '\u0300\u0309\u0303\u0301\u0323\u030c\u030a\u0308\u030b\u0307\u0327\u0328\u0304\u031b\u0306\u0302\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e',
  th: '\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0327\u0328\u0304\u0309\u031b\u0323\u0e4e\u0e4c\u0e47\u0e48\u0e49\u0e4a\u0e4b',
};
const STROKE = '\u0338';
/** Letters without a decomposition that sort as others: with a stroke, or as two letters (tertiary variants). */
const SPECIAL: Record<string, { as: string; stroke?: true; variant?: true }> = {
  đ: { as: 'd', stroke: true },
  ø: { as: 'o', stroke: true },
  ł: { as: 'l', stroke: true },
  ß: { as: 'ss', variant: true },
  æ: { as: 'ae', variant: true },
  œ: { as: 'oe', variant: true },
};
/** In Vietnamese, a vowel with a breve, circumflex or horn is a letter of its own (`â` after `ă` after `a`). */
const VI_LETTERS: Record<string, Record<string, string>> = {
  a: { '\u0306': 'ă', '\u0302': 'â' },
  e: { '\u0302': 'ê' },
  o: { '\u0302': 'ô', '\u031b': 'ơ' },
  u: { '\u031b': 'ư' },
};
const PREVOWELS = '\u0e40\u0e41\u0e42\u0e43\u0e44';
/** In Thai's order: `ๅ` is `า`, `ำ` is `า` then `ํ`, each a tertiary variant. */
const THAI_VARIANTS: Record<string, string> = { '\u0e45': '\u0e32', '\u0e33': '\u0e32\u0e4d' };

/** Weights as one character each: above the level and field separators, below the surrogates. */
const BASE = 0x100;
/** Primaries of characters outside the tables: two characters from here, in code point order. */
const UNKNOWN = 0x4000;
/** A common (no accent, lower case) secondary or tertiary weight. */
const COMMON = 1;
const LEVEL = '\u0001';

interface Tables {
  primary: Map<string, number>;
  variable: Set<string>;
  secondary: Map<string, number>;
  shifted: boolean;
}

const tables = new Map<CollationLanguage, Tables>();

function tablesOf(language: CollationLanguage): Tables {
  let t = tables.get(language);
  if (t) return t;
  const thai = language === 'th' ? 'th' : 'root';
  const latin = LATIN[language === 'vi' ? 'vi' : 'root'];
  const letters = language === 'th' ? THAI_LETTERS.th + latin : latin + THAI_LETTERS.root;
  const variable = SPACES + PUNCTUATION + THAI_PUNCTUATION[thai];
  const order = [...variable, ...SYMBOLS, ...DIGITS, ...letters];
  const primary = new Map<string, number>();
  // All spaces share one weight.
  for (const c of order) primary.set(c, SPACES.includes(c) ? 1 : primary.size + 2);
  const marks = MARKS[language === 'vi' ? 'vi' : thai];
  const secondary = new Map<string, number>([...marks, STROKE].map((m, i) => [m, COMMON + 1 + i]));
  t = { primary, variable: new Set(variable), secondary, shifted: language === 'th' };
  tables.set(language, t);
  return t;
}

/** One collation element: primary (0: none), secondary and tertiary weights, and whether it is variable. */
type Element = [primary: number, secondary: number, tertiary: number, variable: boolean];

/** The collation elements of `text` in `language`. */
function elements(text: string, language: CollationLanguage): Element[] {
  const t = tablesOf(language);
  const chars = [...text.normalize('NFD')];
  const out: Element[] = [];
  const unknownPrimary = (c: string) => UNKNOWN + 0x100 + (c.codePointAt(0)! >> 10);
  const letter = (c: string, tertiary: number): void => {
    const lower = c.toLowerCase();
    const p = t.primary.get(lower);
    if (p !== undefined) out.push([p, COMMON, tertiary, t.variable.has(lower)]);
    else if (/\p{M}/u.test(c)) out.push([0, t.secondary.get(c) ?? 0x800 + (c.codePointAt(0)! & 0x3ff), COMMON, false]);
    else if (/\p{Nd}/u.test(c) && c >= '\u0e50' && c <= '\u0e59') {
      out.push([t.primary.get(String.fromCharCode(c.charCodeAt(0) - 0xe50 + 0x30))!, COMMON, COMMON, false]);
    } else {
      // Outside the tables: after everything, in code point order (two weights keep them below the surrogates).
      out.push([unknownPrimary(c), COMMON, tertiary, false]);
      out.push([UNKNOWN + (c.codePointAt(0)! & 0x3ff), COMMON, COMMON, false]);
    }
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const lower = c.toLowerCase();
    const upper = c !== lower;
    // A Thai vowel written before its consonant sorts after it.
    const next = chars[i + 1];
    if (next && PREVOWELS.includes(c) && THAI_CONSONANTS.includes(next)) {
      letter(next, COMMON);
      letter(c, COMMON);
      i++;
      continue;
    }
    const variant = language === 'th' ? THAI_VARIANTS[c] : undefined;
    if (variant) {
      for (const v of variant) letter(v, 3);
      continue;
    }
    const special = SPECIAL[lower];
    if (special && !(language === 'vi' && lower === 'đ')) {
      for (const s of special.as) letter(s, (upper ? 2 : COMMON) + (special.variant ? 2 : 0));
      if (special.stroke) out.push([0, t.secondary.get(STROKE)!, COMMON, false]);
      continue;
    }
    const viLetters = language === 'vi' ? VI_LETTERS[lower] : undefined;
    if (viLetters) {
      // The breve, circumflex or horn may come after a tone mark in NFD (`ệ` is e + dot below + circumflex).
      let j = i + 1;
      while (j < chars.length && /\p{M}/u.test(chars[j]!) && !viLetters[chars[j]!]) j++;
      const own = viLetters[chars[j] ?? ''];
      if (own) {
        letter(upper ? own.toUpperCase() : own, upper ? 2 : COMMON);
        for (let k = i + 1; k < j; k++) letter(chars[k]!, COMMON);
        chars.splice(j, 1);
        i = j - 1;
        continue;
      }
    }
    letter(c, upper ? 2 : COMMON);
  }
  return out;
}

const w = (n: number) => String.fromCharCode(BASE + n);

/**
 * The sort key of `text` in `language`: keys compare (by code point, as PostgreSQL's `C` collation and JavaScript's
 * `<` do) as ICU compares the texts. Thai ignores spaces and punctuation, as ICU's Thai collation does.
 *
 * @example
 * collationKey('Ánh', 'vi') < collationKey('Đặng', 'vi'); // true (bytewise, "Ánh" sorted after "Z")
 * collationKey('เกษม', 'th') < collationKey('ขจร', 'th'); // true
 */
export function collationKey(text: string, language: CollationLanguage): string {
  const t = tablesOf(language);
  const ces = elements(text, language);
  let primary = '';
  let secondary = '';
  let tertiary = '';
  let afterVariable = false;
  for (const [p, s, tr, variable] of ces) {
    // Thai's collation ignores spaces and punctuation, and marks on them (ICU: alternate=shifted, tertiary strength).
    if (t.shifted && (variable || (p === 0 && afterVariable))) {
      afterVariable = true;
      continue;
    }
    afterVariable = false;
    if (p) primary += p >= UNKNOWN ? String.fromCharCode(p) : w(p);
    secondary += w(s);
    tertiary += w(tr);
  }
  return `${primary}${LEVEL}${secondary}${LEVEL}${tertiary}`;
}
