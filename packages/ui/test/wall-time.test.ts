import { describe, expect, it } from 'vitest';
import { fromWallTime, wallTime } from '../src/widgets/activity-timeline/wall-time.js';

describe('wall-clock times in a time zone', () => {
  it('round-trips between an instant and what clocks in the zone show', () => {
    expect(wallTime(new Date('2026-12-01T03:00:00Z'), 'Asia/Bangkok')).toBe('2026-12-01T10:00');
    expect(fromWallTime('2026-12-01T10:00', 'Asia/Bangkok').toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(fromWallTime('2026-12-01T23:59:59', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-12-01T16:59:59.000Z');
    expect(wallTime(new Date('2026-12-31T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2027-01-01T06:30');
  });

  it('resolves daylight-saving gaps forwards and overlaps to the earlier instant', () => {
    // 02:30 does not exist in New York on 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT.
    expect(fromWallTime('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: first in EDT.
    expect(fromWallTime('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(fromWallTime('2026-07-01T12:00', 'America/New_York').toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });

  it('gives an invalid date for malformed or impossible input', () => {
    for (const bad of ['', '2026-02-30T10:00', '2026-12-01T24:00', '2026-12-01 10:00', '10:00', '2026-13-01T10:00']) {
      expect(Number.isNaN(fromWallTime(bad, 'Asia/Bangkok').getTime()), bad).toBe(true);
    }
  });

  it("uses the browser's zone when none is given", () => {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    expect(fromWallTime(wallTime(now)).getTime()).toBe(now.getTime());
  });
});
