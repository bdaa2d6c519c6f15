import { type FilterCondition, type FilterNode, FilterOp, type FilterScalar, SEARCH_LIMITS } from '@crmkit/spec';
import { badRequest } from '../http/problem.js';
import { CAST, type FieldKind } from './fields.js';
import { escapeLike, type Params } from './sql.js';

/** A filterable/sortable expression. */
export interface ResolvedField {
  expr: string;
  kind: FieldKind;
  notNull?: boolean;
  /**
   * The field is the key `key` of the jsonb column `column` (custom fields): equality then compiles to
   * `column @> {"key": value}`, which a GIN index on the column can answer.
   */
  json?: { column: string; key: string };
  /** What lists order by, when it differs from `expr` (e.g. a prefix of long text, so cursors stay short). */
  sortExpr?: string;
}

/** Finds the SQL of a field name (`stageId`, `customFields.plan`), or undefined when it is not filterable. */
export type FieldResolver = (field: string) => ResolvedField | undefined;

const ORDERED_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'int', 'bigint', 'numeric', 'ts', 'date']);
const MAX_TEXT = 1000;
const INT4_MAX = 2_147_483_647;

/** Throws the 400 problem of a bad filter at `path`. */
export function invalidFilter(path: string, message: string): never {
  throw badRequest(`Invalid filter: ${path}: ${message}.`, [{ path, message }]);
}

/** Whether `value` is a real calendar date `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The instant of a date-time text as an ISO string PostgreSQL accepts (years 1–9999), or null. */
export function toInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) && !iso.startsWith('0000') ? iso : null;
}

/** Checks and converts one value to the JS type the column kind needs. */
function coerce(kind: FieldKind, value: FilterScalar, path: string, field: string): unknown {
  if (value === null) return null;
  const bad = (message: string): never => invalidFilter(path, `${field} ${message}`);
  switch (kind) {
    case 'int':
    case 'bigint':
    case 'numeric': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(n)) return bad('must be a number');
      if (kind === 'numeric') return n;
      if (!Number.isInteger(n)) return bad('must be an integer');
      if (Math.abs(n) > (kind === 'int' ? INT4_MAX : Number.MAX_SAFE_INTEGER)) return bad('is out of range');
      return n;
    }
    case 'bool':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return bad('must be true or false');
    case 'ts':
      return toInstant(value) ?? bad('must be an ISO date-time');
    case 'date':
      return isCalendarDate(value) ? value : bad('must be a date YYYY-MM-DD');
    default: {
      const text = String(value);
      if (text.length > MAX_TEXT) return bad(`must be at most ${MAX_TEXT} characters`);
      if (text.includes('\u0000')) return bad('must not contain NUL characters');
      return text;
    }
  }
}

/** Element kind of an array field. */
const elementCast = (kind: FieldKind) => (kind === 'textarr' ? 'text' : CAST[kind]);

/** `column @> {"key": value}` for a custom field (multiselect values are matched as one-element lists). */
function containment(f: ResolvedField & { json: object }, value: unknown, params: Params): string {
  const json = { [f.json.key]: f.kind === 'textarr' ? [value] : value };
  return `${f.json.column} @> ${params.add(JSON.stringify(json), 'jsonb')}`;
}

/**
 * SQL for one condition on `field`. Error paths name the part that is wrong: `<path>.op`, `<path>.value`
 * (`<path>.value.<i>` inside an `in` list).
 */
export function compileCondition(
  f: ResolvedField,
  op: FilterOp,
  raw: FilterScalar | FilterScalar[] | undefined,
  params: Params,
  path: string,
  field = 'the field',
): string {
  const isArray = f.kind === 'textarr';
  const valuePath = `${path}.value`;
  if (op === 'isNull') {
    const wantNull = raw === undefined || raw === true || raw === 'true';
    if (!wantNull && raw !== false && raw !== 'false') invalidFilter(valuePath, `${field}: isNull takes true or false`);
    if (isArray) return wantNull ? `cardinality(${f.expr}) = 0` : `cardinality(${f.expr}) > 0`;
    return `${f.expr} IS ${wantNull ? '' : 'NOT '}NULL`;
  }
  if (op === 'in') {
    const values = Array.isArray(raw)
      ? raw
      : raw === undefined
        ? invalidFilter(valuePath, `${field}: in needs a list`)
        : [raw];
    if (values.length === 0) invalidFilter(valuePath, `${field}: in needs at least one value`);
    if (values.length > SEARCH_LIMITS.maxInValues) {
      invalidFilter(valuePath, `${field}: in takes at most ${SEARCH_LIMITS.maxInValues} values`);
    }
    const list = values.map((v, i) => coerce(isArray ? 'text' : f.kind, v, `${valuePath}.${i}`, field));
    const nonNull = list.filter((v) => v !== null);
    const hasNull = nonNull.length < list.length;
    const parts: string[] = [];
    if (nonNull.length > 0) {
      const p = params.add(nonNull, `${elementCast(f.kind)}[]`);
      parts.push(isArray ? `${f.expr} && ${p}` : `${f.expr} = ANY(${p})`);
    }
    if (hasNull) parts.push(isArray ? `cardinality(${f.expr}) = 0` : `${f.expr} IS NULL`);
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
  }
  if (Array.isArray(raw)) invalidFilter(valuePath, `${field}: ${op} takes one value`);
  if (raw === undefined) invalidFilter(valuePath, `${field}: ${op} needs a value`);
  const value = coerce(isArray ? 'text' : f.kind, raw, valuePath, field);
  switch (op) {
    case 'eq':
    case 'neq': {
      const not = op === 'neq';
      if (value === null) {
        if (isArray) return `cardinality(${f.expr}) ${not ? '>' : '='} 0`;
        return `${f.expr} IS ${not ? 'NOT ' : ''}NULL`;
      }
      if (f.json && !not) return containment(f as ResolvedField & { json: object }, value, params);
      const p = params.add(value, elementCast(f.kind));
      // `@>` (rather than `= ANY`) lets a GIN index on the array answer it.
      if (isArray) return `${not ? 'NOT ' : ''}(${f.expr} @> ARRAY[${p}])`;
      return not ? `${f.expr} IS DISTINCT FROM ${p}` : `${f.expr} = ${p}`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!ORDERED_KINDS.has(f.kind)) invalidFilter(`${path}.op`, `${op} does not apply to ${field}`);
      if (value === null) invalidFilter(valuePath, `${field}: ${op} needs a value`);
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
      return `${f.expr} ${sym} ${params.add(value, CAST[f.kind])}`;
    }
    case 'contains':
    case 'startsWith': {
      if (f.kind !== 'text' && !isArray) invalidFilter(`${path}.op`, `${op} applies to text fields, not ${field}`);
      if (typeof value !== 'string') invalidFilter(valuePath, `${field}: ${op} needs text`);
      const pattern = op === 'contains' ? `%${escapeLike(value)}%` : `${escapeLike(value)}%`;
      const p = params.add(pattern);
      return isArray ? `EXISTS (SELECT 1 FROM unnest(${f.expr}) AS e WHERE e ILIKE ${p})` : `${f.expr} ILIKE ${p}`;
    }
    default:
      return invalidFilter(`${path}.op`, `unknown operator ${String(op)}`);
  }
}

/** A tree of `and` / `or` / `not` over leaves of type `L` (search conditions, or a segment's conditions). */
export type FilterTree<L> = L | { and: FilterTree<L>[] } | { or: FilterTree<L>[] } | { not: FilterTree<L> };

/**
 * SQL for a tree of conditions, enforcing the documented limits (depth, number of conditions); `leaf` compiles each
 * condition at its path. Errors carry the path of the offending node, e.g. `filter.and.1.value`.
 */
export function compileTree<L extends object>(
  node: FilterTree<L>,
  leaf: (condition: L, path: string) => string,
): string {
  let conditions = 0;
  const walk = (n: FilterTree<L>, depth: number, path: string): string => {
    if (depth > SEARCH_LIMITS.maxDepth)
      invalidFilter(path, `the filter is deeper than ${SEARCH_LIMITS.maxDepth} levels`);
    if ('and' in n) return `(${n.and.map((c, i) => walk(c, depth + 1, `${path}.and.${i}`)).join(' AND ')})`;
    if ('or' in n) return `(${n.or.map((c, i) => walk(c, depth + 1, `${path}.or.${i}`)).join(' OR ')})`;
    if ('not' in n) return `(NOT ${walk(n.not, depth + 1, `${path}.not`)})`;
    conditions++;
    if (conditions > SEARCH_LIMITS.maxConditions) {
      invalidFilter(path, `the filter has more than ${SEARCH_LIMITS.maxConditions} conditions`);
    }
    return leaf(n as L, path);
  };
  return walk(node, 1, 'filter');
}

/** SQL for one search condition, its field found by `resolve`. */
export function compileFieldCondition(
  n: FilterCondition,
  resolve: FieldResolver,
  params: Params,
  path: string,
): string {
  const f = resolve(n.field);
  if (!f) invalidFilter(`${path}.field`, `"${n.field}" is not a filterable field`);
  return compileCondition(f, n.op, n.value, params, path, n.field);
}

/**
 * SQL for a filter tree, enforcing the documented limits (depth, conditions, `in` values).
 * Errors carry the path of the offending node, e.g. `filter.and.1.value`.
 */
export function compileFilter(node: FilterNode, resolve: FieldResolver, params: Params): string {
  return compileTree<FilterCondition>(node, (n, path) => compileFieldCondition(n, resolve, params, path));
}

const OPS: readonly string[] = FilterOp.options;

/**
 * Parses `filter[field]=v`, `filter[field][op]=v` query parameters into conditions.
 * A comma-separated value for `eq` (or no op) means `in`; `null` means SQL NULL for `eq`, `neq` and `in`.
 */
export function parseQueryFilters(search: URLSearchParams): FilterNode[] {
  const out: FilterNode[] = [];
  for (const [key, value] of search) {
    if (!key.startsWith('filter')) continue;
    const m = /^filter\[([^\][]+)\](?:\[([^\][]*)\])?$/.exec(key);
    if (!m) invalidFilter(key, 'use filter[field]=value or filter[field][op]=value');
    const field = m[1]!;
    const op = m[2] ?? 'eq';
    if (!OPS.includes(op)) invalidFilter(key, `unknown operator "${op}"; use one of ${OPS.join(', ')}`);
    if ((op === 'eq' && value.includes(',')) || op === 'in') {
      out.push({ field, op: 'in', value: value.split(',').map((v) => (v === 'null' ? null : v)) });
    } else if (op === 'isNull') {
      out.push({ field, op, value: value === '' ? true : value });
    } else {
      const v = value === 'null' && (op === 'eq' || op === 'neq') ? null : value;
      out.push({ field, op: op as FilterOp, value: v });
    }
  }
  return out;
}
