import { type FilterNode, type FilterOp, type FilterScalar, SEARCH_LIMITS } from '@crmkit/spec';
import { badRequest } from '../http/problem.js';
import { CAST, type FieldKind } from '../resources/table.js';
import { escapeLike, type Params } from './sql.js';

/** A filterable/sortable expression. */
export interface ResolvedField {
  expr: string;
  kind: FieldKind;
  notNull?: boolean;
}

/** Finds the SQL of a field name (`stageId`, `customFields.plan`), or undefined when it is not filterable. */
export type FieldResolver = (field: string) => ResolvedField | undefined;

const ORDERED_KINDS: ReadonlySet<FieldKind> = new Set(['text', 'int', 'bigint', 'ts', 'date']);

function fail(path: string, message: string): never {
  throw badRequest(`Invalid filter: ${path}: ${message}.`, [{ path, message }]);
}

/** Checks and converts one value to the JS type the column kind needs. */
function coerce(kind: FieldKind, value: FilterScalar, path: string): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'int':
    case 'bigint': {
      const n =
        typeof value === 'number'
          ? value
          : typeof value === 'string' && value.trim() !== ''
            ? Number(value)
            : Number.NaN;
      if (!Number.isFinite(n) || (kind === 'int' && !Number.isInteger(n))) fail(path, 'must be a number');
      if (kind === 'int' && Math.abs(n) > 2_147_483_647) fail(path, 'is out of range');
      return n;
    }
    case 'bool':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      return fail(path, 'must be true or false');
    case 'ts':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail(path, 'must be an ISO date-time');
      return new Date(value as string).toISOString();
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        fail(path, 'must be a date YYYY-MM-DD');
      }
      return value;
    default:
      if (typeof value === 'object') fail(path, 'must be a scalar');
      return String(value);
  }
}

/** Element kind of an array field. */
const elementCast = (kind: FieldKind) => (kind === 'textarr' ? 'text' : CAST[kind]);

/** SQL for one condition. */
export function compileCondition(
  f: ResolvedField,
  op: FilterOp,
  raw: FilterScalar | FilterScalar[] | undefined,
  params: Params,
  path: string,
): string {
  const isArray = f.kind === 'textarr';
  if (op === 'isNull') {
    const wantNull = raw === undefined || raw === true || raw === 'true';
    if (!wantNull && raw !== false && raw !== 'false') fail(path, 'isNull takes true or false');
    if (isArray) return wantNull ? `cardinality(${f.expr}) = 0` : `cardinality(${f.expr}) > 0`;
    return `${f.expr} IS ${wantNull ? '' : 'NOT '}NULL`;
  }
  if (op === 'in') {
    const values = Array.isArray(raw) ? raw : raw === undefined ? fail(path, 'in needs a list') : [raw];
    if (values.length > SEARCH_LIMITS.maxInValues) fail(path, `in takes at most ${SEARCH_LIMITS.maxInValues} values`);
    const list = values.map((v, i) => coerce(isArray ? 'text' : f.kind, v, `${path}[${i}]`));
    const p = params.add(list, `${elementCast(f.kind)}[]`);
    return isArray ? `${f.expr} && ${p}` : `${f.expr} = ANY(${p})`;
  }
  if (Array.isArray(raw)) fail(path, `${op} takes one value`);
  if (raw === undefined) fail(path, `${op} needs a value`);
  const value = coerce(isArray ? 'text' : f.kind, raw, path);
  switch (op) {
    case 'eq':
    case 'neq': {
      const not = op === 'neq';
      if (value === null) return `${f.expr} IS ${not ? 'NOT ' : ''}NULL`;
      const p = params.add(value, elementCast(f.kind));
      if (isArray) return `${not ? 'NOT ' : ''}(${p} = ANY(${f.expr}))`;
      return not ? `${f.expr} IS DISTINCT FROM ${p}` : `${f.expr} = ${p}`;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!ORDERED_KINDS.has(f.kind)) fail(path, `${op} does not apply to this field`);
      if (value === null) fail(path, `${op} needs a value`);
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
      return `${f.expr} ${sym} ${params.add(value, CAST[f.kind])}`;
    }
    case 'contains':
    case 'startsWith': {
      if (f.kind !== 'text' && !isArray) fail(path, `${op} applies to text fields`);
      if (typeof value !== 'string') fail(path, `${op} needs text`);
      const pattern = op === 'contains' ? `%${escapeLike(value)}%` : `${escapeLike(value)}%`;
      const p = params.add(pattern);
      return isArray ? `EXISTS (SELECT 1 FROM unnest(${f.expr}) AS e WHERE e ILIKE ${p})` : `${f.expr} ILIKE ${p}`;
    }
    default:
      return fail(path, `unknown operator ${String(op)}`);
  }
}

/** SQL for a filter tree, enforcing the documented limits. */
export function compileFilter(node: FilterNode, resolve: FieldResolver, params: Params): string {
  let conditions = 0;
  const walk = (n: FilterNode, depth: number, path: string): string => {
    if (depth > SEARCH_LIMITS.maxDepth) fail(path, `the filter is deeper than ${SEARCH_LIMITS.maxDepth} levels`);
    if ('and' in n) return `(${n.and.map((c, i) => walk(c, depth + 1, `${path}.and.${i}`)).join(' AND ')})`;
    if ('or' in n) return `(${n.or.map((c, i) => walk(c, depth + 1, `${path}.or.${i}`)).join(' OR ')})`;
    if ('not' in n) return `(NOT ${walk(n.not, depth + 1, `${path}.not`)})`;
    conditions++;
    if (conditions > SEARCH_LIMITS.maxConditions)
      fail(path, `the filter has more than ${SEARCH_LIMITS.maxConditions} conditions`);
    const f = resolve(n.field);
    if (!f) fail(`${path}.field`, `"${n.field}" is not a filterable field`);
    return compileCondition(f, n.op, n.value, params, path);
  };
  return walk(node, 1, 'filter');
}

/**
 * Parses `filter[field]=v`, `filter[field][op]=v` query parameters into conditions.
 * A comma-separated value for `eq` (or no op) means `in`.
 */
export function parseQueryFilters(search: URLSearchParams): FilterNode[] {
  const out: FilterNode[] = [];
  for (const [key, value] of search) {
    if (!key.startsWith('filter')) continue;
    const m = /^filter\[([^\][]+)\](?:\[([^\][]+)\])?$/.exec(key);
    if (!m) fail(key, 'use filter[field]=value or filter[field][op]=value');
    const field = m[1]!;
    const op = (m[2] ?? 'eq') as FilterOp;
    const ops: readonly string[] = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'isNull'];
    if (!ops.includes(op)) fail(key, `unknown operator "${op}"`);
    if ((op === 'eq' && value.includes(',')) || op === 'in') {
      out.push({ field, op: 'in', value: value.split(',').map((v) => (v === 'null' ? null : v)) });
    } else if (op === 'isNull') {
      out.push({ field, op, value: value !== 'false' });
    } else {
      out.push({ field, op, value: value === 'null' && (op === 'eq' || op === 'neq') ? null : value });
    }
  }
  return out;
}
