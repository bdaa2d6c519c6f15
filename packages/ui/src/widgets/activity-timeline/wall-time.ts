/**
 * Wall-clock times in a given IANA time zone, for `date` and `datetime-local` inputs: what the user types is a time in
 * the provider's `timeZone` (the browser's when none is set), not necessarily in the browser's own zone.
 *
 * @example
 * wallTime(new Date('2026-12-01T03:00:00Z'), 'Asia/Bangkok'); // '2026-12-01T10:00'
 * fromWallTime('2026-12-01T10:00', 'Asia/Bangkok').toISOString(); // '2026-12-01T03:00:00.000Z'
 */

const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(key, format);
  }
  return format;
}

/** The wall-clock fields of `instant` in `timeZone`, as if they were a UTC time (ms). */
function wallAsUtc(instant: number, timeZone: string | undefined): number {
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormat(timeZone).formatToParts(instant)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** `YYYY-MM-DDTHH:mm` of `date` in `timeZone` (the browser's when undefined). */
export function wallTime(date: Date, timeZone?: string): string {
  return new Date(wallAsUtc(Math.floor(date.getTime() / 1000) * 1000, timeZone)).toISOString().slice(0, 16);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which clocks in `timeZone` show `wall` (`YYYY-MM-DDTHH:mm[:ss]`); an invalid date for a malformed or
 * impossible value. A time skipped by a daylight-saving jump resolves to the instant after the jump.
 */
export function fromWallTime(wall: string, timeZone?: string): Date {
  const m = WALL.exec(wall);
  if (!m) return new Date(Number.NaN);
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return new Date(Number.NaN);
  }
  // The zone's offset near that time, then once more at the candidate (the offset may differ across a DST change).
  const first = asUtc - (wallAsUtc(asUtc, timeZone) - asUtc);
  const second = asUtc - (wallAsUtc(first, timeZone) - first);
  // Neither shows `wall` only when it falls in a gap: take the later candidate, after the jump.
  return new Date(wallAsUtc(second, timeZone) === asUtc ? second : Math.max(first, second));
}
