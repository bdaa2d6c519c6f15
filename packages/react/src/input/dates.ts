import type { Format } from '../format.js';
import { toLatinDigits } from './amounts.js';

/** How dates are typed in a locale and calendar: the order of the parts, their separator and the year's offset. */
export interface DateEntry {
  /** `['day', 'month', 'year']` in Thai and Vietnamese, `['month', 'day', 'year']` in US English. */
  order: ('day' | 'month' | 'year')[];
  /** `/` in most locales, `.` in German. */
  separator: string;
  /** What the calendar adds to the Gregorian year: 543 in the Buddhist era, -1911 in the Minguo calendar, else 0. */
  yearOffset: number;
  /** The era's short name where the year is not Gregorian (`พ.ศ.`, `BE`), else undefined. */
  era: string | undefined;
}

/** A date as typed, read: `YYYY-MM-DD` (`YYYY-MM-DDTHH:mm` with a time), or what is wrong with it. */
export type DateResult =
  | { value: string }
  /** Not a date in the expected order (or no such day: 31/2): `example` is one written the expected way. */
  | { error: 'invalid'; example: string }
  /**
   * A year that reads as Gregorian in a calendar that is not (`7/12/2026` in the Buddhist era would be 1483): `year` is
   * the year the user probably means, written in the calendar (2569).
   */
  | { error: 'era'; typed: number; year: number; example: string };

type Calendar = Pick<Format, 'locale' | 'calendar'>;

const entries = new Map<string, DateEntry>();

/** The year, month and day `date` (UTC) shows in `f`, as Latin numbers. */
function numbersOf(f: Intl.DateTimeFormat, date: Date) {
  const parts = f.formatToParts(date);
  const get = (type: string) => Number(toLatinDigits(parts.find((p) => p.type === type)?.value ?? 'NaN'));
  return { year: get('year'), month: get('month'), day: get('day'), parts };
}

/**
 * How dates are typed in `format`'s locale and calendar. Calendars whose years are the Gregorian years shifted
 * (Buddhist, Minguo) are typed in their own years; others (Japanese eras, Islamic months) in Gregorian ones.
 *
 * @example
 * dateEntry({ locale: 'th-TH', calendar: 'buddhist' }); // { order: ['day', 'month', 'year'], separator: '/', yearOffset: 543, era: 'พ.ศ.' }
 */
export function dateEntry({ locale, calendar }: Calendar): DateEntry {
  const key = `${locale}|${calendar}`;
  let entry = entries.get(key);
  if (entry) return entry;
  const options = { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' } as const;
  const own = new Intl.DateTimeFormat(locale, { ...options, calendar });
  // The offset holds only if months and days are the Gregorian ones on dates across years and months.
  const samples = [Date.UTC(2026, 11, 31), Date.UTC(1999, 0, 1), Date.UTC(2100, 5, 15)].map((ms) => new Date(ms));
  const offsets = samples.map((d) => {
    const n = numbersOf(own, d);
    return n.month === d.getUTCMonth() + 1 && n.day === d.getUTCDate() ? n.year - d.getUTCFullYear() : Number.NaN;
  });
  const shifted = offsets.every((o) => o === offsets[0]) && Number.isFinite(offsets[0]);
  const yearOffset = shifted ? offsets[0]! : 0;
  const f = shifted ? own : new Intl.DateTimeFormat(locale, { ...options, calendar: 'gregory' });
  const parts = numbersOf(f, samples[0]!).parts;
  const order = parts
    .map((p) => p.type)
    .filter((t): t is DateEntry['order'][number] => t === 'day' || t === 'month' || t === 'year');
  const separator = parts.find((p) => p.type === 'literal')?.value.replace(/[\u200e\u200f\s]/gu, '') || '/';
  const era =
    yearOffset === 0
      ? undefined
      : new Intl.DateTimeFormat(locale, { timeZone: 'UTC', calendar, era: 'short', year: 'numeric' })
          .formatToParts(samples[0])
          .find((p) => p.type === 'era')?.value;
  entry = { order: order.length === 3 ? order : ['day', 'month', 'year'], separator, yearOffset, era };
  entries.set(key, entry);
  return entry;
}

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/**
 * A stored date (`YYYY-MM-DD`) or wall time (`YYYY-MM-DDTHH:mm`) as the user would type it in `format`'s locale and
 * calendar: `7/12/2569` and `7/12/2569 14:30` in Thai, `12/7/2026` in US English. {@link parseDate} reads it back. A
 * value that is not a stored date is returned as it is.
 *
 * @example
 * dateInput(createFormat({ locale: 'th-TH' }), '2026-12-07'); // '7/12/2569'
 */
export function dateInput(format: Calendar, value: string): string {
  const m = CANONICAL.exec(value);
  if (!m) return value;
  const { order, separator, yearOffset } = dateEntry(format);
  const parts = { year: String(Number(m[1]) + yearOffset), month: String(Number(m[2])), day: String(Number(m[3])) };
  const date = order.map((p) => parts[p]).join(separator);
  return m[4] ? `${date} ${m[4]}:${m[5]}` : date;
}

const pad = (n: number, size = 2) => String(n).padStart(size, '0');

/**
 * A date as typed in `format`'s locale and calendar: its parts in the locale's order, separated by `/`, `.`, `-` or
 * spaces, the year in the calendar shown (`7/12/2569` in Thai is 2026-12-07), native digits understood; a year first
 * is read year, month, day (`2569-12-07`; an ISO date `2026-12-07` stays Gregorian). With `time`, a time `HH:mm` must follow (`7/12/2569 14:30`). A day that
 * does not exist, or a Gregorian-looking year in the Buddhist era, is a problem to show, never guessed.
 *
 * @example
 * parseDate(createFormat({ locale: 'th-TH' }), '7/12/2569'); // { value: '2026-12-07' }
 * parseDate(createFormat({ locale: 'th-TH' }), '7/12/2026'); // { error: 'era', typed: 2026, year: 2569, … }
 * parseDate(createFormat({ locale: 'th-TH' }), '7/12/2569 9:05', { time: true }); // { value: '2026-12-07T09:05' }
 */
export function parseDate(format: Calendar, text: string, options: { time?: boolean } = {}): DateResult {
  const entry = dateEntry(format);
  const sample = options.time ? '2026-12-31T14:30' : '2026-12-31';
  const example = dateInput(format, sample);
  const invalid = { error: 'invalid', example } as const;
  const m = /^(\d{1,4})\D+(\d{1,4})\D+(\d{1,4})(?:[\s,T]+(\d{1,2})[:.](\d{2}))?$/u.exec(
    toLatinDigits(text.normalize('NFKC')).trim().replace(/\s+/gu, ' '),
  );
  if (!m || Boolean(m[4]) !== Boolean(options.time)) return invalid;
  const numbers = m.slice(1, 4).map(Number) as [number, number, number];
  const order = m[1]!.length > 2 ? (['year', 'month', 'day'] as const) : entry.order;
  const got = { year: 0, month: 0, day: 0 };
  order.forEach((p, i) => {
    got[p] = numbers[i]!;
  });
  const yearDigits = m[order.indexOf('year') + 1]!.length;
  const gregorianLooking = entry.yearOffset >= 100 && got.year >= 1900 && got.year < 2200;
  // Year first with a Gregorian-looking year is ISO 8601 (`2026-12-07`), Gregorian by definition; written the local
  // way, it is the Buddhist-era user typing the year they see elsewhere.
  if (gregorianLooking && order === entry.order) {
    return { error: 'era', typed: got.year, year: got.year + entry.yearOffset, example };
  }
  const year = gregorianLooking ? got.year : got.year - entry.yearOffset;
  if (yearDigits < (entry.yearOffset < 0 ? 1 : 4) || year < 1000 || year > 9999) return invalid;
  const check = new Date(Date.UTC(2000, got.month - 1, got.day));
  check.setUTCFullYear(year);
  if (check.getUTCMonth() !== got.month - 1 || check.getUTCDate() !== got.day) return invalid;
  const date = `${pad(year, 4)}-${pad(got.month)}-${pad(got.day)}`;
  if (!options.time) return { value: date };
  const [h, min] = [Number(m[4]), Number(m[5])];
  return h > 23 || min > 59 ? invalid : { value: `${date}T${pad(h)}:${pad(min)}` };
}
