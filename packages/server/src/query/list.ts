import { ALWAYS_SORTABLE, type FilterNode, type ListCount } from '@crmkit/spec';
import type { Database, Queryable } from '../db/types.js';
import { badRequest, isDataException } from '../http/problem.js';
import { countWhere } from './count.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilter, type FieldResolver, type ResolvedField, toInstant } from './filters.js';
import { normalizeSearch, searchTerms } from './search-text.js';
import { escapeLike, Params } from './sql.js';

/** What a list or search asks for. */
export interface ListRequest {
  workspaceId: string;
  filter?: FilterNode;
  q?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
  updatedSince?: string;
  /** Also count every record the list holds (see `countRows`). */
  count?: boolean;
  /** Extra SQL conditions (already using `params`), e.g. a parent id. */
  where?: (params: Params) => string[];
}

/** Which table and fields a list runs over. */
export interface ListSource {
  table: string;
  resolve: FieldResolver;
  sortable: readonly string[];
  defaultSort: string;
  /** Has a `search_text` column for `q`. */
  searchable: boolean;
}

export interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_Q = 200;
/** A text search with at most this many matches sorts them all (see `searchPage`). */
const SEARCH_PROBE = 2000;
/** How many rows of the sort index a text search walks before it sorts every match (see `searchPage`). */
const SEARCH_WINDOW = 10_000;

function parseSort(source: ListSource, sort: string | undefined): { key: string; field: ResolvedField; desc: boolean } {
  const key = sort?.trim() || source.defaultSort;
  const desc = key.startsWith('-');
  const name = desc ? key.slice(1) : key;
  const allowed = [...source.sortable, ...ALWAYS_SORTABLE].includes(name) || name.startsWith('customFields.');
  const field = allowed ? source.resolve(name) : undefined;
  if (!field || field.kind === 'textarr' || field.kind === 'json') {
    throw badRequest(`Cannot sort by "${name}". Sortable: ${[...source.sortable, ...ALWAYS_SORTABLE].join(', ')}.`, [
      { path: 'sort', message: `not a sortable field: ${name}` },
    ]);
  }
  return { key: (desc ? '-' : '') + name, field: field.sortExpr ? { ...field, expr: field.sortExpr } : field, desc };
}

/** The keyset condition that starts after `(value, id)` in the given order, nulls last. */
function after(field: ResolvedField, desc: boolean, value: unknown, id: string, params: Params): string {
  const cmp = desc ? '<' : '>';
  const pid = params.add(id);
  if (field.notNull) {
    if (value === null) throw badRequest('The cursor is malformed.', [{ path: 'cursor', message: 'malformed cursor' }]);
    return `(${field.expr}, id) ${cmp} (${params.add(value)}, ${pid})`;
  }
  if (value === null) return `(${field.expr} IS NULL AND id ${cmp} ${pid})`;
  const pv = params.add(value);
  return `(${field.expr} ${cmp} ${pv} OR (${field.expr} = ${pv} AND id ${cmp} ${pid}) OR ${field.expr} IS NULL)`;
}

/** The words of `q` (see `searchTerms`), checked: empty without a search. */
function termsOf(source: Pick<ListSource, 'searchable'>, raw: string | undefined): string[] {
  const q = raw === undefined ? '' : normalizeSearch(raw.trim());
  if (!q) return [];
  if (!source.searchable) throw badRequest('This list does not support q.', [{ path: 'q', message: 'not supported' }]);
  if (q.length > MAX_Q || q.includes('\u0000')) {
    throw badRequest(`q is at most ${MAX_Q} characters of text.`, [{ path: 'q', message: 'invalid search text' }]);
  }
  return searchTerms(q);
}

/**
 * The `q` condition: every word of `q` is a substring of `search_text` (see `searchTextOf`); null without a search.
 * The trigram index answers each word of three characters or more (shorter ones are checked on its matches).
 */
function searchCondition(terms: readonly string[], params: Params): string | null {
  if (terms.length === 0) return null;
  const likes = terms.map((term) => `search_text LIKE ${params.add(`%${escapeLike(term)}%`)}`);
  return likes.length === 1 ? likes[0]! : `(${likes.join(' AND ')})`;
}

/**
 * The conditions of a list or search (workspace, extra `where`, filter tree, `q`, `updatedSince`), without
 * pagination: shared by lists and aggregates.
 */
export function whereClause(
  source: Pick<ListSource, 'resolve' | 'searchable'>,
  req: Omit<ListRequest, 'sort' | 'limit' | 'cursor'>,
  params: Params,
): string[] {
  const where = [`workspace_id = ${params.add(req.workspaceId)}`];
  if (req.where) where.push(...req.where(params));
  if (req.filter) where.push(compileFilter(req.filter, source.resolve, params));
  const search = searchCondition(termsOf(source, req.q), params);
  if (search) where.push(search);
  if (req.updatedSince) {
    const since = toInstant(req.updatedSince);
    if (since === null) {
      throw badRequest('updatedSince must be an ISO date-time.', [
        { path: 'updatedSince', message: 'invalid date-time' },
      ]);
    }
    where.push(`updated_at >= ${params.add(since, 'timestamptz')}`);
  }
  return where;
}

/** How many records the list or search holds across all its pages (see `countWhere`: exact, or estimated). */
export function countRows(
  db: Database | Queryable,
  source: Pick<ListSource, 'table' | 'resolve' | 'searchable'>,
  req: Omit<ListRequest, 'sort' | 'limit' | 'cursor'>,
): Promise<ListCount> {
  const params = new Params();
  return countWhere(db, source.table, whereClause(source, req, params), params);
}

/**
 * Runs a keyset-paginated list: stable under inserts, `id` as tie-breaker, `limit` 1–200.
 * Returns raw rows; the caller maps them to records.
 */
export async function listRows<Row extends Record<string, unknown>>(
  db: Queryable,
  source: ListSource,
  req: ListRequest,
): Promise<Page<Row>> {
  const limit = req.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}.`, [{ path: 'limit', message: 'out of range' }]);
  }
  const sort = parseSort(source, req.sort);
  const params = new Params();
  const where = whereClause(source, { ...req, q: undefined }, params);
  if (req.cursor) {
    const c = decodeCursor(req.cursor, sort.key);
    where.push(after(sort.field, sort.desc, c.value, c.id, params));
  }
  const terms = termsOf(source, req.q);
  const search = searchCondition(terms, params);
  const dir = sort.desc ? 'DESC' : 'ASC';
  const nulls = sort.field.notNull ? '' : ' NULLS LAST';
  const orderBy = `ORDER BY ${sort.field.expr} ${dir}${nulls}, id ${dir}`;
  // The sort value travels in the cursor as PostgreSQL's own text (full precision, e.g. microseconds).
  const select = (conditions: string[]) =>
    `SELECT *, (${sort.field.expr})::text AS __sort FROM ${source.table} WHERE ${conditions.join(' AND ')}`;
  const pageClause = `${orderBy} LIMIT ${limit + 1}`;
  const run = (sql: string) =>
    db.query<Row & { __sort: unknown; id: string }>(sql, params.values).then(
      (r) => r.rows,
      (error: unknown) => {
        // A cursor whose value does not fit the sort field (edited by hand) fails in PostgreSQL's casts.
        if (req.cursor && isDataException(error)) {
          throw badRequest('The cursor is malformed.', [{ path: 'cursor', message: 'malformed cursor' }]);
        }
        throw error;
      },
    );
  const rows =
    search && terms.some((term) => term.length >= 3)
      ? await searchPage(run, {
          unsearched: select(where),
          searched: select([...where, search]),
          search,
          orderBy,
          limit,
        })
      : await run(`${select(search ? [...where, search] : where)} ${pageClause}`);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const nextCursor = more && last ? encodeCursor({ sort: sort.key, value: last.__sort ?? null, id: last.id }) : null;
  for (const r of page) delete (r as { __sort?: unknown }).__sort;
  return { rows: page, nextCursor };
}

/**
 * A page of a text search (with a word of three characters or more, so the trigram index applies), by whichever way is
 * cheap for this term. Left alone, PostgreSQL walks the sort index and filters row by row, which reads most of a
 * large table when matches are rare or all sort late (a last name under the default sort); while finding every
 * match through the trigram index and sorting them is slow when a term matches most rows (`q=gmail`). So:
 * 1. take at most {@link SEARCH_PROBE} matches, in any order, through the trigram index: when that is all of them,
 *    sorting them is the answer;
 * 2. else walk the first {@link SEARCH_WINDOW} rows of the sort index: when a page of matches is among them, that
 *    is the answer;
 * 3. else sort every match.
 * Each step is exact when it answers, so the page is the same whichever one does.
 */
async function searchPage<R>(
  run: (sql: string) => Promise<R[]>,
  q: { unsearched: string; searched: string; search: string; orderBy: string; limit: number },
): Promise<R[]> {
  const page = `${q.orderBy} LIMIT ${q.limit + 1}`;
  const probe = await run(
    `SELECT *, count(*) OVER () AS __matches FROM (${q.searched} LIMIT ${SEARCH_PROBE}) AS matches ${page}`,
  );
  const matches = Number((probe[0] as { __matches?: unknown } | undefined)?.__matches ?? 0);
  if (matches < SEARCH_PROBE) {
    for (const r of probe) delete (r as { __matches?: unknown }).__matches;
    return probe;
  }
  const head = await run(
    `SELECT * FROM (${q.unsearched} ${q.orderBy} LIMIT ${SEARCH_WINDOW}) AS head WHERE ${q.search} ${page}`,
  );
  if (head.length > q.limit) return head;
  return run(`SELECT * FROM (${q.searched} OFFSET 0) AS matches ${page}`);
}
