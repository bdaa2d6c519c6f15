import { addDays, instantAt } from '@crmkit/core';
import type { ResolvedField } from './filters.js';
import type { Params } from './sql.js';

/**
 * A condition equivalent to "the field's date is one of the days `first`…`last`" that an index can answer: for a
 * custom date field, containment of each day's value (`custom_fields @> {"key": "2027-03-15"}`, the GIN index of
 * `custom_fields`); for a timestamp, the instants of those local days; a date column is compared as it is.
 */
export function indexedDays(
  field: ResolvedField,
  first: string,
  last: string,
  timeZone: string,
  params: Params,
): string {
  if (field.json) {
    const days: string[] = [];
    for (let d = first; d <= last; d = addDays(d, 1)) {
      days.push(`${field.json.column} @> ${params.add(JSON.stringify({ [field.json.key]: d }), 'jsonb')}`);
    }
    return `(${days.join(' OR ')})`;
  }
  if (field.kind === 'ts') {
    const start = new Date(instantAt(first, '00:00', timeZone)).toISOString();
    const end = new Date(instantAt(addDays(last, 1), '00:00', timeZone)).toISOString();
    return `(${field.expr} >= ${params.add(start, 'timestamptz')} AND ${field.expr} < ${params.add(end, 'timestamptz')})`;
  }
  return 'TRUE';
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * "The anniversary of date expression `date` falls on one of the days `first`…`last`" (at most a year), as ranges of
 * month and day that an index on `(EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d))` answers (`contacts_birthday_md`). A
 * 29 February date has its anniversary on 28 February in a year without one.
 *
 * @example
 * anniversaryDays('(birthday)', '2026-12-30', '2027-01-02'); // month 12 days 30–31, or month 1 days 1–2
 */
export function anniversaryDays(date: string, first: string, last: string): string {
  const ranges: { month: number; from: number; to: number }[] = [];
  const add = (month: number, day: number) => {
    const prev = ranges.at(-1);
    if (prev && prev.month === month && prev.to === day - 1) prev.to = day;
    else ranges.push({ month, from: day, to: day });
  };
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    add(m, day);
    if (m === 2 && day === 28 && !isLeap(y)) add(2, 29);
  }
  const month = `EXTRACT(MONTH FROM ${date})`;
  const day = `EXTRACT(DAY FROM ${date})`;
  // Month and day numbers are computed here, not input: safe to inline, and the planner matches them to the index.
  const parts = ranges.map((r) =>
    r.from === r.to
      ? `(${month} = ${r.month} AND ${day} = ${r.from})`
      : `(${month} = ${r.month} AND ${day} BETWEEN ${r.from} AND ${r.to})`,
  );
  return `(${parts.join(' OR ')})`;
}
