import { CONTRACT_LIMITS } from '@crmkit/core';
import type { DealAggregate, DealAggregateGroupBy, FilterNode } from '@crmkit/spec';
import type { z } from 'zod';
import type { RequestContext } from '../core/context.js';
import { badRequest } from '../http/problem.js';
import { whereClause } from '../query/list.js';
import { Params } from '../query/sql.js';
import { resolverFor } from '../resources/engine.js';
import { dealResource } from './resource.js';

const GROUP_COLUMNS: Record<z.infer<typeof DealAggregateGroupBy>, string> = {
  stageId: 'stage_id',
  pipelineId: 'pipeline_id',
  ownerId: 'owner_id',
  status: 'status',
  companyId: 'company_id',
};

/**
 * Count, sum of `amount` and probability-weighted sum of the deals matching a list's filter and `q`, per group and
 * currency (`GET /v1/deals/aggregate`), in one query; a 400 when there would be more groups than the contract allows.
 */
export async function aggregateDeals(
  ctx: RequestContext,
  groupBy: z.infer<typeof DealAggregateGroupBy>,
  query: { filter?: FilterNode; q?: string },
): Promise<DealAggregate> {
  const params = new Params();
  const where = whereClause(
    { resolve: resolverFor(ctx, dealResource), searchable: true },
    { workspaceId: ctx.principal.workspaceId, ...query },
    params,
  );
  const col = GROUP_COLUMNS[groupBy];
  // `round(amount * probability / 100.0)` is `weightedAmount` of @crmkit/core in SQL (exact numeric, half up): the
  // sum is the sum of the listed deals' `weightedAmount` (test/deals.test.ts checks that they agree).
  const { rows } = await ctx.db.query<{
    key: string | null;
    currency: string;
    count: number;
    sum: number;
    weighted: number;
  }>(
    `SELECT ${col} AS key, currency, count(*)::int AS count, COALESCE(sum(amount), 0)::bigint AS sum,
            COALESCE(sum(round(amount * probability / 100.0)), 0)::bigint AS weighted
       FROM deals WHERE ${where.join(' AND ')} GROUP BY ${col}, currency ORDER BY ${col} NULLS LAST, currency
      LIMIT ${CONTRACT_LIMITS.aggregateGroups + 1}`,
    params.values,
  );
  if (rows.length > CONTRACT_LIMITS.aggregateGroups) {
    throw badRequest(
      `groupBy=${groupBy} gives more than ${CONTRACT_LIMITS.aggregateGroups} groups; narrow the deals with filter[...] or q.`,
      [{ path: 'groupBy', message: `more than ${CONTRACT_LIMITS.aggregateGroups} groups` }],
    );
  }
  return {
    groupBy,
    groups: rows.map((r) => ({
      key: r.key,
      currency: r.currency,
      count: r.count,
      sum: r.sum,
      weightedSum: r.weighted,
    })),
  };
}
