import { z } from 'zod';
import { DealAggregate, DealAggregateGroupBy, DealMove } from '../entities/deal.js';
import { LeadConversion, LeadConvert } from '../entities/lead.js';
import {
  TicketMerge,
  TicketMergeResult,
  TicketMessage,
  TicketMessageCreate,
  TicketMessageQuery,
  TicketPresenceList,
  TicketPresenceUpdate,
  TicketViewCounts,
} from '../entities/ticket.js';
import { Me } from '../entities/user.js';
import { automationRoutes } from './automation-routes.js';
import { CrmEvent } from './events.js';
import { RESOURCE_NAMES, resources } from './resources.js';
import {
  crudRoutes,
  EmbedToken,
  EmbedTokenRequest,
  IdParams,
  ListQuery,
  MessagePage,
  ok,
  type RouteDef,
} from './route-kit.js';
import { segmentRoutes } from './segment-routes.js';
import { standardFields } from './standard-fields.js';
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
    query: z.object({ groupBy: DealAggregateGroupBy, q: z.string().max(200).optional() }),
    filters: resources.deals,
    responses: { 200: ok(DealAggregate) },
  },
  {
    method: 'get',
    path: '/v1/tickets/{id}/messages',
    operationId: 'listTicketMessages',
    description:
      'Replies and internal notes of the ticket, oldest first, paginated. `kind=reply` lists only what the customer sees (never an internal note): what a customer-facing page should ask for.',
    summary: 'The thread of a ticket, oldest first',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    query: ListQuery.pick({ limit: true, cursor: true }).extend(TicketMessageQuery.shape),
    responses: { 200: ok(MessagePage) },
  },
  {
    method: 'post',
    path: '/v1/tickets/{id}/messages',
    operationId: 'createTicketMessage',
    description:
      'A reply to the requester or an internal note; HTML is sanitised, text becomes safe HTML. May set the ticket status in the same step. With `lastSeenMessageId`, a thread that gained messages since is a 409 `stale-thread` problem whose `newMessages` lists them (the "traffic cop": nothing is posted). A customer reply wakes a snoozed ticket.',
    summary: 'Reply to a ticket or add an internal note',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: TicketMessageCreate,
    responses: { 201: ok(TicketMessage, 'Created') },
  },
  ...automationRoutes,
  ...segmentRoutes,
  {
    method: 'get',
    path: '/v1/tickets/views',
    operationId: 'countTicketViews',
    description:
      "How many tickets each of the caller's inbox views holds (`mine`, `team`, `unassigned`, `open`, `atRisk`, `breached`, `snoozed`, `solved`; see `TicketView`), without listing them. List a view with `GET /v1/tickets?view=`.",
    summary: 'Count the inbox views',
    tag: 'Tickets',
    auth: true,
    responses: { 200: ok(TicketViewCounts) },
  },
  {
    method: 'post',
    path: '/v1/tickets/{id}/merge',
    operationId: 'mergeTickets',
    description:
      "Merges tickets into this one in one transaction: their messages move into this ticket's thread, each is closed with `mergedIntoId`, and this ticket's SLA is recomputed over the combined thread from the earliest ticket's creation. Any failure (a missing ticket, this ticket among the sources, a ticket already merged) merges nothing.",
    summary: 'Merge duplicate tickets into this one',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    headers: ['Idempotency-Key'],
    body: TicketMerge,
    responses: { 200: ok(TicketMergeResult) },
  },
  {
    method: 'get',
    path: '/v1/tickets/presence',
    operationId: 'listPresence',
    description:
      "Every agent who has a ticket of the workspace open right now, and whether they're viewing or replying.",
    summary: 'Who is viewing or replying to tickets',
    tag: 'Tickets',
    auth: true,
    responses: { 200: ok(TicketPresenceList) },
  },
  {
    method: 'get',
    path: '/v1/tickets/{id}/presence',
    operationId: 'getTicketPresence',
    description: 'Who has this ticket open right now.',
    summary: 'Who is viewing or replying to a ticket',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    responses: { 200: ok(TicketPresenceList) },
  },
  {
    method: 'post',
    path: '/v1/tickets/{id}/presence',
    operationId: 'setTicketPresence',
    description:
      'The caller is viewing or replying to the ticket: a heartbeat — send it again before `ttlSeconds` pass, or it expires by itself. A new or changed state is a `ticket.presence.changed` event (renewals are not). Answers who has the ticket open now.',
    summary: 'Announce viewing or replying (heartbeat)',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    body: TicketPresenceUpdate,
    responses: { 200: ok(TicketPresenceList) },
  },
  {
    method: 'delete',
    path: '/v1/tickets/{id}/presence',
    operationId: 'leaveTicketPresence',
    description: "The caller closed the ticket: a `ticket.presence.changed` event with `state: 'left'`.",
    summary: 'Stop viewing a ticket',
    tag: 'Tickets',
    auth: true,
    params: IdParams,
    responses: { 200: ok(TicketPresenceList, 'Left; who still has the ticket open') },
  },
];

/** Whether a route is the list of its resource (`GET /v1/<resource>`), which takes `sort`, `q` and `filter[...]`. */
export function isListRoute(route: RouteDef): boolean {
  return route.method === 'get' && route.resource !== undefined && route.path === `/v1/${route.resource.name}`;
}
