import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  zoneOffsetMs,
} from '../src/tickets/business-time.js';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((day) => ({ day, start, end }));

/** Mon–Fri 09:00–18:00 in Ho Chi Minh City (UTC+7, no DST); Monday 30 Nov 2026 is a holiday. */
const vn: BusinessCalendar = {
  id: 'cal_vn',
  name: 'Vietnam office',
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: weekdays('09:00', '18:00'),
  holidays: ['2026-11-30'],
};
const vnNoHolidays: BusinessCalendar = { ...vn, id: 'cal_vn2', holidays: [] };
const add = (start: string, minutes: number, cal: BusinessCalendar) =>
  addBusinessMinutes(start, minutes, cal).toISOString();

describe('addBusinessMinutes', () => {
  it('adds within one business day', () => {
    // Monday 23 Nov 2026 09:00 +07 = 02:00Z
    expect(add('2026-11-23T02:00:00.000Z', 60, vn)).toBe('2026-11-23T03:00:00.000Z');
  });

  it('starts counting at the opening when started before it', () => {
    // Monday 07:00 +07 → 09:30 +07
    expect(add('2026-11-23T00:00:00.000Z', 30, vn)).toBe('2026-11-23T02:30:00.000Z');
  });

  it('ends exactly at the closing time, and carries over to the next morning', () => {
    expect(add('2026-11-23T02:00:00.000Z', 540, vn)).toBe('2026-11-23T11:00:00.000Z');
    // Monday 17:30 +07 + 60 → Tuesday 09:30 +07
    expect(add('2026-11-23T10:30:00.000Z', 60, vn)).toBe('2026-11-24T02:30:00.000Z');
  });

  it('skips the overnight gap when started after closing', () => {
    // Monday 20:00 +07 (13:00Z) + 15 → Tuesday 09:15 +07
    expect(add('2026-11-23T13:00:00.000Z', 15, vn)).toBe('2026-11-24T02:15:00.000Z');
  });

  it('skips weekends', () => {
    // Friday 27 Nov 17:00 +07 + 120 → Monday 30 Nov 10:00 +07 (no holiday)
    expect(add('2026-11-27T10:00:00.000Z', 120, vnNoHolidays)).toBe('2026-11-30T03:00:00.000Z');
    // Saturday noon → Monday 09:00 + 60
    expect(add('2026-11-28T05:00:00.000Z', 60, vnNoHolidays)).toBe('2026-11-30T03:00:00.000Z');
  });

  it('skips holidays', () => {
    // Friday 17:00 + 120 → Monday is a holiday → Tuesday 1 Dec 10:00 +07
    expect(add('2026-11-27T10:00:00.000Z', 120, vn)).toBe('2026-12-01T03:00:00.000Z');
  });

  it('spans several days for long targets', () => {
    // 3 business days of 9 h from Monday 09:00 → Wednesday 18:00
    expect(add('2026-11-23T02:00:00.000Z', 3 * 540, vn)).toBe('2026-11-25T11:00:00.000Z');
  });

  it('treats an empty week as 24×7 (holidays still close)', () => {
    const always: BusinessCalendar = { id: 'c', name: '24×7', timeZone: 'Asia/Bangkok', weeklyHours: [], holidays: [] };
    expect(add('2026-11-28T05:00:00.000Z', 90, always)).toBe('2026-11-28T06:30:00.000Z');
    const withHoliday = { ...always, holidays: ['2026-11-29'] };
    // Saturday 23:00 +07 (16:00Z) + 120: one hour on Saturday, Sunday closed, then Monday 00:00 +07 + 60
    expect(add('2026-11-28T16:00:00.000Z', 120, withHoliday)).toBe('2026-11-29T18:00:00.000Z');
  });

  it('supports overnight intervals (22:00–06:00)', () => {
    const night: BusinessCalendar = {
      id: 'n',
      name: 'Night shift',
      timeZone: 'UTC',
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '22:00', end: '06:00' })),
      holidays: [],
    };
    expect(add('2026-11-23T23:00:00.000Z', 120, night)).toBe('2026-11-24T01:00:00.000Z');
    expect(add('2026-11-24T05:00:00.000Z', 120, night)).toBe('2026-11-24T23:00:00.000Z');
  });

  it('follows the calendar time zone, including daylight saving time', () => {
    const ny: BusinessCalendar = {
      id: 'ny',
      name: 'New York',
      timeZone: 'America/New_York',
      weeklyHours: weekdays('09:00', '17:00'),
      holidays: [],
    };
    // Friday 6 Mar 2026 16:00 EST (21:00Z) + 120 → Monday 9 Mar 10:00 EDT (14:00Z): DST began on Sunday
    expect(add('2026-03-06T21:00:00.000Z', 120, ny)).toBe('2026-03-09T14:00:00.000Z');
    const kolkata: BusinessCalendar = { ...ny, timeZone: 'Asia/Kolkata' };
    // Monday 09:00 IST is 03:30Z
    expect(add('2026-11-23T00:00:00.000Z', 30, kolkata)).toBe('2026-11-23T04:00:00.000Z');
    expect(zoneOffsetMs(Date.parse('2026-11-23T00:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(7 * 3600_000);
  });

  it('returns the start for zero minutes', () => {
    expect(add('2026-11-28T05:00:00.000Z', 0, vn)).toBe('2026-11-28T05:00:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open time', () => {
    expect(businessMinutesBetween('2026-11-23T02:00:00Z', '2026-11-23T03:00:00Z', vn)).toBe(60);
    expect(businessMinutesBetween('2026-11-27T10:00:00Z', '2026-11-30T03:00:00Z', vnNoHolidays)).toBe(120);
    expect(businessMinutesBetween('2026-11-27T10:00:00Z', '2026-12-01T03:00:00Z', vn)).toBe(120);
    expect(businessMinutesBetween('2026-11-28T00:00:00Z', '2026-11-29T12:00:00Z', vn)).toBe(0);
    expect(businessMinutesBetween('2026-11-23T03:00:00Z', '2026-11-23T02:00:00Z', vn)).toBe(-60);
  });

  it('round-trips with addBusinessMinutes', () => {
    const starts = [
      '2026-11-23T02:00:00.000Z',
      '2026-11-23T13:37:00.000Z',
      '2026-11-27T10:59:00.000Z',
      '2026-11-28T05:00:00.000Z',
      '2026-12-24T23:15:30.000Z',
    ];
    for (const start of starts) {
      for (const minutes of [1, 59, 540, 541, 1234, 10_000]) {
        const due = addBusinessMinutes(start, minutes, vn);
        expect(businessMinutesBetween(start, due, vn)).toBeCloseTo(minutes, 6);
      }
    }
  });
});
