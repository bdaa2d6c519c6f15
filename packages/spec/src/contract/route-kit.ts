/** The building blocks of the route table: route types, common queries and the CRUD operations of a resource. */
import { z } from 'zod';
import { Id, Problem, pageOf, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { BATCH_LIMIT, BatchRequest, SearchRequest } from '../base/search.js';
import { TicketMessage } from '../entities/ticket.js';
import { Role } from '../entities/user.js';
import type { ResourceSpec } from './resources.js';
import type { CapabilityName } from './workspace.js';

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
  /** Answers 422 for a body that is well-formed but whose content cannot be used (a campaign's unknown placeholder). */
  unprocessable?: boolean;
  /** Relays to a provider at once (a test message): its failure is a 502. */
  upstream?: boolean;
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
  count: z
    .enum(['true', 'false'])
    .optional()
    .describe('`true`: the page also says how many records the whole list holds (`count`).'),
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

export const ok = (schema: z.ZodType, description = 'OK', headers?: RouteResponse['headers']): RouteResponse =>
  headers ? { description, schema, headers } : { description, schema };

/** List, create, get, update, delete, search and batch of a resource. */
export function crudRoutes(r: ResourceSpec, capability?: CapabilityName): RouteDef[] {
  const base = `/v1/${r.name}`;
  const Name = r.singular.charAt(0).toUpperCase() + r.singular.slice(1);
  const common = { tag: r.tag, auth: true, resource: r, ...(capability ? { capability } : {}) } as const;
  return [
    {
      ...common,
      method: 'get',
      path: base,
      operationId: `list${r.tag}`,
      summary: `List ${r.name}`,
      description: `A page of the workspace's ${r.name}, in the order of \`sort\`; pass \`nextCursor\` as \`cursor\` for the next page.`,
      query: r.listQuery ? ListQuery.extend(r.listQuery.shape) : ListQuery,
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
