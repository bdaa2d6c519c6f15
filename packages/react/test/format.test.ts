import { describe, expect, it } from 'vitest';
import { createFormat } from '../src/index.js';
import { moneyInput } from '../src/input/index.js';

describe('createFormat', () => {
  it('formats money in minor units: VND has none, THB has two', () => {
    const vi = createFormat({ locale: 'vi-VN', currency: 'VND' });
    expect(vi.money(5_000_000)).toBe('5.000.000\u00a0₫');
    expect(vi.toMinor(5_000_000)).toBe(5_000_000);
    const th = createFormat({ locale: 'th-TH', currency: 'THB' });
    expect(th.money(123_456)).toBe('฿1,234.56');
    expect(th.toMinor(1234.56)).toBe(123_456);
    expect(createFormat({ locale: 'en-US' }).money(1999, 'USD')).toBe('$19.99');
  });

  it('uses the Buddhist calendar for th-TH unless told gregory; date-only values do not shift with the zone', () => {
    const buddhist = createFormat({ locale: 'th-TH', timeZone: 'Asia/Bangkok' });
    expect(buddhist.date('2026-11-30', 'long')).toContain('2569');
    const gregory = createFormat({ locale: 'th-TH', timeZone: 'Asia/Bangkok', calendar: 'gregory' });
    expect(gregory.date('2026-11-30', 'long')).toContain('2026');
    const la = createFormat({ locale: 'en-US', timeZone: 'America/Los_Angeles' });
    expect(la.date('2026-11-30', 'long')).toBe('November 30, 2026');
    expect(la.dayKey('2026-11-30T05:00:00Z')).toBe('2026-11-29');
  });

  it('formats relative times, lists, percentages and phone numbers per locale', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const en = createFormat({ locale: 'en-US' });
    expect(en.relative('2026-11-29T12:00:00Z', now)).toBe('yesterday');
    expect(en.relative('2026-11-30T14:00:00Z', now)).toBe('in 2 hours');
    expect(createFormat({ locale: 'vi-VN' }).relative('2026-11-27T12:00:00Z', now)).toBe('3 ngày trước');
    expect(en.list(['calls', 'emails', 'notes'])).toBe('calls, emails, and notes');
    expect(en.percent(60)).toBe('60%');
    expect(en.phone('+84901234567')).toBe('+84 90 123 4567');
    expect(en.phone('+66812345678')).toBe('+66 81 234 5678');
    expect(en.phone('+6626837918')).toBe('+66 2 683 7918');
    expect(en.phone('+842838123456')).toBe('+84 28 3812 3456');
    expect(en.phone('+4915112345678')).toBe('+4915112345678');
    // Provincial area codes: three digits in Vietnam, two in Thailand.
    expect(en.phone('+842363812345')).toBe('+84 236 381 2345');
    expect(en.phone('+6653123456')).toBe('+66 53 123 456');
  });

  it('writes Vietnamese short and medium dates the local way: 30/11/2026 and 14:30, 30/11/2026', () => {
    const vi = createFormat({ locale: 'vi-VN', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(vi.date('2026-11-30', 'short')).toBe('30/11/2026');
    expect(vi.date('2026-11-30')).toBe('30/11/2026');
    expect(vi.date('2026-01-05T10:00:00Z')).toBe('05/01/2026');
    expect(vi.dateTime('2026-11-30T07:30:00Z')).toBe('14:30, 30/11/2026');
    expect(vi.dateTime('2026-11-30T07:30:00Z', 'short')).toBe('14:30, 30/11/2026');
    expect(vi.date('2026-11-30', 'long')).toBe('30 tháng 11, 2026');
  });

  it('abbreviates money the way each language does, without a stray .0', () => {
    const vi = createFormat({ locale: 'vi-VN', currency: 'VND' });
    expect(vi.money(1_250_000_000, 'VND', { compact: true })).toBe('1,25 tỷ\u00a0₫');
    expect(vi.money(450_000_000, 'VND', { compact: true })).toBe('450 triệu\u00a0₫');
    expect(vi.money(4_500_000, 'VND', { compact: true })).toBe('4,5 triệu\u00a0₫');
    expect(vi.money(950, 'VND', { compact: true })).toBe('950\u00a0₫');
    const th = createFormat({ locale: 'th-TH', currency: 'THB' });
    expect(th.money(1_250_000_000, 'THB', { compact: true })).toBe('12.5 ล้านบาท');
    expect(th.money(45_000_000, 'THB', { compact: true })).toBe('4.5 แสนบาท');
    expect(th.money(95_000, 'THB', { compact: true })).toBe('950 บาท');
    const en = createFormat({ locale: 'en-US' });
    expect(en.money(45_000_000, 'THB', { compact: true })).toBe('THB\u00a0450K');
    expect(en.money(130_000_000, 'USD', { compact: true })).toBe('$1.3M');
    expect(en.money(100_000_000, 'USD', { compact: true })).toBe('$1M');
  });

  it('formats money exactly beyond 2^53 / 100', () => {
    const en = createFormat({ locale: 'en-US' });
    expect(en.money(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
    expect(moneyInput(en, -5, 'USD')).toBe('-0.05');
    expect(moneyInput(createFormat({ locale: 'vi-VN' }), 5_000_000, 'VND')).toBe('5.000.000');
  });
});
