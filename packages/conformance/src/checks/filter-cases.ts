import { compare, type FieldInfo, same } from '../base/fields.js';
import type { ApiRecord } from '../base/fixtures.js';

/** One filter case: query parameters and the predicate they mean. */
export interface FilterCase {
  label: string;
  params: [string, string][];
  matches: (r: ApiRecord) => boolean;
}

const asParam = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** `abC` → `ABc`: a needle that only a case-insensitive match finds. */
const swapCase = (s: string) =>
  Array.from(s, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

/** Case-insensitive substring and prefix tests, as the contract defines `contains` and `startsWith`. */
const contains = (value: unknown, needle: string) =>
  typeof value === 'string' && value.toLowerCase().includes(needle.toLowerCase());
const startsWith = (value: unknown, prefix: string) =>
  typeof value === 'string' && value.toLowerCase().startsWith(prefix.toLowerCase());

/** A substring and a prefix of a value, with their case swapped (so a case-sensitive server is caught). */
function needles(value: string): { needle: string; prefix: string } | null {
  if (value.length < 4) return null;
  return { needle: swapCase(value.slice(1, Math.min(value.length, 5))), prefix: swapCase(value.slice(0, 3)) };
}

/**
 * Cases of a list field: `eq` / `in` hold the value, `neq` does not (empty lists included), `contains` /
 * `startsWith` match an element ignoring case, `isNull` means an empty list.
 */
function listCases(key: (op?: string) => string, read: (r: ApiRecord) => unknown, records: ApiRecord[]) {
  const cases: FilterCase[] = [];
  const items = (r: ApiRecord) => (read(r) as string[] | null) ?? [];
  const elements = [...new Set(records.flatMap(items))].filter((e) => !e.includes(','));
  const [a, b] = elements;
  if (a !== undefined) {
    cases.push({ label: `${key()}=${a}`, params: [[key(), a]], matches: (r) => items(r).includes(a) });
    cases.push({ label: `${key('neq')}=${a}`, params: [[key('neq'), a]], matches: (r) => !items(r).includes(a) });
    if (b !== undefined) {
      cases.push({
        label: `${key('in')}=${a},${b}`,
        params: [[key('in'), `${a},${b}`]],
        matches: (r) => items(r).some((e) => e === a || e === b),
      });
    }
    const n = needles(a);
    if (n) {
      cases.push({
        label: `${key('contains')}=${n.needle}`,
        params: [[key('contains'), n.needle]],
        matches: (r) => items(r).some((e) => contains(e, n.needle)),
      });
      cases.push({
        label: `${key('startsWith')}=${n.prefix}`,
        params: [[key('startsWith'), n.prefix]],
        matches: (r) => items(r).some((e) => startsWith(e, n.prefix)),
      });
    }
  }
  cases.push({
    label: `${key('isNull')}=true`,
    params: [[key('isNull'), 'true']],
    matches: (r) => items(r).length === 0,
  });
  cases.push({
    label: `${key('isNull')}=false`,
    params: [[key('isNull'), 'false']],
    matches: (r) => items(r).length > 0,
  });
  return cases;
}

/** The filter cases a field supports, built from values present in the records. */
export function filterCases(field: string, info: FieldInfo, records: ApiRecord[]): FilterCase[] {
  const key = (op?: string) => (op ? `filter[${field}][${op}]` : `filter[${field}]`);
  const read = info.read;
  if (info.kind === 'texts') return listCases(key, read, records);
  const cases: FilterCase[] = [];
  if (info.kind === 'unknown') return cases;
  const values = records.map(read);
  const distinct = values.filter((v, i) => v !== null && values.findIndex((w) => same(info.kind, v, w)) === i);
  const usable = distinct.filter((v) => !asParam(v).includes(','));
  const [a, b] = usable;
  if (a !== undefined && info.kind !== 'datetime') {
    cases.push({
      label: `${key()}=${asParam(a)}`,
      params: [[key(), asParam(a)]],
      matches: (r) => same(info.kind, read(r), a),
    });
    cases.push({
      label: `${key('neq')}=${asParam(a)}`,
      params: [[key('neq'), asParam(a)]],
      matches: (r) => !same(info.kind, read(r), a),
    });
    if (b !== undefined) {
      const any = (r: ApiRecord) => same(info.kind, read(r), a) || same(info.kind, read(r), b);
      cases.push({
        label: `${key('in')}=${asParam(a)},${asParam(b)}`,
        params: [[key('in'), `${asParam(a)},${asParam(b)}`]],
        matches: any,
      });
      cases.push({
        label: `${key()}=${asParam(a)},${asParam(b)}`,
        params: [[key(), `${asParam(a)},${asParam(b)}`]],
        matches: any,
      });
    }
  }
  if (['number', 'date', 'datetime'].includes(info.kind) && distinct.length > 0) {
    const sorted = [...distinct].sort((x, y) => compare(info.kind, x, y));
    const m = sorted[Math.floor((sorted.length - 1) / 2)];
    const ops: [string, (c: number) => boolean][] = [
      ['gt', (c) => c > 0],
      ['gte', (c) => c >= 0],
      ['lt', (c) => c < 0],
      ['lte', (c) => c <= 0],
    ];
    for (const [op, test] of ops) {
      cases.push({
        label: `${key(op)}=${asParam(m)}`,
        params: [[key(op), asParam(m)]],
        matches: (r) => read(r) !== null && test(compare(info.kind, read(r), m)),
      });
    }
  }
  const n = info.kind === 'text' && typeof a === 'string' ? needles(a) : null;
  if (n) {
    cases.push({
      label: `${key('contains')}=${n.needle}`,
      params: [[key('contains'), n.needle]],
      matches: (r) => contains(read(r), n.needle),
    });
    cases.push({
      label: `${key('startsWith')}=${n.prefix}`,
      params: [[key('startsWith'), n.prefix]],
      matches: (r) => startsWith(read(r), n.prefix),
    });
  }
  if (info.nullable) {
    cases.push({ label: `${key('isNull')}=true`, params: [[key('isNull'), 'true']], matches: (r) => read(r) === null });
    cases.push({
      label: `${key('isNull')}=false`,
      params: [[key('isNull'), 'false']],
      matches: (r) => read(r) !== null,
    });
  }
  return cases;
}
