import { z } from 'zod';
import { Id, Problem, pageOf, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { BATCH_LIMIT, BatchRequest, SearchRequest } from '../base/search.js';
import { DealAggregate, DealAggregateGroupBy, DealMove } from '../entities/deal.js';
import { LeadConversion, LeadConvert } from '../entities/lead.js';
import { TicketMessage, TicketMessageCreate } from '../entities/ticket.js';
import { Me, Role } from '../entities/user.js';
import { CrmEvent } from './events.js';
import { RESOURCE_NAMES, type ResourceSpec, resources } from './resources.js';
import { standardFields } from './standard-fields.js';
import type { CapabilityName } from './workspace.js';
import { EntityName, WorkspaceSchema } from './workspace.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** A response of a route. */
export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
  headers?: readonly ('ETag' | 'Retry-After' | 'Location' | 'Idempotent-Replayed')[];
}

/** One operation of the contract. */
export interface RouteDef {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/v1/contacts/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  /** What the operation does, beyond its summary (lists and searches also get their fields described). */
  description?: string;
  /** `x-…` extensions of the operation. */
  extensions?: Record<`x-${string}`, unknown>;
  tag: string;
  /** The optional capability this operation belongs to; absent: core. */
  capability?: CapabilityName;
  /** Requires authentication (all `/v1` routes do). */
  auth: boolean;
  /** Path parameters. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Request headers the operation honours. */
  headers?: readonly ('If-Match' | 'Idempotency-Key' | 'Last-Event-ID')[];
  body?: z.ZodType;
  /** The resource behind a CRUD route. */
  resource?: ResourceSpec;
  /** The resource whose list filters (`filter[...]`) the operation takes besides its own query (lists: their own). */
  filters?: ResourceSpec;
  /** Success responses by status. */
  responses: Record<number, RouteResponse>;
}

/** Query parameters of every list. `filter[field]=v`, `filter[field][op]=v` are documented on the operation. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size, 1–200 (default 50).'),
  cursor: z.string().max(2000).optional().describe('`nextCursor` of the previous page.'),
  sort: z.string().max(100).optional().describe('A sortable field; prefix `-` for descending.'),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      "Case-insensitive text search over the resource's searchable fields: every word (split at spaces and commas) must appear, in any order; a word typed without diacritics also matches accented text (`do van tai` finds Đỗ Văn Tài).",
    ),
  updatedSince: Timestamp.optional().describe('Only records updated at or after this instant.'),
});

export const IdParams = z.object({ id: Id });

export const BatchResult = named(
  'BatchResult',
  z.object({
    results: z
      .array(
        z.object({
          index: z
            .int()
            .min(0)
            .max(BATCH_LIMIT - 1),
          status: z.int().min(100).max(599).describe('The HTTP status the operation would have had alone.'),
          data: z.record(z.string().max(64), z.unknown()).optional(),
          error: Problem.optional(),
        }),
      )
      .max(BATCH_LIMIT),
  }),
);

export const MessagePage = pageOf('TicketMessagePage', TicketMessage);

export const EmbedTokenRequest = named(
  'EmbedTokenRequest',
  z.strictObject({
    userId: Id.describe("The CRM user the host's logged-in user acts as."),
    role: Role.optional().describe("At most the user's own role; default: the user's role."),
    expiresInSeconds: z.int().min(60).max(86_400).optional().describe('Default 900.'),
  }),
);
export const EmbedToken = named(
  'EmbedToken',
  z.object({ token: z.string().max(4096), expiresAt: Timestamp }),
  'A short-lived bearer token for a browser embedding crmkit widgets.',
);

const ok = (schema: z.ZodType, description = 'OK', headers?: RouteResponse['headers']): RouteResponse =>
  headers ? { description, schema, headers } : { description, schema };

function crudRoutes(r: ResourceSpec): RouteDef[] {
  const base = `/v1/${r.name}`;
  const Name = r.singular.charAt(0).toUpperCase() + r.singular.slice(1);
  const common = { tag: r.tag, auth: true, resource: r } as const;
  return [
    {
      ...common,
      method: 'get',
      path: base,
      operationId: `list${r.tag}`,
      summary: `List ${r.name}`,
      description: `A page of the workspace's ${r.name}, in the order of \`sort\`; pass \`nextCursor\` as \`cursor\` for the next page.`,
      query: ListQuery,
      responses: { 200: ok(r.page) },
    },
    {
      ...common,
      method: 'post',
      path: base,
      operationId: `create${Name}`,
      summary: `Create a ${r.singular}`,
      description: `Creates a ${r.singular} and answers it, with its path as \`Location\`. Unknown fields are a 400 problem.`,
      headers: ['Idempotency-Key'],
      body: r.create,
      responses: { 201: ok(r.schema, 'Created', ['ETag', 'Location']) },
    },
    {
      ...common,
      method: 'get',
      path: `${base}/{id}`,
      operationId: `get${Name}`,
      summary: `Get a ${r.singular}`,
      description: `The ${r.singular} with this id, and its \`version\` as \`ETag\`.`,
      params: IdParams,
      responses: { 200: ok(r.schema, 'OK', ['ETag']) },
    },
    {
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      operationId: `update${Name}`,
      summary: `Update a ${r.singular}`,
      description:
        'Changes the fields the body names; the others keep their values. `customFields` and `consent` merge one level deep: a key not named keeps its value, a custom field set to `null` is removed.',
      params: IdParams,
      headers: ['If-Match', 'Idempotency-Key'],
      body: r.update,
      responses: { 200: ok(r.schema, 'Updated', ['ETag']) },
    },
    {
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      operationId: `delete${Name}`,
      summary: `Delete a ${r.singular}`,
      description: `Deletes the ${r.singular}; later requests for it are 404 problems.`,
      params: IdParams,
      headers: ['If-Match'],
      responses: { 204: { description: 'Deleted' } },
    },
    {
      ...common,
      method: 'post',
      path: `${base}/search`,
      operationId: `search${r.tag}`,
      summary: `Search ${r.name} with a filter tree`,
      description:
        'Like the list, with a filter tree of `and` / `or` / `not` over conditions whose fields and operators are those of the list filters.',
      capability: 'search',
      body: SearchRequest,
      responses: { 200: ok(r.page) },
    },
    {
      ...common,
      method: 'post',
      path: `${base}/batch`,
      operationId: `batch${r.tag}`,
      summary: `Create, update or delete up to 100 ${r.name}`,
      description:
        'Runs each operation on its own, in order, and answers one result per operation: the status, record or problem it would have had alone.',
      capability: 'batch',
      body: BatchRequest,
      responses: { 200: ok(BatchResult, 'Per-operation results') },
    },
  ];
}

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
    query: z.object({ groupBy: DealAggregateGroupBy, q: z.string().max(200).optional() }),
    filters: resources.deals,
    responses: { 200: ok(DealAggregate) },
  },
  {
    method: 'get',
    path: '/v1/tickets/{id}/messages',
    operationId: 'listTicketMessages',
    description: 'Replies and internal notes of the ticket, oldest first, paginated.',
    summary: 'The thread of a ticket, oldest first',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    query: ListQuery.pick({ limit: true, cursor: true }),
    responses: { 200: ok(MessagePage) },
  },
  {
    method: 'post',
    path: '/v1/tickets/{id}/messages',
    operationId: 'createTicketMessage',
    description:
      'A reply to the requester or an internal note; HTML is sanitised, text becomes safe HTML. May set the ticket status in the same step.',
    summary: 'Reply to a ticket or add an internal note',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: TicketMessageCreate,
    responses: { 201: ok(TicketMessage, 'Created') },
  },
];

/** Whether a route is the list of its resource (`GET /v1/<resource>`), which takes `sort`, `q` and `filter[...]`. */
export function isListRoute(route: RouteDef): boolean {
  return route.method === 'get' && route.resource !== undefined && route.path === `/v1/${route.resource.name}`;
}
