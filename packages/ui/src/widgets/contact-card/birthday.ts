/**
 * Days from `today` (`YYYY-MM-DD`) to the next `birthday` (`YYYY-MM-DD`, or `--MM-DD` without a year), and the age then
 * (when the year is known). A 29 February birthday falls on 1 March in other years.
 *
 * @example
 * nextBirthday('1990-12-02', '2026-11-30'); // { days: 2, age: 36 }
 */
export function nextBirthday(birthday: string, today: string): { days: number; age: number | undefined } {
  const [, y, m, d] = /^(\d{4}|-)-?(\d{2})-(\d{2})$/.exec(birthday) ?? [];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(ty, tm - 1, td);
  let year = ty;
  let next = Date.UTC(year, Number(m) - 1, Number(d));
  if (next < start) next = Date.UTC(++year, Number(m) - 1, Number(d));
  return { days: Math.round((next - start) / 86_400_000), age: y && y !== '-' ? year - Number(y) : undefined };
}
