/**
 * Reading what users type, the way their locale writes it: amounts and numbers (`5.000.000 ₫`, `฿1,500`, `12,5`),
 * dates in the calendar they are shown in (`7/12/2569` in Thai), and writing stored values back into inputs the same
 * way. A separate entry, as only forms need it: a page that only
 * shows records does not download the parser.
 *
 * @packageDocumentation
 */

import { minorToDecimal } from '../decimal.js';
import type { Format } from '../format.js';
import { type AmountResult, parseAmount } from './amounts.js';
import { currencyTexts } from './currency-texts.js';

export { type AmountProblem, type AmountResult, type NumberSymbols, numberSymbols } from './amounts.js';
export { type DateEntry, type DateResult, dateEntry, dateInput, parseDate } from './dates.js';

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    formats.set(key, nf);
  }
  return nf;
};

/**
 * An amount in minor units as the user would type it in `format`'s locale, without the currency: `1.500.000`,
 * `1,234.56`. {@link parseMoney} reads it back to the same minor units.
 *
 * @example
 * moneyInput(createFormat({ locale: 'vi-VN' }), 5_000_000, 'VND'); // '5.000.000'
 */
export function moneyInput(format: Format, minor: number, currency = format.currency): string {
  const digits = format.digits(currency);
  return numberFormat(format.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    minorToDecimal(minor, digits) as `${number}`,
  );
}

/** A number as the user would type it in `format`'s locale (`12,5` in Vietnamese), without grouping. */
export function numberInput(format: Format, value: number): string {
  return numberFormat(format.locale, { maximumFractionDigits: 20, useGrouping: false }).format(value);
}

/** A number written the locale's way, for messages: `1.234.567` (VND), `1,234,567.89` (THB), `1.234.567,89`. */
function example(format: Format, currency?: string): string {
  if (!currency) return format.number(1234567.89);
  const scale = 10 ** format.digits(currency);
  return moneyInput(format, 1_234_567 * scale + Math.floor(0.89 * scale), currency);
}

/**
 * An amount as typed, in minor units: the locale's separators (`5.000.000` and `1,5` in Vietnamese, `1,500.50` in
 * Thai), spaces between groups, native digits and currency symbols or codes are understood; separators the locale
 * reads another way, or that could mean either (`1.500` for dollars), and more decimals than the currency has are a
 * problem to show (see {@link AmountProblem}) — never guessed, scaled or rounded.
 *
 * @example
 * parseMoney(createFormat({ locale: 'vi-VN' }), '5.000.000', 'VND'); // { value: 5000000 }
 * parseMoney(createFormat({ locale: 'th-TH' }), '1,500', 'THB'); // { value: 150000 }
 * parseMoney(createFormat({ locale: 'en-US' }), '1.500', 'USD'); // { error: 'separators', … }
 */
export function parseMoney(format: Format, text: string, currency = format.currency): AmountResult {
  return parseAmount(text, {
    locale: format.locale,
    maxFraction: format.digits(currency),
    minor: true,
    currencyTexts: currencyTexts(format.locale, currency),
    example: example(format, currency),
  });
}

/**
 * A number as typed in `format`'s locale, by the rules of {@link parseMoney} without a decimal limit.
 *
 * @example
 * parseNumber(createFormat({ locale: 'vi-VN' }), '12,5'); // { value: 12.5 }
 */
export function parseNumber(format: Format, text: string): AmountResult {
  return parseAmount(text, { locale: format.locale, example: example(format) });
}
