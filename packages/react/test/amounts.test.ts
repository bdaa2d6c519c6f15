import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFormat } from '../src/index.js';
import { moneyInput, numberInput, parseMoney, parseNumber } from '../src/input/index.js';

const vi = createFormat({ locale: 'vi-VN', currency: 'VND' });
const th = createFormat({ locale: 'th-TH', currency: 'THB' });
const en = createFormat({ locale: 'en-US', currency: 'USD' });

describe('parseMoney', () => {
  it.each([
    // The amounts that were saved wrong: "5.000.000" was refused, "150.000" saved as 150 ₫, "1,500" as ฿1.50.
    [vi, '5.000.000', 'VND', 5_000_000],
    [vi, '150.000', 'VND', 150_000],
    [th, '1,500', 'THB', 150_000],
    // The user's own formatting, as the widgets show it, comes back.
    [vi, '5.000.000 ₫', 'VND', 5_000_000],
    [vi, '5.000.000đ', 'VND', 5_000_000],
    [vi, '5 000 000 VND', 'VND', 5_000_000],
    [vi, '1.234,56', 'USD', 123_456],
    [vi, '1.234,56 US$', 'USD', 123_456],
    [vi, '1,5', 'USD', 150],
    [th, '฿1,234.56', 'THB', 123_456],
    [th, '1,234.56 บาท', 'THB', 123_456],
    [th, '๑,๒๓๔.๕๖', 'THB', 123_456],
    [th, '12.5', 'THB', 1_250],
    [en, '$1,234.56', 'USD', 123_456],
    [en, '1234.5', 'USD', 123_450],
    [en, '-$19.99', 'USD', -1_999],
    [en, '(19.99)', 'USD', -1_999],
    [en, '.5', 'USD', 50],
    [vi, '5.000.000,00', 'VND', 5_000_000],
    [en, '1,234.567', 'KWD', 1_234_567],
    [en, '9,007,199,254,740,991', 'VND', Number.MAX_SAFE_INTEGER],
  ])('%#: %s (%s) → %d minor units', (f, text, currency, minor) => {
    expect(parseMoney(f, text, currency)).toEqual({ value: minor });
  });

  it('refuses separators the locale reads another way, with the locale’s example', () => {
    // English habits in Vietnamese, Vietnamese habits in English and Thai: never guessed.
    expect(parseMoney(vi, '1,500,000', 'VND')).toEqual({
      error: 'separators',
      example: '1.234.567',
      group: '.',
      decimal: ',',
    });
    expect(parseMoney(en, '1.500.000', 'USD')).toMatchObject({ error: 'separators', example: '1,234,567.89' });
    expect(parseMoney(th, '1.500.000', 'THB')).toMatchObject({ error: 'separators' });
    expect(parseMoney(vi, '1.50', 'VND')).toMatchObject({ error: 'separators' });
    expect(parseMoney(vi, '15.00.000', 'VND')).toMatchObject({ error: 'separators' });
  });

  it('refuses what could be read two ways rather than scale it', () => {
    // 1.5 or 1,500? 1,5 or 1.500?
    expect(parseMoney(en, '1.500', 'USD')).toMatchObject({ error: 'separators' });
    expect(parseMoney(th, '1.500', 'THB')).toMatchObject({ error: 'separators' });
    expect(parseMoney(vi, '1,500', 'VND')).toMatchObject({ error: 'separators' });
    expect(parseMoney(vi, '1,500', 'USD')).toMatchObject({ error: 'separators' });
  });

  it('refuses more decimals than the currency has, and what is not an amount', () => {
    expect(parseMoney(vi, '1,5', 'VND')).toEqual({ error: 'decimals', digits: 0 });
    expect(parseMoney(th, '1,234.567', 'THB')).toEqual({ error: 'decimals', digits: 2 });
    expect(parseMoney(en, '12.3456', 'USD')).toEqual({ error: 'decimals', digits: 2 });
    expect(parseMoney(vi, '5tr', 'VND')).toMatchObject({ error: 'invalid', example: '1.234.567' });
    expect(parseMoney(vi, '', 'VND')).toMatchObject({ error: 'invalid' });
    expect(parseMoney(vi, '₫', 'VND')).toMatchObject({ error: 'invalid' });
    expect(parseMoney(en, '1e5', 'USD')).toMatchObject({ error: 'invalid' });
    expect(parseMoney(en, '99,999,999,999,999,999', 'USD')).toEqual({ error: 'tooLarge' });
  });

  it('reads numbers by the same rules, without a decimal limit', () => {
    expect(parseNumber(vi, '12,5')).toEqual({ value: 12.5 });
    expect(parseNumber(vi, '1.500')).toEqual({ value: 1500 });
    expect(parseNumber(th, '1,500')).toEqual({ value: 1500 });
    expect(parseNumber(en, '3.25125')).toEqual({ value: 3.25125 });
    expect(parseNumber(vi, '12.5')).toMatchObject({ error: 'separators' });
    expect(numberInput(vi, 12.5)).toBe('12,5');
    expect(parseNumber(vi, numberInput(vi, 1234.5))).toEqual({ value: 1234.5 });
  });
});

/** The locales the widgets ship catalogs for (with and without a region), and a few with other separators. */
const LOCALES = ['en', 'en-US', 'vi', 'vi-VN', 'th', 'th-TH', 'th-TH-u-nu-thai', 'en-IN', 'de-CH', 'fr-FR', 'de-DE'];
const CURRENCIES = Intl.supportedValuesOf('currency');

describe('format → parse is the identity on minor units', () => {
  it.each(LOCALES)('%s, every currency', (locale) => {
    const f = createFormat({ locale });
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.oneof(fc.integer({ min: -1e7, max: 1e9 }), fc.maxSafeInteger(), fc.integer({ min: -1e15, max: 1e15 })),
        (currency, minor) => {
          expect(parseMoney(f, f.money(minor, currency), currency)).toEqual({ value: minor });
          expect(parseMoney(f, moneyInput(f, minor, currency), currency)).toEqual({ value: minor });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for every currency with its edge values', () => {
    for (const locale of LOCALES) {
      const f = createFormat({ locale });
      for (const currency of CURRENCIES) {
        for (const minor of [0, 1, -1, 999, 1000, 1_000_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
          expect(parseMoney(f, f.money(minor, currency), currency), `${locale} ${currency} ${minor}`).toEqual({
            value: minor,
          });
        }
      }
    }
  });
});
