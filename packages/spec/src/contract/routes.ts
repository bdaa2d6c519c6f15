import { z } from 'zod';
import { DealAggregate, DealAggregateGroupBy, DealMove } from '../entities/deal.js';
import { LeadConversion, LeadConvert } from '../entities/lead.js';
import { Me } from '../entities/user.js';
import { automationRoutes } from './automation-routes.js';
import { campaignRoutes } from './campaign-routes.js';
import { CrmEvent } from './events.js';
import { DealListQuery, RESOURCE_NAMES, resources } from './resources.js';
import { crudRoutes, EmbedToken, EmbedTokenRequest, IdParams, ok, type RouteDef } from './route-kit.js';
import { segmentRoutes } from './segment-routes.js';
import { standardFields } from './standard-fields.js';
import { ticketRoutes } from './ticket-routes.js';
import { EntityName, WorkspaceSchema } from './workspace.js';

export {
  BatchResult,
  crudRoutes,
  EmbedToken,
  EmbedTokenRequest,
  type HttpMethod,
  IdParams,
  ListQuery,
  MessagePage,
  type RouteDef,
  type RouteResponse,
} from './route-kit.js';

/** What `GET /v1/schema` must declare: the standard fields of each entity, in words. */
function schemaDescription(): string {
  const lists = EntityName.options.map(
    (e) =>
      `${e}: ${standardFields(e)
        .map((f) => `\`${f.key}\``)
        .join(', ')}`,
  );
  return [
    'What the widgets render from: labels, fields, pipelines, lead sources, SLA policies and the capabilities the server implements.',
    `For the widgets to show a standard field with the workspace's labels, \`fields.<entity>\` declares it (\`custom: false\`, its type and labels; machine-readable as \`x-crmkit-standard-fields\`): every one of an enabled entity — ${lists.join('; ')}.`,
    'A field is `sortable` / `filterable` only when the list of its resource sorts / filters by it.',
  ].join(' ');
}

/** Every operation of the crmkit CRM API. */
export const routes: RouteDef[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness',
    description: 'Answers `{ "ok": true }` while the server runs; needs no token.',
    tag: 'Meta',
    auth: false,
    responses: { 200: ok(z.object({ ok: z.literal(true) })) },
  },
  {
    method: 'get',
    path: '/v1/me',
    operationId: 'getMe',
    summary: 'The caller, its role and permissions',
    description:
      'Who the token acts as: the user (null for an API key without one), the workspace, the role and its permissions.',
    tag: 'Meta',
    auth: true,
    responses: { 200: ok(Me) },
  },
  {
    method: 'get',
    path: '/v1/schema',
    operationId: 'getSchema',
    summary: 'Workspace metadata and server capabilities',
    description: schemaDescription(),
    extensions: {
      'x-crmkit-standard-fields': Object.fromEntries(EntityName.options.map((e) => [e, standardFields(e)])),
    },
    tag: 'Meta',
    auth: true,
    responses: { 200: ok(WorkspaceSchema) },
  },
  {
    method: 'post',
    path: '/v1/embed-tokens',
    operationId: 'createEmbedToken',
    description:
      'A token for a browser page of the host app: it acts as the user, with at most their role, until it expires.',
    summary: 'Mint a short-lived embed token for a user (API keys with admin role only)',
    tag: 'Meta',
    auth: true,
    body: EmbedTokenRequest,
    responses: { 201: ok(EmbedToken, 'Created') },
  },
  {
    method: 'get',
    path: '/v1/events',
    operationId: 'streamEvents',
    description:
      'One event per committed change, in order, with monotonic ids; `Last-Event-ID` (or `since`) resumes after an id, `types` keeps some types.',
    summary: 'Change feed (Server-Sent Events); resume with `Last-Event-ID`',
    tag: 'Events',
    auth: true,
    capability: 'events',
    headers: ['Last-Event-ID'],
    query: z.object({
      types: z.string().max(2000).optional().describe('Comma-separated event types or `<prefix>.*`.'),
      since: z.string().max(20).regex(/^\d+$/).optional().describe('Same as `Last-Event-ID`.'),
    }),
    responses: {
      200: {
        description:
          'An event stream; each `data:` is a CrmEvent, its `id:` the event id. The stream states its position from its first bytes — a block with an `id:` and no data on connect — and again at least every 30 s (the heartbeat), also past events a `types` filter skipped: reconnecting with the last id seen misses nothing.',
        schema: CrmEvent,
        contentType: 'text/event-stream',
      },
    },
  },
  ...RESOURCE_NAMES.flatMap((name) => crudRoutes(resources[name])),
  {
    method: 'post',
    path: '/v1/leads/{id}/convert',
    operationId: 'convertLead',
    description:
      'Creates the contact, and a company and a deal when asked, and marks the lead converted, in one transaction: a conversion that fails writes nothing.',
    summary: 'Convert a lead into a contact (+ company) (+ deal), atomically',
    tag: 'Leads',
    auth: true,
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: LeadConvert,
    responses: { 200: ok(LeadConversion) },
  },
  {
    method: 'post',
    path: '/v1/deals/{id}/move',
    operationId: 'moveDeal',
    description:
      'Places the deal in the stage between `afterId` and `beforeId` (or at the end); no other deal is rewritten.',
    summary: 'Move a deal to a stage and position',
    tag: 'Deals',
    auth: true,
    params: IdParams,
    headers: ['If-Match'],
    body: DealMove,
    responses: { 200: ok(resources.deals.schema, 'Moved', ['ETag']) },
  },
  {
    method: 'get',
    path: '/v1/deals/aggregate',
    operationId: 'aggregateDeals',
    description: 'Per group and currency: how many deals, the sum of `amount`, and the sum weighted by `probability`.',
    summary: 'Count, sum and weighted sum of deals per group',
    tag: 'Deals',
    auth: true,
    capability: 'aggregates',
    query: z.object({
      groupBy: DealAggregateGroupBy,
      thenBy: DealAggregateGroupBy.optional().describe(
        'A second grouping within each group (e.g. `groupBy=stageId&thenBy=nextActivity`): each row has a `subKey`.',
      ),
      timeZone: z
        .string()
        .max(64)
        .optional()
        .describe('IANA time zone of "today" for `nextActivity` (default: the workspace’s, `GET /v1/schema`).'),
      q: z.string().max(200).optional(),
      ...DealListQuery.shape,
    }),
    filters: resources.deals,
    responses: { 200: ok(DealAggregate) },
  },
  ...ticketRoutes,
  ...automationRoutes,
  ...segmentRoutes,
  ...campaignRoutes,
];

/** Whether a route is the list of its resource (`GET /v1/<resource>`), which takes `sort`, `q` and `filter[...]`. */
export function isListRoute(route: RouteDef): boolean {
  return route.method === 'get' && route.resource !== undefined && route.path === `/v1/${route.resource.name}`;
}
