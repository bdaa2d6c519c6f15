/**
 * Phone numbers as people type and read them: national numbers with a trunk `0` and separators
 * (`090 123 4567`, `081-234-5678`) become E.164 with the country they were typed in, and E.164 numbers are grouped
 * the way each country writes them (`+84 236 381 2345`, `+66 53 123 456`).
 */

/**
 * Calling codes of the countries whose national numbers are understood. Numbers of any other country are taken in
 * international form (`+…`, `00…`).
 */
const CALLING_CODES: Readonly<Record<string, string>> = {
  VN: '84',
  TH: '66',
  US: '1',
  CA: '1',
  GB: '44',
  SG: '65',
  MY: '60',
  ID: '62',
  PH: '63',
  KH: '855',
  LA: '856',
  MM: '95',
  CN: '86',
  HK: '852',
  TW: '886',
  JP: '81',
  KR: '82',
  AU: '61',
  NZ: '64',
  IN: '91',
  FR: '33',
  DE: '49',
};

/**
 * National significant numbers (without the trunk prefix) where a country's are known: Vietnamese mobiles (9 digits)
 * and landlines (2 + 9), Thai mobiles (6/8/9 + 8) and landlines (2–5/7 + 7), North American and Singaporean numbers.
 */
const NATIONAL: Readonly<Record<string, RegExp>> = {
  '84': /^(?:[35789]\d{8}|2\d{9})$/u,
  '66': /^(?:[689]\d{8}|[2-57]\d{7})$/u,
  '1': /^[2-9]\d{9}$/u,
  '65': /^[3689]\d{7}$/u,
};

/** What people put between digits: spaces of any kind, dashes, dots, slashes and brackets. */
const SEPARATORS = /[\s\u00a0\u202f\-–.()/]/gu;

/**
 * A phone number as typed, in E.164 (`+84901234567`), or null when it is not a phone number. International forms are
 * taken as they are (`+84 90 123 4567`, `0084…`, and `001…`/`007…`/`008…`/`009…` from Thailand, `011…` from North
 * America); a national number (`0901234567`, `081-234-5678`) needs the country it was typed in, and loses its trunk
 * prefix `0`. A `(0)` after the country code (`+44 (0)20…`) is dropped.
 *
 * @example
 * toE164('0901234567', 'VN'); // '+84901234567'
 * toE164('081-234-5678', 'TH'); // '+66812345678'
 * toE164('+84 90 123 4567'); // '+84901234567'
 * toE164('0901234567'); // null: which country?
 */
export function toE164(text: string, country?: string | null): string | null {
  let s = text.trim().replace(/^(\+\d{1,3})\s*\(0\)/u, '$1');
  if (/[^\d+\s\u00a0\u202f\-–.()/]/u.test(s)) return null;
  s = s.replace(SEPARATORS, '');
  const code = country ? CALLING_CODES[country.toUpperCase()] : undefined;
  let digits: string;
  if (s.startsWith('+')) digits = s.slice(1);
  else if (code === '1' && s.startsWith('011')) digits = s.slice(3);
  else if (code === '66' && /^00[1789]/u.test(s)) digits = s.slice(3);
  else if (s.startsWith('00') && code !== '1') digits = s.slice(2);
  else if (code) {
    const national = code === '1' ? s.replace(/^1(?=\d{10}$)/u, '') : s.replace(/^0/u, '');
    if (NATIONAL[code] && !NATIONAL[code].test(national)) return null;
    digits = code + national;
  } else return null;
  if (!/^[1-9]\d{6,14}$/u.test(digits)) return null;
  return `+${digits}`;
}

/**
 * The country of a locale's region (`vi-VN` → `VN`), or the likely one of its language (`vi` → `VN`, `th` → `TH`).
 *
 * @example
 * localeCountry('th'); // 'TH'
 */
export function localeCountry(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale).maximize().region;
  } catch {
    return undefined;
  }
}

/** The country an E.164 number belongs to, among those whose national numbers are understood (`+84…` → `VN`). */
export function phoneCountry(e164: string): string | undefined {
  // Longest calling code first (`+855` is Cambodia, not a `+8…` prefix of something else); +1 reads as the US.
  const entries = Object.entries(CALLING_CODES).sort((a, b) => b[1].length - a[1].length);
  return entries.find(([, code]) => e164.startsWith(`+${code}`))?.[0];
}

/**
 * Groups of a national significant number, by calling code: the first digits decide the area code's length. Vietnam:
 * mobiles 2-3-4, Hanoi and Ho Chi Minh City (24, 28) 2-4-4, other provinces (2xx) 3-3-4; Thailand: mobiles 2-3-4,
 * Bangkok (2) 1-3-4, other provinces (3x–7x) 2-3-3; North America 3-3-4; Singapore 4-4.
 */
function groupsOf(code: string, national: string): readonly number[] | undefined {
  const n = national.length;
  if (code === '84') {
    if (n === 9) return [2, 3, 4];
    if (n === 10) return /^2[48]/u.test(national) ? [2, 4, 4] : [3, 3, 4];
  }
  if (code === '66') {
    if (n === 9) return [2, 3, 4];
    if (n === 8) return national.startsWith('2') ? [1, 3, 4] : [2, 3, 3];
  }
  if (code === '1' && n === 10) return [3, 3, 4];
  if (code === '65' && n === 8) return [4, 4];
  return undefined;
}

/**
 * An E.164 number grouped for reading as its country writes it; other numbers unchanged.
 *
 * @example
 * groupPhone('+84901234567'); // '+84 90 123 4567'
 * groupPhone('+842363812345'); // '+84 236 381 2345'
 * groupPhone('+6653123456'); // '+66 53 123 456'
 */
export function groupPhone(e164: string): string {
  const m = /^\+(1|84|66|65)(\d+)$/u.exec(e164);
  const groups = m && groupsOf(m[1]!, m[2]!);
  if (!m || !groups) return e164;
  const parts = [`+${m[1]}`];
  let at = 0;
  for (const size of groups) {
    parts.push(m[2]!.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}
