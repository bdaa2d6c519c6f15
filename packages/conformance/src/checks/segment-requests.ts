import type { RouteDef } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { type Exchange, query } from '../base/http.js';

const BASE = '/v1/segments';

/** A valid segment body: contacts with a tag of this run. */
const segmentBody = (ctx: CheckContext) => ({
  name: `conformance ${ctx.fixtures.token()}`,
  filter: { field: 'tags', op: 'in', value: [`seg${ctx.fixtures.runTag}`] },
});

/** Creates a segment that is deleted at the end of the run. */
async function segment(ctx: CheckContext): Promise<string> {
  const ex = await ctx.api.post(BASE, segmentBody(ctx));
  const id = (ex.body as { id?: string } | undefined)?.id;
  if (ex.status !== 201 || !id) ctx.abort(`POST ${BASE} answered ${ex.status}`, ex);
  ctx.fixtures.trackPath(`${BASE}/${id}`);
  return id;
}

/** One valid request of each operation of the `segments` capability; null for other routes. */
export async function segmentRequest(ctx: CheckContext, route: RouteDef): Promise<Exchange | null> {
  if (!route.path.startsWith(BASE)) return null;
  switch (route.operationId) {
    case 'listSegments':
      return ctx.api.get(`${BASE}${query({ limit: 5, count: 'true' })}`);
    case 'createSegment': {
      const ex = await ctx.api.post(BASE, segmentBody(ctx));
      const id = (ex.body as { id?: string } | undefined)?.id;
      if (id) ctx.fixtures.trackPath(`${BASE}/${id}`);
      return ex;
    }
    case 'getSegment':
      return ctx.api.get(`${BASE}/${await segment(ctx)}`);
    case 'updateSegment':
      return ctx.api.patch(`${BASE}/${await segment(ctx)}`, { name: `renamed ${ctx.fixtures.token()}` });
    case 'deleteSegment':
      return ctx.api.delete(`${BASE}/${await segment(ctx)}`);
    case 'searchSegments':
      return ctx.api.post(route.path, { q: 'conformance', limit: 5, count: true });
    case 'batchSegments':
      return ctx.api.post(route.path, { operations: [{ op: 'create', data: segmentBody(ctx) }] });
    case 'previewSegment':
      return ctx.api.post(route.path, { filter: segmentBody(ctx).filter, sample: 3 });
    case 'listSegmentMembers':
      return ctx.api.get(`${BASE}/${await segment(ctx)}/members${query({ limit: 5, count: 'true' })}`);
    default:
      return null;
  }
}
