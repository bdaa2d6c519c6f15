import type { ListCount } from '@crmkit/spec';
import type { Database, Queryable } from '../db/types.js';
import { isStatementTimeout } from '../http/problem.js';
import type { Params } from './sql.js';

/** How long an exact count may take on PostgreSQL before the planner's estimate answers instead. */
export const EXACT_COUNT_TIMEOUT_MS = 1500;

/**
 * How many rows of `table` meet `where` (built with `params`): exact, unless counting takes longer than
 * {@link EXACT_COUNT_TIMEOUT_MS} on PostgreSQL, when the planner's estimate answers (`exact: false`). PGlite runs in
 * the caller's process and counts exactly.
 */
export async function countWhere(
  db: Database | Queryable,
  table: string,
  where: readonly string[],
  params: Params,
): Promise<ListCount> {
  const from = `FROM ${table} WHERE ${where.join(' AND ')}`;
  const exact = async (q: Queryable) => {
    const { rows } = await q.query<{ n: number | string }>(`SELECT count(*) AS n ${from}`, params.values);
    return { value: Number(rows[0]?.n ?? 0), exact: true };
  };
  if (!('kind' in db) || db.kind !== 'postgres') return exact(db);
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${EXACT_COUNT_TIMEOUT_MS}`);
      return exact(tx);
    });
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) SELECT 1 ${from}`, params.values);
    const plan = rows[0]?.['QUERY PLAN'];
    const root = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
    return { value: Math.max(0, Math.round(root[0]?.Plan['Plan Rows'] ?? 0)), exact: false };
  }
}
