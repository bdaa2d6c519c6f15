/**
 * How both drivers turn PostgreSQL's text output into JS values, so rows look the same on PGlite and on a real
 * server: int8 and numeric as numbers, timestamps as ISO strings, dates as `YYYY-MM-DD`.
 */

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const NUMERIC = 1700;

/** `2026-11-23 02:00:00.123+07` (PostgreSQL text output) to `2026-11-23T02:00:00.123Z`. */
export function toIso(v: string): string {
  let s = v.replace(' ', 'T');
  if (/[+-]\d\d$/.test(s)) s += ':00';
  else if (/[+-]\d\d\d\d$/.test(s)) s = `${s.slice(0, -2)}:${s.slice(-2)}`;
  else if (!/(Z|[+-]\d\d:\d\d)$/.test(s)) s += 'Z';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/** Text parsers shared by both drivers, keyed by type OID. */
export const TYPE_PARSERS: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [TIMESTAMPTZ]: toIso,
  [TIMESTAMP]: toIso,
  [DATE]: (v) => v,
};
