/**
 * Numbers and amounts as people type them in their own locale: `5.000.000` and `1,5` in Vietnamese, `1,500` and
 * `12.50` in Thai and English, `5 000 000`, with or without a currency (`5.000.000 ₫`, `฿1,500`, `5tr` is not a
 * number). Separators come from the locale (`Intl.NumberFormat#formatToParts`); what could be read two ways is refused
 * with the reason, never guessed, and nothing is scaled or rounded.
 */

/** The separators and grouping of a locale's numbers. */
export interface NumberSymbols {
  decimal: string;
  group: string;
  minus: string;
  /** Digits in the last group before the decimal separator (3), and in the groups before it (3; 2 in `en-IN`). */
  primary: number;
  secondary: number;
}

/** Why a text is not an amount, with what the message needs. */
export type AmountProblem =
  /** Not a number at all; `example` is one written the locale's way. */
  | { error: 'invalid'; example: string }
  /** Separators that the locale reads another way, or that could be read two ways (`1.500` for US dollars). */
  | { error: 'separators'; example: string; group: string; decimal: string }
  /** More decimals than the currency has (`digits`, 0 for VND). */
  | { error: 'decimals'; digits: number }
  /** Beyond what can be stored exactly. */
  | { error: 'tooLarge' };

/** An amount as typed: its value (minor units for money), or the problem. */
export type AmountResult = { value: number } | AmountProblem;

const symbolCache = new Map<string, NumberSymbols>();

/**
 * The decimal and group separators, minus sign and group sizes of `locale`.
 *
 * @example
 * numberSymbols('vi-VN'); // { decimal: ',', group: '.', minus: '-', primary: 3, secondary: 3 }
 */
export function numberSymbols(locale: string): NumberSymbols {
  let s = symbolCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(-1234567.5);
    const ints = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
    s = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      minus: parts.find((p) => p.type === 'minusSign')?.value ?? '-',
      primary: ints.at(-1) ?? 3,
      secondary: ints.length > 2 ? ints.at(-2)! : (ints.at(-1) ?? 3),
    };
    symbolCache.set(locale, s);
  }
  return s;
}

/** The first code point of each run of ten decimal digits a locale may write with (Latin, Arabic, Devanagari, Thai…). */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xed0, 0x1040, 0xff10];
/** `text` with every native digit (Thai `๒๕๖๙`, Arabic…) written as a Latin one. */
export const toLatinDigits = (text: string) =>
  text.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9);
    return zero === undefined ? d : String(cp - zero);
  });

const SPACES = /[\s\u00a0\u202f\u2009]/u;
const isSpace = (c: string) => SPACES.test(c);
const isApostrophe = (c: string) => c === "'" || c === '’';
/** A character that may separate groups: the locale's, any space, and either apostrophe where the locale uses one. */
const groupLike = (c: string, group: string) => c === group || isSpace(c) || (isApostrophe(group) && isApostrophe(c));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** What is left after the sign and any currency text are removed: digits and separators, as typed. */
interface Cleaned {
  negative: boolean;
  body: string;
}

function clean(text: string, symbols: NumberSymbols, currencyTexts: readonly string[]): Cleaned | null {
  // Direction marks that bidi locales put around signs, then currency texts (longest first: `US$` before `$`).
  let s = toLatinDigits(text.trim()).replace(/[\u200e\u200f\u061c]/gu, '');
  for (const c of [...currencyTexts].sort((a, b) => b.length - a.length)) {
    if (c) s = s.replace(new RegExp(escapeRegExp(c), 'giu'), ' ');
  }
  s = s.trim();
  let negative = false;
  if (/^\(.*\)$/u.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-\u2212]/u.test(s) || s.startsWith(symbols.minus)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (/[-\u2212]$/u.test(s)) {
    negative = true;
    s = s.slice(0, -1).trim();
  }
  return /\d/u.test(s) ? { negative, body: s } : null;
}

/** Whether the integer groups (split at a group separator) follow the locale's sizes: `1.234.567`, `12,34,567`. */
function groupsValid(groups: string[], symbols: NumberSymbols): boolean {
  if (groups.some((g) => !/^\d+$/u.test(g))) return false;
  const last = groups.length - 1;
  return groups.every((g, i) => {
    if (i === last) return g.length === symbols.primary;
    if (i === 0) return g.length >= 1 && g.length <= symbols.secondary;
    return g.length === symbols.secondary;
  });
}

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  locale: string;
  /** Decimals allowed (a currency's minor digits); more is a problem, never rounded. Default: any. */
  maxFraction?: number;
  /** Currency symbols, codes and names the text may carry (`₫`, `VND`, `đ`, `฿`, `บาท`). */
  currencyTexts?: readonly string[];
  /** A number written the locale's way, for the messages. */
  example: string;
  /** Scale the result by 10^`maxFraction` (to minor units). */
  minor?: boolean;
}

/**
 * Reads a number as typed in `locale`: the locale's decimal separator, its group separator (or spaces) between
 * groups of the locale's sizes, native digits, a minus sign or brackets, currency texts anywhere. Refuses what the
 * locale reads another way (`1.234.567` in English, `1,500,000` in Vietnamese), a single separator followed by three
 * digits where that many decimals are not allowed (`1.500` for US dollars: 1.5 or 1,500?), and more decimals than
 * allowed (`1,5` for VND). With `minor`, the value is in minor units, computed exactly from the digits.
 *
 * @example
 * parseAmount('5.000.000', { locale: 'vi-VN', maxFraction: 0, minor: true, example: '1.234.567' }); // { value: 5000000 }
 * parseAmount('1,500', { locale: 'th-TH', maxFraction: 2, minor: true, example: '1,234.56' }); // { value: 150000 }
 * parseAmount('1.500', { locale: 'en-US', maxFraction: 2, minor: true, example: '1,234.56' }); // { error: 'separators', … }
 */
export function parseAmount(text: string, options: ParseAmountOptions): AmountResult {
  const symbols = numberSymbols(options.locale);
  const { decimal, group } = symbols;
  const max = options.maxFraction ?? Number.POSITIVE_INFINITY;
  const separators = (): AmountProblem => ({ error: 'separators', example: options.example, group, decimal });
  const cleaned = clean(text, symbols, options.currencyTexts ?? []);
  if (!cleaned) return { error: 'invalid', example: options.example };
  const body = cleaned.body;
  for (const c of body) {
    if (!/\d/u.test(c) && c !== decimal && c !== '.' && c !== ',' && !groupLike(c, group)) {
      return { error: 'invalid', example: options.example };
    }
  }
  const decimals = body.split(decimal).length - 1;
  if (decimals > 1) return separators();
  const [intText = '', frac = ''] = decimals ? body.split(decimal) : [body];
  if (!/^\d*$/u.test(frac)) return separators();
  const groups: string[] = [''];
  for (const c of intText.trim()) {
    if (/\d/u.test(c)) groups[groups.length - 1] += c;
    else if (groupLike(c, group)) groups.push('');
    else return separators();
  }
  if (groups.length > 1 && !groupsValid(groups, symbols)) return separators();
  const int = groups.join('').replace(/^0+(?=\d)/u, '');
  if (!int && !frac) return { error: 'invalid', example: options.example };
  // `1.500` for dollars, `1,500` for dong: a thousands group typed the other locale's way, or decimals?
  if (frac.length > max && frac.length === symbols.primary && groups.length === 1) return separators();
  // Zeros beyond the currency's decimals change nothing (`5.000.000,00` dong); other digits would be rounded away.
  const significant = frac.replace(/0+$/u, '');
  if (significant.length > max) return { error: 'decimals', digits: max };
  const digits = options.minor ? `${int || '0'}${significant.padEnd(max, '0')}` : `${int || '0'}.${frac || '0'}`;
  const value = Number(digits);
  if (!Number.isFinite(value) || (options.minor && !Number.isSafeInteger(value))) return { error: 'tooLarge' };
  return { value: cleaned.negative && value !== 0 ? -value : value };
}
