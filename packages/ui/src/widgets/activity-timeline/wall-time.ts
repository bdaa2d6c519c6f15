import { wallClock, wallToInstant } from '@crmkit/core';

/**
 * Wall-clock times in a given IANA time zone, for `date` and `datetime-local` inputs: what the user types is a time in
 * the provider's `timeZone` (the browser's when none is set), not necessarily in the browser's own zone. The zone
 * arithmetic is @crmkit/core's, which the server's SLA and automation clocks share.
 *
 * @example
 * wallTime(new Date('2026-12-01T03:00:00Z'), 'Asia/Bangkok'); // '2026-12-01T10:00'
 * fromWallTime('2026-12-01T10:00', 'Asia/Bangkok').toISOString(); // '2026-12-01T03:00:00.000Z'
 */

const zoneOf = (timeZone: string | undefined) => timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `YYYY-MM-DDTHH:mm` of `date` in `timeZone` (the browser's when undefined). */
export function wallTime(date: Date, timeZone?: string): string {
  return new Date(wallClock(date.getTime(), zoneOf(timeZone))).toISOString().slice(0, 16);
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
  return new Date(wallToInstant(asUtc, zoneOf(timeZone)));
}
