import { describe, expect, it } from 'vitest';
import { addDays, instantAt, localDate, nextWindow, wallClock, wallToInstant, zoneOffsetMs } from '../src/index.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones', () => {
  it('reads the wall clock and the calendar date of an instant in a zone', () => {
    const ms = Date.parse('2026-12-06T18:30:00Z');
    expect(iso(wallClock(ms, 'Asia/Ho_Chi_Minh'))).toBe('2026-12-07T01:30:00.000Z');
    expect(localDate(ms, 'Asia/Bangkok')).toBe('2026-12-07');
    expect(localDate(ms, 'UTC')).toBe('2026-12-06');
    expect(zoneOffsetMs(ms, 'Asia/Ho_Chi_Minh')).toBe(7 * 3_600_000);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('resolves a wall time skipped by a daylight-saving jump to after the jump, and an overlap to the earlier instant', () => {
    // 02:30 does not exist in New York on 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT (07:00 UTC).
    expect(iso(instantAt('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: first in EDT (05:30 UTC), then in EST.
    expect(iso(instantAt('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallToInstant(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York'))).toBe('2026-07-01T16:00:00.000Z');
  });

  it('finds the next window at a wall time on the given weekdays', () => {
    // Saturday 2026-12-05 10:00 in Ho Chi Minh City; the next weekday 09:00 there is Monday 2026-12-07 02:00 UTC.
    const from = Date.parse('2026-12-05T03:00:00Z');
    expect(iso(nextWindow(from, '09:00', 'Asia/Ho_Chi_Minh', [1, 2, 3, 4, 5]))).toBe('2026-12-07T02:00:00.000Z');
    expect(iso(nextWindow(from, '11:00', 'Asia/Ho_Chi_Minh'))).toBe('2026-12-05T04:00:00.000Z');
  });
});
