import { ListQuery } from '@crmkit/spec';
import type { z } from 'zod';
import type { Queryable } from '../db/types.js';
import { parseOrThrow } from '../http/problem.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { Params } from './sql.js';

/**
 * The query string of a log parsed with its contract schema (`limit`, `cursor` and the log's own filters): a bad value
 * is a 400 problem naming it.
 */
export function logQuery<T extends z.ZodType>(schema: T, search: URLSearchParams): z.infer<T> {
  return parseOrThrow(schema, Object.fromEntries(search));
}

/** A page request of a log (newest first): `limit` and `cursor` from the query string. */
export function logPageQuery(search: URLSearchParams): { limit: number; cursor: string | undefined } {
  const q = parseOrThrow(ListQuery.pick({ limit: true, cursor: true }), {
    ...(search.get('limit') !== null ? { limit: search.get('limit') } : {}),
    ...(search.get('cursor') !== null ? { cursor: search.get('cursor') } : {}),
  });
  return { limit: q.limit ?? 50, cursor: q.cursor };
}

/**
 * A page of a log table, newest first by `timeColumn` then `id` (keyset, stable under inserts), with equality filters
 * (`column → value`, undefined skipped). Rows are mapped by `map`.
 */
export async function logPage<T>(
  db: Queryable,
  table: string,
  timeColumn: string,
  filters: Record<string, unknown>,
  page: { limit: number; cursor: string | undefined },
  map: (row: Record<string, unknown>) => T,
  order: 'asc' | 'desc' = 'desc',
): Promise<{ data: T[]; nextCursor: string | null }> {
  const params = new Params();
  const where = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .map(([column, v]) => `${column} = ${params.add(v)}`);
  const sort = `${table}:${timeColumn}:${order}`;
  if (page.cursor) {
    const c = decodeCursor(page.cursor, sort);
    where.push(
      `(${timeColumn}, id) ${order === 'desc' ? '<' : '>'} (${params.add(c.value, 'timestamptz')}, ${params.add(c.id)})`,
    );
  }
  const dir = order === 'desc' ? 'DESC' : 'ASC';
  const { rows } = await db.query(
    `SELECT * FROM ${table} WHERE ${where.join(' AND ') || 'TRUE'} ORDER BY ${timeColumn} ${dir}, id ${dir} LIMIT ${page.limit + 1}`,
    params.values,
  );
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    data: shown.map(map),
    nextCursor: more && last ? encodeCursor({ sort, value: last[timeColumn], id: last.id as string }) : null,
  };
}
