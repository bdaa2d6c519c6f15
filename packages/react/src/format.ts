import { groupPhone } from '@crmkit/core';
import { minorToDecimal } from './decimal.js';

/** Options of {@link createFormat}: the provider's locale settings. */
export interface FormatOptions {
  /** BCP 47 locale, e.g. `vi-VN`, `th-TH`, `en-US`. */
  locale: string;
  /** IANA time zone for dates (default: the runtime's). */
  timeZone?: string;
  /** Default ISO 4217 currency of `money()` when a value does not name one. */
  currency?: string;
  /**
   * Calendar of dates. `th-TH` uses the Buddhist calendar by default (2569); pass `gregory` for 2026. Default: the
   * locale's own.
   */
  calendar?: string;
  /** The clock `relative()` measures from when not given a `now` (default: the system clock). */
  now?: () => Date;
}

/** Formatting bound to one locale: every number, amount, date and phone number a widget shows goes through it. */
export interface Format {
  readonly locale: string;
  /**
   * The calendar dates are shown in, resolved: `buddhist` for `th-TH` unless the provider says `gregory`. Date inputs
   * follow it (`@crmkit/react/input`'s `parseDate`).
   */
  readonly calendar: string;
  /** The default currency (the provider's). Reading what users type: `@crmkit/react/input`. */
  readonly currency: string;
  /**
   * An amount in minor units as money, exact to the last digit: `money(5_000_000, 'VND')` → `5.000.000 ₫` (VND has
   * no minor units); `money(123_456, 'THB')` → `฿1,234.56`. `compact` abbreviates the way the language does:
   * `1,25 tỷ ₫`, `450 triệu ₫`, `12.5 ล้านบาท`, `$1.3M` (no trailing `.0`).
   */
  money(minor: number, currency?: string, options?: { compact?: boolean }): string;
  /** Minor units → major units of `currency` (`12_345` THB → `123.45`; VND unchanged). */
  toMajor(minor: number, currency?: string): number;
  /** Major units → minor units, rounded (`123.45` THB → `12_345`). */
  toMinor(major: number, currency?: string): number;
  /** The decimals of `currency` (VND 0, THB 2, KWD 3). */
  digits(currency?: string): number;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A percentage given in percent (`percent(60)` → `60%`). */
  percent(value: number): string;
  /**
   * A calendar date (`2026-11-30` or an instant) without time; date-only strings are not shifted by the time zone.
   * Vietnamese writes short and medium dates `30/11/2026`.
   */
  date(value: string | Date, style?: 'short' | 'medium' | 'long'): string;
  /** Date and time of an instant, in the time zone; Vietnamese writes `14:30, 30/11/2026`. */
  dateTime(value: string | Date, style?: 'short' | 'medium'): string;
  /** Time of day of an instant. */
  time(value: string | Date): string;
  /** Relative to `now`: `3 days ago`, `in 2 hours`, `yesterday`. */
  relative(value: string | Date, now?: Date): string;
  /** A list of words: `a, b and c` in the locale's way. */
  list(items: readonly string[]): string;
  /** An E.164 number grouped as its country writes it: `+84901234567` → `+84 90 123 4567`, `+66 53 123 456`. */
  phone(e164: string): string;
  /** The day `value` falls on in the time zone, as `YYYY-MM-DD` (to group by day). */
  dayKey(value: string | Date): string;
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();
/** One cached `Intl` formatter per kind and options (building them is the slow part). */
function memo<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
/**
 * Formatting helpers for one locale, time zone and currency, built on `Intl` (formatters are cached).
 *
 * @example
 * const f = createFormat({ locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh', currency: 'VND' });
 * f.money(5_000_000); // '5.000.000 ₫'
 * f.relative('2026-11-28T10:00:00Z'); // '2 ngày trước'
 */
export function createFormat({ locale, timeZone, currency = 'USD', calendar, now: clock }: FormatOptions): Format {
  const tz = timeZone ? { timeZone } : {};
  const cal = calendar ? { calendar } : {};
  const id = `${locale}|${timeZone}|${calendar}`;
  const numberFormat = (options: Intl.NumberFormatOptions = {}) =>
    memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
  const digits = (c: string) =>
    numberFormat({ style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits ?? 2;
  const language = locale.split('-')[0]!.toLowerCase();
  const toDate = (v: string | Date) => (typeof v === 'string' ? new Date(v) : v);
  const dateFormat = (key: string, options: Intl.DateTimeFormatOptions) =>
    memo(`d|${id}|${key}`, () => new Intl.DateTimeFormat(locale, { ...tz, ...cal, ...options }));
  const format: Format = {
    locale,
    calendar: memo(`c|${locale}|${calendar}`, () => new Intl.DateTimeFormat(locale, cal)).resolvedOptions().calendar,
    currency,
    toMajor: (minor, c = currency) => minor / 10 ** digits(c),
    toMinor: (major, c = currency) => Math.round(major * 10 ** digits(c)),
    digits: (c = currency) => digits(c),
    money: (minor, c = currency, o = {}) => {
      const exact = minorToDecimal(minor, digits(c)) as `${number}`;
      if (o.compact) return compactMoney(exact, c, numberFormat, language);
      return numberFormat({ style: 'currency', currency: c }).format(exact);
    },
    number: (value, options) => numberFormat(options).format(value),
    percent: (value) => numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(value / 100),
    date: (value, style = 'medium') => {
      const options = dateOptions(language, style);
      return typeof value === 'string' && DATE_ONLY.test(value)
        ? memo(
            `d|${locale}|${calendar}|utc|${style}`,
            () => new Intl.DateTimeFormat(locale, { ...cal, timeZone: 'UTC', ...options }),
          ).format(new Date(`${value}T00:00:00Z`))
        : dateFormat(`date|${style}`, options).format(toDate(value));
    },
    dateTime: (value, style = 'medium') =>
      language === 'vi'
        ? `${format.time(value)}, ${format.date(value, style)}`
        : dateFormat(`dt|${style}`, { dateStyle: style, timeStyle: 'short' }).format(toDate(value)),
    time: (value) => dateFormat('t', { timeStyle: 'short' }).format(toDate(value)),
    relative: (value, now = clock ? clock() : new Date()) => {
      const seconds = (toDate(value).getTime() - now.getTime()) / 1000;
      const [unit, size] = RELATIVE_UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? RELATIVE_UNITS[6]!;
      return memo(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
        Math.round(seconds / size),
        unit,
      );
    },
    list: (items) => memo(`l|${locale}`, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
    phone: groupPhone,
    dayKey: (value) => {
      const parts = memo(
        `k|${timeZone}`,
        () => new Intl.DateTimeFormat('en-CA', { ...tz, year: 'numeric', month: '2-digit', day: '2-digit' }),
      ).formatToParts(toDate(value));
      const get = (type: string) => parts.find((p) => p.type === type)!.value;
      return `${get('year')}-${get('month')}-${get('day')}`;
    },
  };
  return format;
}

/**
 * Date styles where a language writes them otherwise than CLDR: Vietnamese software writes short and medium dates
 * `30/11/2026` (CLDR: `30/11/26`, `30 thg 11, 2026`).
 */
function dateOptions(language: string, style: 'short' | 'medium' | 'long'): Intl.DateTimeFormatOptions {
  if (language === 'vi' && style !== 'long') return { day: '2-digit', month: '2-digit', year: 'numeric' };
  return { dateStyle: style };
}

type NumberFormatOf = (options?: Intl.NumberFormatOptions) => Intl.NumberFormat;

/**
 * Money in a few characters, the way the language abbreviates it: Vietnamese and Thai with their words for the
 * powers of ten (`1,25 tỷ ₫`, `450 triệu ₫`; `12.5 ล้านบาท`, `4.5 แสนบาท`), others with the short compact
 * notation and no trailing zero (`$1.3M`, `฿450K`).
 */
function compactMoney(exact: `${number}`, currency: string, numberFormat: NumberFormatOf, language: string): string {
  if (language !== 'vi' && language !== 'th') {
    return numberFormat({
      style: 'currency',
      currency,
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(exact);
  }
  const amount = numberFormat({ notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(exact);
  if (language === 'th' && currency === 'THB') return /\p{L}$/u.test(amount) ? `${amount}บาท` : `${amount} บาท`;
  const symbol = numberFormat({ style: 'currency', currency })
    .formatToParts(1)
    .find((p) => p.type === 'currency')!.value;
  return `${amount}\u00a0${symbol}`;
}
