/**
 * Wall-clock arithmetic in IANA time zones with `Intl.DateTimeFormat` (Node and browsers, with or without daylight
 * saving time): what a zone's clock shows at an instant, and the instant at which it shows a given wall time. The
 * server's SLA clock, automation dates and quiet hours and the widgets' date inputs all use these.
 *
 * @example
 * localDate(Date.parse('2026-12-06T18:00:00Z'), 'Asia/Ho_Chi_Minh'); // '2026-12-07'
 * new Date(instantAt('2026-03-08', '02:30', 'America/New_York')).toISOString(); // '2026-03-08T07:30:00.000Z' (03:30 EDT)
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
 * The instant at which the wall clock of `timeZone` shows `wall` (encoded as a UTC instant). A wall time skipped by a
 * daylight-saving jump resolves to the instant after the jump (02:30 on the spring-forward night is 03:30 summer
 * time); in an overlap it is the earlier instant.
 */
export function wallToInstant(wall: number, timeZone: string): number {
  // The zone's offset near that time, then once more at the candidate (the offset may differ across a DST change).
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  // Neither shows `wall` only when it falls in a gap: take the later candidate, after the jump.
  return wallClock(second, timeZone) === wall ? second : Math.max(first, second);
}

/** The calendar date (`YYYY-MM-DD`) the wall clock of `timeZone` shows at instant `ms`. */
export function localDate(ms: number, timeZone: string): string {
  return new Date(wallClock(ms, timeZone)).toISOString().slice(0, 10);
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
