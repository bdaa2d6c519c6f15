import { type Segment, SegmentMembersQuery, SegmentPreviewRequest, type SegmentResource } from '@crmkit/spec';
import type { Context, Hono } from 'hono';
import { dbOf, type RequestContext } from '../core/context.js';
import { readBody } from '../http/body.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { parseOrThrow } from '../http/problem.js';
import { countRows } from '../query/list.js';
import type { Params } from '../query/sql.js';
import { registerCrudRoutes } from '../resources/crud-routes.js';
import { authorize, getRecord, listRecords, resolverFor } from '../resources/engine.js';
import { compileSegment } from './compile.js';
import { memberDef, segmentResource } from './resource.js';

/** How many members a preview samples unless asked. */
const DEFAULT_SAMPLE = 5;

/** The members list of a segment's filter, for the caller (who must be able to read that resource). */
function membersOf(ctx: RequestContext, resource: SegmentResource, filter: Segment['filter']) {
  const def = memberDef(resource);
  authorize(ctx, def, 'read');
  const now = ctx.clock.now();
  return { def, where: (params: Params) => [compileSegment(ctx, def, resource, filter, now, params)] };
}

/** Segments: CRUD, previews of unsaved filters, and the live members (and count) of a saved one. */
export function registerSegmentRoutes(app: Hono<AppEnv>): void {
  gateCapability(app, 'segments', ['/v1/segments']);

  app.post('/v1/segments/preview', async (c: Context<AppEnv>) => {
    const ctx = c.get('ctx');
    authorize(ctx, segmentResource, 'read');
    const body = await readBody(c, SegmentPreviewRequest);
    const resource = body.resource ?? 'contacts';
    const { def, where } = membersOf(ctx, resource, body.filter);
    const sample = body.sample ?? DEFAULT_SAMPLE;
    const source = { table: def.table.table, resolve: resolverFor(ctx, def), searchable: false };
    const count = await countRows(dbOf(ctx), source, { workspaceId: ctx.principal.workspaceId, where });
    const page = sample > 0 ? await listRecords(ctx, def, { limit: sample, where }) : { data: [] };
    return c.json({ count, sample: page.data });
  });

  app.get('/v1/segments/:id/members', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, segmentResource, 'read');
    const query = parseOrThrow(SegmentMembersQuery, c.req.query());
    const segment = (await getRecord(ctx, segmentResource, c.req.param('id'))) as unknown as Segment;
    const { def, where } = membersOf(ctx, segment.resource, segment.filter);
    return c.json(await listRecords(ctx, def, { ...query, count: query.count === 'true', where }));
  });

  registerCrudRoutes(app, segmentResource);
}
