import { CONTRACT_LIMITS } from '@crmkit/core';
import { type DealAggregate, DealAggregateGroupBy, DealMove } from '@crmkit/spec';
import type { Hono } from 'hono';
import { z } from 'zod';
import { type WriteContext, withWrite } from '../core/context.js';
import { rankBetween } from '../core/rank.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { ifMatchVersion } from '../http/etag.js';
import { badRequest, parseOrThrow, preconditionFailed, validationFailed } from '../http/problem.js';
import { parseQueryFilters } from '../query/filters.js';
import { whereClause } from '../query/list.js';
import { Params } from '../query/sql.js';
import { parseListQuery, requireCapability, sendRecord } from '../resources/crud-routes.js';
import { dealResource, endOfStage, pipelineOfStage } from '../resources/deals.js';
import { andAll, applyUpdate, authorize, getRecord, resolverFor } from '../resources/engine.js';

const GROUP_COLUMNS: Record<z.infer<typeof DealAggregateGroupBy>, string> = {
  stageId: 'stage_id',
  pipelineId: 'pipeline_id',
  ownerId: 'owner_id',
  status: 'status',
  companyId: 'company_id',
};

/** The rank of a deal, which must sit in `stageId`; 400 on `path` otherwise. */
async function neighbourRank(w: WriteContext, id: string, stageId: string, path: string): Promise<string> {
  const { rows } = await w.tx.query<{ rank: string; stage_id: string }>(
    'SELECT rank, stage_id FROM deals WHERE workspace_id = $1 AND id = $2',
    [w.principal.workspaceId, id],
  );
  const row = rows[0];
  if (!row || row.stage_id !== stageId)
    throw validationFailed([{ path, message: `no deal ${id} in the target stage` }]);
  return row.rank;
}

/** The closest rank after (dir 'next') or before (dir 'prev') `rank` in a stage, skipping the moving deal. */
async function adjacentRank(
  w: WriteContext,
  stageId: string,
  rank: string,
  dir: 'next' | 'prev',
  selfId: string,
): Promise<string | null> {
  const { rows } = await w.tx.query<{ rank: string }>(
    `SELECT rank FROM deals WHERE workspace_id = $1 AND stage_id = $2 AND id <> $3 AND rank ${dir === 'next' ? '>' : '<'} $4
     ORDER BY rank ${dir === 'next' ? 'ASC' : 'DESC'} LIMIT 1`,
    [w.principal.workspaceId, stageId, selfId, rank],
  );
  return rows[0]?.rank ?? null;
}

/** The rank that puts deal `id` between the given neighbours of a stage (the end when none is given). */
async function targetRank(
  w: WriteContext,
  id: string,
  stageId: string,
  afterId: string | null,
  beforeId: string | null,
): Promise<string> {
  if (afterId === null && beforeId === null) return endOfStage(w.tx, w.principal.workspaceId, stageId, id);
  let after = afterId ? await neighbourRank(w, afterId, stageId, 'afterId') : null;
  let before = beforeId ? await neighbourRank(w, beforeId, stageId, 'beforeId') : null;
  if (before === null) before = await adjacentRank(w, stageId, after!, 'next', id);
  else if (after === null) after = await adjacentRank(w, stageId, before, 'prev', id);
  if (after !== null && before !== null && after >= before) {
    throw validationFailed([{ path: 'beforeId', message: 'must come after afterId in the stage' }]);
  }
  return rankBetween(after, before);
}

/** `POST /v1/deals/{id}/move` and `GET /v1/deals/aggregate`. */
export function registerDealRoutes(app: Hono<AppEnv>): void {
  app.post('/v1/deals/:id/move', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, dealResource, 'update');
    const body = await readBody(c, DealMove);
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    const id = c.req.param('id');
    const deal = await withWrite(ctx, async (w) => {
      const existing = await getRecord(w, dealResource, id, w.tx, true);
      if (ifVersion !== null && existing.version !== ifVersion) throw preconditionFailed(existing);
      const pipeline = await pipelineOfStage(w, body.stageId);
      for (const [key, value] of [
        ['afterId', body.afterId],
        ['beforeId', body.beforeId],
      ] as const) {
        if (value === id) throw validationFailed([{ path: key, message: 'a deal cannot be its own neighbour' }]);
      }
      const rank = await targetRank(w, id, body.stageId, body.afterId ?? null, body.beforeId ?? null);
      const patch: Record<string, unknown> = { pipelineId: pipeline.id, stageId: body.stageId, rank };
      if (body.lostReason !== undefined) patch.lostReason = body.lostReason;
      return applyUpdate(w, dealResource, id, patch, null);
    });
    return sendRecord(c, deal);
  });

  app.get('/v1/deals/aggregate', async (c) => {
    requireCapability(c, 'aggregates');
    const ctx = c.get('ctx');
    authorize(ctx, dealResource, 'read');
    const url = new URL(c.req.url);
    const { groupBy } = parseOrThrow(z.object({ groupBy: DealAggregateGroupBy }), {
      groupBy: url.searchParams.get('groupBy') ?? undefined,
    });
    const { q } = parseListQuery(c);
    const params = new Params();
    const where = whereClause(
      { resolve: resolverFor(ctx, dealResource), searchable: true },
      {
        workspaceId: ctx.principal.workspaceId,
        filter: andAll(parseQueryFilters(url.searchParams)),
        ...(q ? { q } : {}),
      },
      params,
    );
    const col = GROUP_COLUMNS[groupBy];
    // `round(amount * probability / 100.0)` is `weightedAmount` of @crmkit/core in SQL (exact numeric, half up):
    // the sum is the sum of the listed deals' `weightedAmount` (test/deals.test.ts checks that they agree).
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
    const result: DealAggregate = {
      groupBy,
      groups: rows.map((r) => ({
        key: r.key,
        currency: r.currency,
        count: r.count,
        sum: r.sum,
        weightedSum: r.weighted,
      })),
    };
    return c.json(result);
  });
}
