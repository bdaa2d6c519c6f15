import { RESOURCE_NAMES, type ResourceName, type RouteDef, routes } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { openapi, resourceOfRoute } from '../base/contract.js';
import { type ApiRecord, FixtureError } from '../base/fixtures.js';
import { type Exchange, query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { openEventStream } from '../base/sse.js';
import { automationRequest } from './automation-requests.js';
import { campaignRequest } from './campaign-requests.js';
import { defineCheck } from './check.js';
import { segmentRequest } from './segment-requests.js';

/** Sends one valid request for a route of the table; null when the kit has no recipe for it. */
async function exercise(ctx: CheckContext, route: RouteDef): Promise<Exchange | 'stream' | null> {
  const f = ctx.fixtures;
  const own =
    (await automationRequest(ctx, route)) ?? (await segmentRequest(ctx, route)) ?? (await campaignRequest(ctx, route));
  if (own) return own;
  const r = route.resource?.name as ResourceName | undefined;
  if (r) {
    const base = `/v1/${r}`;
    const fresh = async () => f.create(r, await f.body(r, 1, f.token()));
    if (route.path === base && route.method === 'get') return ctx.api.get(`${base}${query({ limit: 5 })}`);
    if (route.path === base && route.method === 'post') return ctx.api.post(base, await f.body(r, 0, f.token()));
    if (route.path === `${base}/{id}`) {
      const rec = await fresh();
      if (route.method === 'get') return ctx.api.get(`${base}/${rec.id}`);
      if (route.method === 'patch') return ctx.api.patch(`${base}/${rec.id}`, f.patch(r));
      if (route.method === 'delete') return ctx.api.delete(`${base}/${rec.id}`);
    }
    if (route.path === `${base}/search`) return ctx.api.post(route.path, { q: f.runTag, limit: 5 });
    if (route.path === `${base}/batch`) {
      return ctx.api.post(route.path, { operations: [{ op: 'create', data: await f.body(r, 2, f.token()) }] });
    }
  }
  switch (route.operationId) {
    case 'health':
      return ctx.api.get('/healthz', { token: null });
    case 'getMe':
    case 'getSchema':
      return ctx.api.get(route.path);
    case 'createEmbedToken': {
      const userId = ctx.me.user?.id ?? (await f.create('users', await f.body('users', 0, f.token()))).id;
      return ctx.api.post(route.path, { userId, role: 'viewer' });
    }
    case 'streamEvents': {
      const stream = await openEventStream(ctx.api, {});
      const ok = stream.status === 200 && /^text\/event-stream\b/i.test(stream.contentType ?? '');
      await stream.close();
      if (!ok) {
        ctx.fail(
          `GET /v1/events answered ${stream.status} ${stream.contentType ?? ''}, expected 200 text/event-stream`,
        );
      }
      return 'stream';
    }
    case 'convertLead': {
      const lead = await f.create('leads', await f.body('leads', 0, f.token()));
      return ctx.api.post(`/v1/leads/${lead.id}/convert`, {});
    }
    case 'moveDeal': {
      const deal = await f.create('deals', await f.body('deals', 0, f.token()));
      const pipeline = await f.pipeline();
      return ctx.api.post(`/v1/deals/${deal.id}/move`, { stageId: pipeline.stages[1]!.id });
    }
    case 'aggregateDeals':
      return ctx.api.get(`${route.path}${query({ groupBy: 'stageId' })}`);
    case 'listTicketMessages':
    case 'createTicketMessage': {
      const ticket = await f.ticket();
      const path = `/v1/tickets/${ticket.id}/messages`;
      return route.method === 'get'
        ? ctx.api.get(`${path}${query({ limit: 5 })}`)
        : ctx.api.post(path, { kind: 'note', body: 'conformance note' });
    }
    case 'countTicketViews':
    case 'listPresence':
      return ctx.api.get(route.path);
    case 'mergeTickets': {
      const [keep, dup] = [await f.ticket(), await f.ticket()];
      return ctx.api.post(`/v1/tickets/${keep.id}/merge`, { sourceIds: [dup.id] });
    }
    case 'getTicketPresence':
    case 'setTicketPresence':
    case 'leaveTicketPresence': {
      const path = `/v1/tickets/${(await f.ticket()).id}/presence`;
      if (route.method === 'get') return ctx.api.get(path);
      if (route.method === 'delete') return ctx.api.delete(path);
      return ctx.api.post(path, { state: 'viewing', ttlSeconds: 5 });
    }
    default:
      return null;
  }
}

async function exerciseAll(ctx: CheckContext, optional: boolean): Promise<void> {
  const covered: string[] = [];
  const notAdvertised: string[] = [];
  for (const route of routes) {
    if (Boolean(route.capability) !== optional) continue;
    const label = `${route.method.toUpperCase()} ${route.path}`;
    if (route.capability && !ctx.has(route.capability)) {
      notAdvertised.push(`${label} (${route.capability})`);
      continue;
    }
    const resource = resourceOfRoute(route);
    // Resources outside the CRUD list (automation rules, webhook subscriptions) belong to no module.
    if (resource && RESOURCE_NAMES.includes(resource) && !ctx.enabled(resource)) continue;
    let ex: Exchange | 'stream' | null;
    try {
      ex = await exercise(ctx, route);
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error;
      ctx.fail(`${label}: ${error.message}`, error.exchange);
      continue;
    }
    if (ex === null) {
      ctx.fail(
        `${label} (${route.operationId}) is in the contract but this kit has no request for it`,
        undefined,
        RULES.endpoints,
      );
      continue;
    }
    covered.push(route.operationId);
    if (ex === 'stream') continue;
    const documented = Object.keys(route.responses).map(Number);
    // The response body is validated against the contract by ctx.inspect; here: the status.
    ctx.expectStatus(ex, documented, label);
    if (route.method === 'post' && ex.status === 200 && route.resource && route.path.endsWith('/batch')) {
      const results = (ex.body as { results?: { status: number; data?: ApiRecord }[] }).results ?? [];
      const data = results[0]?.data;
      if (results[0]?.status !== 201 || !data) ctx.fail(`${label}: the create operation did not succeed`, ex);
      else if (RESOURCE_NAMES.includes(route.resource.name as ResourceName))
        ctx.fixtures.track(route.resource.name as ResourceName, data.id);
      else ctx.fixtures.trackPath(`/v1/${route.resource.name}/${data.id}`);
    }
  }
  ctx.note(`exercised ${covered.length} operations`);
  if (notAdvertised.length) ctx.note(`not advertised, not exercised: ${notAdvertised.join(', ')}`);
}

export const schemaChecks = [
  defineCheck({
    id: 'schema.meta',
    area: 'schema',
    title: 'Health, caller, workspace schema and the OpenAPI document',
    level: 'core',
    rule: RULES.meta,
    async run(ctx) {
      const health = await ctx.api.get('/healthz', { token: null });
      ctx.expectStatus(health, [200], 'GET /healthz without a token');
      const me = await ctx.api.get('/v1/me');
      ctx.expectStatus(me, [200], 'GET /v1/me');
      const schema = await ctx.api.get('/v1/schema');
      ctx.expectStatus(schema, [200], 'GET /v1/schema');
      if (me.status === 200 && schema.status === 200) {
        const wsMe = (me.body as { workspace?: { id?: string } }).workspace?.id;
        const wsSchema = (schema.body as { workspace?: { id?: string } }).workspace?.id;
        if (wsMe !== wsSchema) ctx.fail(`GET /v1/me names workspace ${wsMe}, GET /v1/schema ${wsSchema}`, schema);
      }
      const doc = await ctx.api.get('/openapi.json', { token: null });
      if (!ctx.expectStatus(doc, [200], 'GET /openapi.json (DESIGN: the OpenAPI 3.1 document is served)')) return;
      const served = doc.body as { openapi?: string; paths?: Record<string, Record<string, unknown>> } | undefined;
      if (!served?.openapi?.startsWith('3.1')) ctx.fail(`GET /openapi.json is not an OpenAPI 3.1 document`, doc);
      const missing = Object.entries(openapi.paths).flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => !served?.paths?.[path]?.[m])
          .map((m) => `${m.toUpperCase()} ${path}`),
      );
      if (missing.length) ctx.fail(`GET /openapi.json does not describe: ${missing.join(', ')}`, doc);
    },
  }),
  defineCheck({
    id: 'schema.core-endpoints',
    area: 'schema',
    title: 'Every core operation answers as documented, with bodies matching the schemas',
    level: 'core',
    rule: RULES.endpoints,
    run: (ctx) => exerciseAll(ctx, false),
  }),
  defineCheck({
    id: 'schema.optional-endpoints',
    area: 'schema',
    title: 'Every advertised optional operation answers as documented',
    level: 'full',
    rule: RULES.endpoints,
    run: (ctx) => exerciseAll(ctx, true),
  }),
];
