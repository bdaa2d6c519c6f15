import { DealAggregateGroupBy, DealMove } from '@crmkit/spec';
import type { Hono } from 'hono';
import { z } from 'zod';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import { requireCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { ifMatchVersion } from '../http/etag.js';
import { parseOrThrow } from '../http/problem.js';
import { parseListQuery, sendRecord } from '../resources/crud-routes.js';
import { authorize } from '../resources/engine.js';
import { aggregateDeals } from './aggregates.js';
import { moveDeal } from './move.js';
import { dealResource } from './resource.js';

/** `POST /v1/deals/{id}/move` and `GET /v1/deals/aggregate`. */
export function registerDealRoutes(app: Hono<AppEnv>): void {
  app.post('/v1/deals/:id/move', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, dealResource, 'update');
    // The body is judged before the headers: 415, 413 and 400 (body, then If-Match syntax) in the contract's order.
    const body = await readBody(c, DealMove);
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    const deal = await withWrite(ctx, (w) => moveDeal(w, c.req.param('id'), body, ifVersion));
    return sendRecord(c, deal);
  });

  app.get('/v1/deals/aggregate', async (c) => {
    requireCapability(c, 'aggregates');
    const ctx = c.get('ctx');
    authorize(ctx, dealResource, 'read');
    const { groupBy, thenBy, timeZone } = parseOrThrow(
      z.object({
        groupBy: DealAggregateGroupBy,
        thenBy: DealAggregateGroupBy.optional(),
        timeZone: z.string().min(1).max(64).optional(),
      }),
      { groupBy: c.req.query('groupBy'), thenBy: c.req.query('thenBy'), timeZone: c.req.query('timeZone') },
    );
    const { q, filter } = parseListQuery(c, dealResource);
    return c.json(
      await aggregateDeals(ctx, groupBy, {
        ...(q ? { q } : {}),
        ...(filter ? { filter } : {}),
        ...(thenBy ? { thenBy } : {}),
        ...(timeZone ? { timeZone } : {}),
      }),
    );
  });
}
