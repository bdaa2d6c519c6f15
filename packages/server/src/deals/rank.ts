/**
 * Fractional ranks: strings whose byte order is the display order. There is always a key strictly between
 * two keys, so moving one item never rewrites another. Keys never end in the lowest digit, which keeps
 * room below every key.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digit = (ch: string): number => {
  const i = DIGITS.indexOf(ch);
  if (i < 0) throw new Error(`invalid rank character ${JSON.stringify(ch)}`);
  return i;
};

/** A key strictly between `a` (or the start, '') and `b` (or the end, null). */
function midpoint(a: string, b: string | null): string {
  let n = 0;
  if (b !== null) {
    while ((a[n] ?? DIGITS[0]) === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = a ? digit(a[0]!) : 0;
  const db = b !== null && b.length > 0 ? digit(b[0]!) : BASE;
  if (db - da > 1) return DIGITS[Math.round((da + db) / 2)]!;
  // Adjacent digits: a shorter prefix of b fits when b continues, else extend a.
  if (b !== null && b.length > 1) return b[0]!;
  return DIGITS[da]! + midpoint(a.slice(1), null);
}

/**
 * A rank strictly between `before` and `after` (either may be null for the start or the end).
 *
 * @example
 * rankBetween(null, null);   // 'V'
 * rankBetween('V', null);    // 'k'
 * rankBetween('V', 'W');     // 'VV'
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) {
    throw new Error(`rankBetween: ${before} is not before ${after}`);
  }
  if (before?.endsWith(DIGITS[0]!) || after?.endsWith(DIGITS[0]!)) throw new Error('rankBetween: malformed rank');
  return midpoint(before ?? '', after);
}
