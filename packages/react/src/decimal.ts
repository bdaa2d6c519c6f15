/**
 * Minor units as an exact decimal string in major units (`123456`, 2 digits → `'1234.56'`; `-5`, 2 → `'-0.05'`), for
 * formatting without floating-point error (`Intl.NumberFormat` formats decimal strings exactly).
 */
export function minorToDecimal(minor: number, digits: number): string {
  const negative = minor < 0;
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const major = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${major}` : major;
}
