import { z } from 'zod';
import { DealAggregate, DealAggregateGroupBy, DealMove } from './entities/deal.js';
import { LeadConversion, LeadConvert } from './entities/lead.js';
import { TicketMessage, TicketMessageCreate } from './entities/ticket.js';
import { Me, Role } from './entities/user.js';
import { CrmEvent } from './events.js';
import { Id, Problem, pageOf } from './primitives.js';
import { named } from './registry.js';
import { RESOURCE_NAMES, type ResourceSpec, resources } from './resources.js';
import { BatchRequest, SearchRequest } from './search.js';
import type { CapabilityName } from './workspace.js';
import { WorkspaceSchema } from './workspace.js';

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
  /** Success responses by status. */
  responses: Record<number, RouteResponse>;
}

/** Query parameters of every list. `filter[field]=v`, `filter[field][op]=v` are documented on the operation. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Page size, 1–200 (default 50).'),
  cursor: z.string().max(2000).optional().describe('`nextCursor` of the previous page.'),
  sort: z.string().max(100).optional().describe('A sortable field; prefix `-` for descending.'),
  q: z.string().max(200).optional().describe('Case-insensitive text search.'),
  updatedSince: z.iso.datetime({ offset: true }).optional().describe('Only records updated at or after this instant.'),
});

export const IdParams = z.object({ id: Id });

export const BatchResult = named(
  'BatchResult',
  z.object({
    results: z.array(
      z.object({
        index: z.int(),
        status: z.int().describe('The HTTP status the operation would have had alone.'),
        data: z.record(z.string(), z.unknown()).optional(),
        error: Problem.optional(),
      }),
    ),
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
  z.object({ token: z.string(), expiresAt: z.iso.datetime({ offset: true }) }),
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
      query: ListQuery,
      responses: { 200: ok(r.page) },
    },
    {
      ...common,
      method: 'post',
      path: base,
      operationId: `create${Name}`,
      summary: `Create a ${r.singular}`,
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
      params: IdParams,
      responses: { 200: ok(r.schema, 'OK', ['ETag']) },
    },
    {
      ...common,
      method: 'patch',
      path: `${base}/{id}`,
      operationId: `update${Name}`,
      summary: `Update a ${r.singular}`,
      params: IdParams,
      headers: ['If-Match'],
      body: r.update,
      responses: { 200: ok(r.schema, 'Updated', ['ETag']) },
    },
    {
      ...common,
      method: 'delete',
      path: `${base}/{id}`,
      operationId: `delete${Name}`,
      summary: `Delete a ${r.singular}`,
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
      capability: 'batch',
      body: BatchRequest,
      responses: { 200: ok(BatchResult, 'Per-operation results') },
    },
  ];
}

/** Every operation of the crmkit CRM API. */
export const routes: RouteDef[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'Liveness',
    tag: 'Meta',
    auth: false,
    responses: { 200: ok(z.object({ ok: z.literal(true) })) },
  },
  {
    method: 'get',
    path: '/v1/me',
    operationId: 'getMe',
    summary: 'The caller, its role and permissions',
    tag: 'Meta',
    auth: true,
    responses: { 200: ok(Me) },
  },
  {
    method: 'get',
    path: '/v1/schema',
    operationId: 'getSchema',
    summary: 'Workspace metadata and server capabilities',
    tag: 'Meta',
    auth: true,
    responses: { 200: ok(WorkspaceSchema) },
  },
  {
    method: 'post',
    path: '/v1/embed-tokens',
    operationId: 'createEmbedToken',
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
    summary: 'Change feed (Server-Sent Events); resume with `Last-Event-ID`',
    tag: 'Events',
    auth: true,
    capability: 'events',
    headers: ['Last-Event-ID'],
    query: z.object({
      types: z.string().max(2000).optional().describe('Comma-separated event types or `<prefix>.*`.'),
      since: z.string().regex(/^\d+$/).optional().describe('Same as `Last-Event-ID`.'),
    }),
    responses: {
      200: {
        description: 'An event stream; each `data:` is a CrmEvent.',
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
    summary: 'Count, sum and weighted sum of deals per group',
    tag: 'Deals',
    auth: true,
    capability: 'aggregates',
    query: z.object({ groupBy: DealAggregateGroupBy, q: z.string().max(200).optional() }),
    responses: { 200: ok(DealAggregate) },
  },
  {
    method: 'get',
    path: '/v1/tickets/{id}/messages',
    operationId: 'listTicketMessages',
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
    summary: 'Reply to a ticket or add an internal note',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: TicketMessageCreate,
    responses: { 201: ok(TicketMessage, 'Created') },
  },
];

/** Paths whose list operations take `filter[...]` (deals aggregate takes them too). */
export function isListRoute(route: RouteDef): boolean {
  return route.method === 'get' && route.resource !== undefined && route.path === `/v1/${route.resource.name}`;
}
