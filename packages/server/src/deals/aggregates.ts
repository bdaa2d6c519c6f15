import { CONTRACT_LIMITS } from '@crmkit/core';
import type { DealAggregate, DealAggregateGroupBy, FilterNode } from '@crmkit/spec';
import type { z } from 'zod';
import type { RequestContext } from '../core/context.js';
import { badRequest } from '../http/problem.js';
import { whereClause } from '../query/list.js';
import { Params } from '../query/sql.js';
import { resolverFor } from '../resources/engine.js';
import { dealResource } from './resource.js';

type Dimension = z.infer<typeof DealAggregateGroupBy>;

/**
 * The SQL of a grouping. `nextActivity` is `nextActivityState` of @crmkit/core: `overdue` before now, `today` later
 * on today's date in the time zone, `future` after, `none` without a next activity.
 */
function dimension(d: Dimension, params: Params, now: Date, timeZone: string): string {
  switch (d) {
    case 'expectedCloseMonth':
      return `to_char(expected_close_date, 'YYYY-MM')`;
    case 'nextActivity': {
      const at = params.add(now.toISOString(), 'timestamptz');
      const tz = params.add(timeZone);
      return `(CASE WHEN next_activity_at IS NULL THEN 'none' WHEN next_activity_at < ${at} THEN 'overdue'
                    WHEN (next_activity_at AT TIME ZONE ${tz})::date = (${at} AT TIME ZONE ${tz})::date THEN 'today'
                    ELSE 'future' END)`;
    }
    default:
      return {
        stageId: 'stage_id',
        pipelineId: 'pipeline_id',
        ownerId: 'owner_id',
        status: 'status',
        companyId: 'company_id',
      }[d];
  }
}

/** `timeZone` when it is an IANA zone this runtime knows (PostgreSQL knows the same names), else a 400. */
function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw badRequest(`Unknown time zone "${timeZone}"; use an IANA name such as Asia/Ho_Chi_Minh.`, [
      { path: 'timeZone', message: 'is not an IANA time zone' },
    ]);
  }
}

/**
 * Count, sum of `amount` and probability-weighted sum of the deals matching a list's filter and `q`, per group (and,
 * with `thenBy`, per group within it) and currency (`GET /v1/deals/aggregate`), in one query; a 400 when there would
 * be more groups than the contract allows. "Now" and "today" (`nextActivity`) are the server clock's, in `timeZone`
 * (default: the workspace's).
 */
export async function aggregateDeals(
  ctx: RequestContext,
  groupBy: Dimension,
  query: { filter?: FilterNode; q?: string; thenBy?: Dimension; timeZone?: string },
): Promise<DealAggregate> {
  const params = new Params();
  const { thenBy, filter, q } = query;
  const timeZone = checkTimeZone(query.timeZone ?? ctx.principal.settings.timeZone);
  const where = whereClause(
    { resolve: resolverFor(ctx, dealResource), searchable: true },
    { workspaceId: ctx.principal.workspaceId, ...(filter ? { filter } : {}), ...(q ? { q } : {}) },
    params,
  );
  const now = ctx.clock.now();
  const key = dimension(groupBy, params, now, timeZone);
  const subKey = thenBy ? dimension(thenBy, params, now, timeZone) : 'NULL::text';
  // `round(amount * probability / 100.0)` is `weightedAmount` of @crmkit/core in SQL (exact numeric, half up): the
  // sum is the sum of the listed deals' `weightedAmount` (test/deals.test.ts checks that they agree).
  const { rows } = await ctx.db.query<{
    key: string | null;
    sub_key: string | null;
    currency: string;
    count: number;
    sum: number;
    weighted: number;
  }>(
    `SELECT ${key} AS key, ${subKey} AS sub_key, currency, count(*)::int AS count,
            COALESCE(sum(amount), 0)::bigint AS sum, COALESCE(sum(round(amount * probability / 100.0)), 0)::bigint AS weighted
       FROM deals WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3
      LIMIT ${CONTRACT_LIMITS.aggregateGroups + 1}`,
    params.values,
  );
  if (rows.length > CONTRACT_LIMITS.aggregateGroups) {
    throw badRequest(
      `groupBy=${groupBy}${thenBy ? `&thenBy=${thenBy}` : ''} gives more than ${CONTRACT_LIMITS.aggregateGroups} groups; narrow the deals with filter[...] or q.`,
      [{ path: 'groupBy', message: `more than ${CONTRACT_LIMITS.aggregateGroups} groups` }],
    );
  }
  return {
    groupBy,
    ...(thenBy ? { thenBy } : {}),
    groups: rows.map((r) => ({
      key: r.key,
      ...(thenBy ? { subKey: r.sub_key } : {}),
      currency: r.currency,
      count: r.count,
      sum: r.sum,
      weightedSum: r.weighted,
    })),
  };
}
