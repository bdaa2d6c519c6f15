/**
 * How both drivers turn PostgreSQL's text output into JS values, so rows look the same on PGlite and on a real
 * server: int8 and numeric as numbers, timestamps as ISO strings, dates as `YYYY-MM-DD`.
 */

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const NUMERIC = 1700;

/** PostgreSQL's text output of a UTC timestamp (both drivers' sessions run in UTC): `2026-11-23 02:00:00.123456+00`. */
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?(?:\+00)?$/;

/**
 * `2026-11-23 02:00:00.123+07` (PostgreSQL text output) to `2026-11-23T02:00:00.123Z`. A UTC value (what the
 * sessions return) is rewritten as text, without a `Date`: lists parse several per row.
 */
export function toIso(v: string): string {
  const utc = UTC_TIMESTAMP.exec(v);
  if (utc) return `${utc[1]}T${utc[2]}.${((utc[3] ?? '') + '000').slice(0, 3)}Z`;
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
