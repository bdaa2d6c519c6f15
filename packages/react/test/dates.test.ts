import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormat } from '../src/index.js';
import { dateEntry, dateInput, parseDate } from '../src/input/index.js';

const th = createFormat({ locale: 'th-TH' });
const thGregory = createFormat({ locale: 'th-TH', calendar: 'gregory' });
const vi = createFormat({ locale: 'vi-VN' });
const en = createFormat({ locale: 'en-US' });
const tw = createFormat({ locale: 'zh-TW', calendar: 'roc' });

describe('dates typed in the calendar they are shown in', () => {
  it('th-TH shows and types the Buddhist era unless the provider says gregory', () => {
    expect(th.calendar).toBe('buddhist');
    expect(thGregory.calendar).toBe('gregory');
    expect(th.date('2026-12-07')).toContain('2569');
    expect(dateEntry(th)).toEqual({ order: ['day', 'month', 'year'], separator: '/', yearOffset: 543, era: 'พ.ศ.' });
    expect(dateEntry(thGregory).yearOffset).toBe(0);
  });

  it.each([
    [th, '7/12/2569', '2026-12-07'],
    [th, '07/12/2569', '2026-12-07'],
    [th, '7.12.2569', '2026-12-07'],
    [th, '7-12-2569', '2026-12-07'],
    [th, ' 7 / 12 / 2569 ', '2026-12-07'],
    [th, '๗/๑๒/๒๕๖๙', '2026-12-07'],
    [th, '2569-12-07', '2026-12-07'],
    // ISO 8601 is Gregorian by definition.
    [th, '2026-12-07', '2026-12-07'],
    [th, '29/2/2567', '2024-02-29'],
    [thGregory, '7/12/2026', '2026-12-07'],
    [vi, '07/12/2026', '2026-12-07'],
    [en, '12/7/2026', '2026-12-07'],
    [tw, '115/12/7', '2026-12-07'],
  ])('%#: %s → %s', (f, text, stored) => {
    expect(parseDate(f, text)).toEqual({ value: stored });
  });

  it('reads a date and time', () => {
    expect(parseDate(th, '7/12/2569 14:30', { time: true })).toEqual({ value: '2026-12-07T14:30' });
    expect(parseDate(th, '7/12/2569, 9.05', { time: true })).toEqual({ value: '2026-12-07T09:05' });
    expect(parseDate(th, '7/12/2569', { time: true })).toEqual({ error: 'invalid', example: '31/12/2569 14:30' });
    expect(parseDate(th, '7/12/2569 24:00', { time: true })).toMatchObject({ error: 'invalid' });
    expect(parseDate(th, '7/12/2569 14:30')).toMatchObject({ error: 'invalid' });
  });

  it('refuses a Gregorian year typed where the year is Buddhist, naming the year meant', () => {
    // The bug: users see 2569 and type 2026, which is 1483 in the Buddhist era.
    expect(parseDate(th, '7/12/2026')).toEqual({ error: 'era', typed: 2026, year: 2569, example: '31/12/2569' });
  });

  it.each([
    [th, '31/2/2569'],
    [th, '7/13/2569'],
    [th, '7/12/69'],
    [th, '0/12/2569'],
    [th, 'พรุ่งนี้'],
    [th, '7/12'],
    [vi, '31/11/2026'],
    [en, '13/7/2026'],
  ])('%#: refuses %s with an example written the expected way', (f, text) => {
    expect(parseDate(f, text)).toEqual({ error: 'invalid', example: dateInput(f, '2026-12-31') });
  });

  it('writes stored dates the way they are typed', () => {
    expect(dateInput(th, '2026-12-07')).toBe('7/12/2569');
    expect(dateInput(th, '2026-12-07T09:05')).toBe('7/12/2569 09:05');
    expect(dateInput(vi, '2026-12-07')).toBe('7/12/2026');
    expect(dateInput(en, '2026-12-07')).toBe('12/7/2026');
    expect(dateInput(th, 'not a date')).toBe('not a date');
  });

  it('round-trips every day in every calendar: stored → typed → stored', () => {
    // From 1912: the Minguo calendar's first year.
    const day = fc.integer({ min: Date.UTC(1912, 0, 1), max: Date.UTC(2199, 11, 31) });
    fc.assert(
      fc.property(day, fc.constantFrom(th, thGregory, vi, en, tw), fc.boolean(), (ms, f, time) => {
        const iso = new Date(ms).toISOString();
        const stored = time ? iso.slice(0, 16) : iso.slice(0, 10);
        expect(parseDate(f, dateInput(f, stored), { time })).toEqual({ value: stored });
      }),
      { numRuns: 500 },
    );
  });
});
