/**
 * Wall-clock arithmetic in IANA time zones with `Intl.DateTimeFormat` (Node and browsers, with or without daylight
 * saving time): what a zone's clock shows at an instant, and the instant at which it shows a given wall time.
 */

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time of `ms` in `timeZone`, encoded as if it were a UTC instant. */
export function wallClock(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') fields[p.type] = Number(p.value);
  }
  const hour = fields.hour === 24 ? 0 : (fields.hour ?? 0);
  const wall = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    hour,
    fields.minute,
    fields.second,
  );
  return wall + (((ms % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at instant `ms`, in ms (Asia/Ho_Chi_Minh: +7 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  return wallClock(ms, timeZone) - ms;
}

/**
 * The instant at which the wall clock of `timeZone` shows `wall` (encoded as a UTC instant).
 * In a daylight-saving gap the result is shifted by the gap; in an overlap it is the earlier instant.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const first = zoneOffsetMs(wall, timeZone);
  const guess = wall - first;
  const second = zoneOffsetMs(guess, timeZone);
  return second === first ? guess : wall - second;
}

/** The calendar date (`YYYY-MM-DD`) the wall clock of `timeZone` shows at instant `ms`. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
}

/** The weekday (0 = Sunday) in `timeZone` at instant `ms`. */
export function localWeekday(ms: number, timeZone: string): number {
  return new Date(wallClock(ms, timeZone)).getUTCDay();
}

/** The instant at which `timeZone` shows `time` (`HH:MM`) on `date` (`YYYY-MM-DD`); a DST gap shifts it forwards. */
export function instantAt(date: string, time: string, timeZone: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return wallToInstant(Date.parse(`${date}T00:00:00Z`) + (h * 60 + m) * 60_000, timeZone);
}

/** `date` (`YYYY-MM-DD`) plus `days` days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant at or after `fromMs` at which `timeZone`'s clock shows `time` on one of `weekdays` (0 = Sunday;
 * default every day): "wait until 09:00 on a weekday, in the member's time zone".
 */
export function nextWindow(fromMs: number, time: string, timeZone: string, weekdays?: readonly number[]): number {
  const today = localDate(fromMs, timeZone);
  for (let i = 0; i < 8; i++) {
    const date = addDays(today, i);
    const at = instantAt(date, time, timeZone);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (at >= fromMs && (!weekdays || weekdays.length === 0 || weekdays.includes(weekday))) return at;
  }
  return fromMs;
}
