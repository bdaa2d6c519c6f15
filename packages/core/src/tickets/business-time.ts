import { isValidTimeZone, wallClock, wallToInstant } from '../time-zone.js';

export { isValidTimeZone, zoneOffsetMs } from '../time-zone.js';

/**
 * Weekly business hours in an IANA time zone, minus holidays (the contract's `BusinessCalendar`).
 */
export interface BusinessCalendar {
  id: string;
  name?: string;
  timeZone: string;
  /** Open intervals; `day` 0 = Sunday, times `HH:MM`. Empty: open 24×7. */
  weeklyHours: readonly { day: number; start: string; end: string }[];
  /** Closed dates, `YYYY-MM-DD` in the calendar's zone. */
  holidays: readonly string[];
}

/**
 * Business-time arithmetic over a {@link BusinessCalendar}: weekly open intervals in an IANA time zone,
 * minus holidays. Zone offsets come from `Intl.DateTimeFormat`, so it works in Node and browsers, with or
 * without daylight saving time.
 *
 * - An empty `weeklyHours` list means open 24×7 (holidays still close their whole day).
 * - An interval whose `end` is not after its `start` runs over midnight into the next day (`22:00`–`06:00`).
 * - `end` may be `24:00`. A holiday closes its local calendar date, including the part of an overnight
 *   interval that falls on it.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DAY_MINUTES = 1440;
/** A calendar with no open time for this many days in a row is treated as never open. */
const MAX_CLOSED_DAYS = 400;

type Instant = Date | string | number;
/** Open minutes of a local day, `[start, end)` with 0 ≤ start < end ≤ 1440. */
type DayInterval = readonly [number, number];

interface CompiledCalendar {
  timeZone: string;
  /** Open intervals by weekday (0 = Sunday), including the tails of overnight intervals of the day before. */
  byWeekday: DayInterval[][];
  holidays: ReadonlySet<string>;
}

function parseClock(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return Math.min(DAY_MINUTES, Math.max(0, h * 60 + m));
}

function mergeIntervals(intervals: DayInterval[]): DayInterval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const byWeekday: DayInterval[][] = Array.from({ length: 7 }, () => []);
  if (calendar.weeklyHours.length === 0) {
    for (const day of byWeekday) day.push([0, DAY_MINUTES]);
  }
  for (const { day, start, end } of calendar.weeklyHours) {
    const a = parseClock(start);
    const b = parseClock(end);
    if (a >= DAY_MINUTES) continue;
    if (b > a) {
      byWeekday[day]!.push([a, b]);
    } else {
      // Overnight: open until midnight, then on the next day until `end`.
      byWeekday[day]!.push([a, DAY_MINUTES]);
      if (b > 0) byWeekday[(day + 1) % 7]!.push([0, b]);
    }
  }
  const result: CompiledCalendar = {
    timeZone: isValidTimeZone(calendar.timeZone) ? calendar.timeZone : 'UTC',
    byWeekday: byWeekday.map(mergeIntervals),
    holidays: new Set(calendar.holidays),
  };
  compiled.set(calendar, result);
  return result;
}

/** The local calendar day (days since 1970-01-01) of instant `ms`. */
function localDay(ms: number, cal: CompiledCalendar): number {
  return Math.floor(wallClock(ms, cal.timeZone) / DAY_MS);
}

/** The open intervals of local day `day` as UTC instants, in order. */
function openIntervals(day: number, cal: CompiledCalendar): [number, number][] {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (cal.holidays.has(date)) return [];
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const out: [number, number][] = [];
  for (const [a, b] of cal.byWeekday[weekday]!) {
    const from = wallToInstant(day * DAY_MS + a * MINUTE_MS, cal.timeZone);
    const to = wallToInstant(day * DAY_MS + b * MINUTE_MS, cal.timeZone);
    if (to > from) out.push([from, to]);
  }
  return out;
}

const toMs = (t: Instant): number => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/**
 * The instant `minutes` of business time after `start`. Starting outside business hours counts from the next
 * opening; a result that lands exactly on a closing time is that closing time. `minutes` ≤ 0 returns `start`.
 *
 * @example
 * // Mon–Fri 09:00–18:00 Asia/Ho_Chi_Minh; Friday 17:00 + 120 min → Monday 10:00 (+07:00)
 * addBusinessMinutes('2026-11-27T10:00:00Z', 120, calendar); // 2026-11-30T03:00:00.000Z
 */
export function addBusinessMinutes(start: Instant, minutes: number, calendar: BusinessCalendar): Date {
  const startMs = toMs(start);
  let remaining = Math.round(minutes * MINUTE_MS);
  if (!(remaining > 0)) return new Date(startMs);
  const cal = compile(calendar);
  let cursor = startMs;
  let closedDays = 0;
  for (let day = localDay(startMs, cal); ; day++) {
    const intervals = openIntervals(day, cal);
    if (intervals.length === 0 && ++closedDays > MAX_CLOSED_DAYS) {
      throw new Error(`Business calendar ${calendar.id} has no open hours.`);
    }
    if (intervals.length > 0) closedDays = 0;
    for (const [a, b] of intervals) {
      if (b <= cursor) continue;
      const from = Math.max(a, cursor);
      if (remaining <= b - from) return new Date(from + remaining);
      remaining -= b - from;
      cursor = b;
    }
  }
}

/**
 * Business minutes between two instants (fractional; negative when `b` is before `a`).
 *
 * @example
 * businessMinutesBetween('2026-11-27T10:00:00Z', '2026-11-30T03:00:00Z', calendar); // 120
 */
export function businessMinutesBetween(a: Instant, b: Instant, calendar: BusinessCalendar): number {
  const from = toMs(a);
  const to = toMs(b);
  if (to < from) return -businessMinutesBetween(b, a, calendar);
  const cal = compile(calendar);
  let total = 0;
  const last = localDay(to, cal);
  for (let day = localDay(from, cal); day <= last; day++) {
    for (const [x, y] of openIntervals(day, cal)) {
      const overlap = Math.min(y, to) - Math.max(x, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}
