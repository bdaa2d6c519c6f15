import { describe, expect, it } from 'vitest';
import { groupPhone, localeCountry, phoneCountry, toE164 } from '../src/index.js';

describe('toE164', () => {
  it.each([
    ['0901234567', 'VN', '+84901234567'],
    ['090 123 4567', 'VN', '+84901234567'],
    ['090.123.4567', 'VN', '+84901234567'],
    ['(028) 3822 1234', 'VN', '+842838221234'],
    ['0236 381 2345', 'VN', '+842363812345'],
    ['081-234-5678', 'TH', '+66812345678'],
    ['02-683-7918', 'TH', '+6626837918'],
    ['053 123 456', 'TH', '+6653123456'],
    ['+84 90 123 4567', 'TH', '+84901234567'],
    ['+84 90 123 4567', undefined, '+84901234567'],
    ['0084 90 123 4567', 'VN', '+84901234567'],
    ['001 84 90 123 4567', 'TH', '+84901234567'],
    ['+44 (0)20 7946 0958', undefined, '+442079460958'],
    ['(415) 555-0132', 'US', '+14155550132'],
    ['1 415 555 0132', 'US', '+14155550132'],
    ['011 84 90 123 4567', 'US', '+84901234567'],
    ['9123 4567', 'SG', '+6591234567'],
    ['0901234567', 'vn', '+84901234567'],
  ])('%s in %s → %s', (typed, country, e164) => {
    expect(toE164(typed, country)).toBe(e164);
  });

  it.each([
    ['0901234567', undefined],
    ['090123', 'VN'],
    ['09012345678901', 'VN'],
    ['081-234-567', 'TH'],
    ['call me', 'VN'],
    ['+0901234567', 'VN'],
    ['+84 90 123 4567 ext. 12', 'VN'],
    ['', 'VN'],
  ])('refuses %s in %s', (typed, country) => {
    expect(toE164(typed, country)).toBeNull();
  });
});

describe('groupPhone', () => {
  it.each([
    ['+84901234567', '+84 90 123 4567'],
    ['+842838123456', '+84 28 3812 3456'],
    ['+842438123456', '+84 24 3812 3456'],
    ['+842363812345', '+84 236 381 2345'],
    ['+66812345678', '+66 81 234 5678'],
    ['+6626837918', '+66 2 683 7918'],
    ['+6653123456', '+66 53 123 456'],
    ['+14155550132', '+1 415 555 0132'],
    ['+6591234567', '+65 9123 4567'],
    ['+4915112345678', '+4915112345678'],
    ['not a number', 'not a number'],
  ])('%s → %s', (e164, grouped) => {
    expect(groupPhone(e164)).toBe(grouped);
  });
});

it('knows the country of a locale and of a number', () => {
  expect(localeCountry('vi')).toBe('VN');
  expect(localeCountry('th-TH')).toBe('TH');
  expect(localeCountry('en-GB')).toBe('GB');
  expect(localeCountry('not a locale!')).toBeUndefined();
  expect(phoneCountry('+84901234567')).toBe('VN');
  expect(phoneCountry('+85512345678')).toBe('KH');
  expect(phoneCountry('+390612345678')).toBeUndefined();
});
