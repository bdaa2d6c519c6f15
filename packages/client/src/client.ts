import { RESOURCE_NAMES } from '@crmkit/core';
import type { paths } from '@crmkit/spec';
import type { Client } from 'openapi-fetch';
import type { CrmAuth } from './auth.js';
import { automationClients } from './automation.js';
import type { AutomationClients } from './automation-types.js';
import type { CampaignsClient } from './campaign-types.js';
import { campaignsClient } from './campaigns.js';
import type { CrmError } from './errors.js';
import type { CrmEvent, SubscribeOptions, Subscription } from './events.js';
import { listParams } from './query.js';
import { rawClient } from './raw.js';
import { type Call, type CallParams, type ResourceClient, resourceClient } from './resources.js';
import { type SegmentsClient, segmentsClient } from './segments.js';
import { createTransport, type FetchLike, type RetryOptions } from './transport.js';
import type {
  CreateOptions,
  Filter,
  ListQuery,
  Page,
  RecordOf,
  RequestOptions,
  ResourceName,
  Schemas,
  WriteOptions,
} from './types.js';
import { contractValidator, type ValidateOption } from './validation.js';

/** Options of {@link createCrmClient}. */
export interface CrmClientOptions {
  /** Where the API lives, without `/v1`: `https://crm.example.com` (or a same-origin proxy path such as `/crm`). */
  baseUrl: string;
  /** How to authenticate: `{ apiKey }`, `{ getToken }` (embed tokens) or `{ credentials: 'include' }` (cookies). */
  auth?: CrmAuth;
  /** A `fetch` to use instead of the global one: a runtime's, a test double, or an in-process server's handler. */
  fetch?: FetchLike;
  /**
   * Check every response (and event) against the contract's schemas; a non-conforming body fails with an
   * `InvalidResponseError` naming the bad field. The validators live in `@crmkit/client/validate` and need zod (an
   * optional peer dependency: `npm install zod`); they are loaded on first use. `true` loads them at run time (Node,
   * Deno, Bun); a bundled app passes the import instead, which its bundler splits into a chunk of its own.
   *
   * @example
   * createCrmClient({ baseUrl, validate: () => import('@crmkit/client/validate') });
   */
  validate?: ValidateOption;
  /** Retry policy (default: 2 retries, 300 ms doubling backoff with jitter, at most 10 s); `false`: never retry. */
  retry?: RetryOptions | false;
  /** Default timeout of a call, retries included, in ms (default 30 s; 0: none). */
  timeout?: number;
  /** Called with every error a call ends with (after retries), before it is thrown: for logging or a global toast. */
  onError?: (error: CrmError) => void;
}

/** A list query of ticket messages. */
export interface MessageQuery {
  limit?: number;
  cursor?: string;
  /** Only replies (what the customer sees) or only internal notes. */
  kind?: 'reply' | 'note';
  /** `-createdAt`: newest first. */
  sort?: 'createdAt' | '-createdAt';
}

/** A reply or note as `tickets.reply` / `tickets.note` take it: the text, or the message without its `kind`. */
export type MessageInput = string | Omit<Schemas['TicketMessageCreate'], 'kind'>;

type Deal = RecordOf<'deals'>;
type TicketMessage = Schemas['TicketMessage'];

/**
 * The crmkit client: one typed object per resource, the contract's special operations, automation, webhooks and
 * notifications (`automationRules`, `automationRuns`, `webhookSubscriptions`, `webhookDeliveries`, `notifications`:
 * on servers with those capabilities), the change feed, and `raw`.
 */
export interface CrmClient extends AutomationClients {
  companies: ResourceClient<'companies'>;
  contacts: ResourceClient<'contacts'>;
  pipelines: ResourceClient<'pipelines'>;
  activities: ResourceClient<'activities'>;
  users: ResourceClient<'users'>;
  teams: ResourceClient<'teams'>;
  cannedResponses: ResourceClient<'cannedResponses'>;
  leads: ResourceClient<'leads'> & {
    /**
     * Converts a lead into a contact (+ company) (+ deal), atomically.
     *
     * @example
     * const { contact, deal } = await crm.leads.convert(lead.id, { deal: { amount: 5_000_000, currency: 'VND' } });
     */
    convert(id: string, body?: Schemas['LeadConvert'], options?: CreateOptions): Promise<Schemas['LeadConversion']>;
  };
  deals: ResourceClient<'deals'> & {
    /**
     * Moves a deal to a stage, between two neighbours (or to the end); no other deal is rewritten.
     *
     * @example
     * await crm.deals.move(deal.id, { stageId: won.id, afterId: previous.id }, { ifVersion: deal.version });
     */
    move(id: string, body: Schemas['DealMove'], options?: WriteOptions): Promise<Deal>;
    /**
     * Count, sum and probability-weighted sum per group (and currency), filtered like a list.
     *
     * @example
     * const { groups } = await crm.deals.aggregate({ groupBy: 'stageId', filter: { pipelineId: pipeline.id } });
     */
    aggregate(
      query: { groupBy: Schemas['DealAggregate']['groupBy']; q?: string; filter?: Filter<Deal> },
      options?: RequestOptions,
    ): Promise<Schemas['DealAggregate']>;
  };
  /** Segments (capability `segments`): CRUD, previews of unsaved filters, live members. */
  segments: SegmentsClient;
  /** Campaigns (capability `campaigns`): drafts, preview, schedule, cancel, recipients, report, CSV export. */
  campaigns: CampaignsClient;
  tickets: ResourceClient<'tickets'> & {
    /**
     * One page of a ticket's thread, oldest first (every message: `paginate`).
     *
     * @example
     * const { data } = await crm.tickets.messages(ticket.id, { limit: 20 });
     * for await (const m of paginate((cursor) => crm.tickets.messages(ticket.id, { cursor }))) render(m);
     */
    messages(id: string, query?: MessageQuery, options?: RequestOptions): Promise<Page<TicketMessage>>;
    /**
     * Replies to the requester (optionally setting the ticket status in the same step).
     *
     * @example
     * await crm.tickets.reply(ticket.id, { body: 'Fixed, thanks!', status: 'pending' });
     */
    reply(id: string, message: MessageInput, options?: CreateOptions): Promise<TicketMessage>;
    /**
     * Adds an internal note, never shown to the customer.
     *
     * @example
     * await crm.tickets.note(ticket.id, 'Customer is on the gold plan.');
     */
    note(id: string, message: MessageInput, options?: CreateOptions): Promise<TicketMessage>;
    /**
     * How many tickets each of the caller's inbox views holds, without listing them (list one with `list({ view })`).
     *
     * @example
     * const { counts } = await crm.tickets.views(); // counts.mine, counts.breached, …
     */
    views(options?: RequestOptions): Promise<Schemas['TicketViewCounts']>;
    /**
     * Merges tickets into this one, atomically: their threads move here and each is closed, linked by `mergedIntoId`.
     *
     * @example
     * const { ticket } = await crm.tickets.merge(keep.id, { sourceIds: [duplicate.id] });
     */
    merge(id: string, body: Schemas['TicketMerge'], options?: CreateOptions): Promise<Schemas['TicketMergeResult']>;
    /**
     * Who has tickets open: `presence()` for the workspace, `presence(id)` for one ticket, `presence(id, { state })`
     * to announce the caller (a heartbeat: repeat it within `ttlSeconds`), `presence(id, null)` to leave.
     *
     * @example
     * const { data: others } = await crm.tickets.presence(ticket.id, { state: 'replying' });
     */
    presence(
      id?: string,
      update?: Schemas['TicketPresenceUpdate'] | null,
      options?: RequestOptions,
    ): Promise<Schemas['TicketPresenceList']>;
  };
  schema: {
    /**
     * Workspace metadata: labels, fields (custom ones included), pipelines, sources, SLA policies, capabilities.
     *
     * @example
     * const { capabilities } = await crm.schema.get();
     */
    get(options?: RequestOptions): Promise<Schemas['WorkspaceSchema']>;
  };
  me: {
    /**
     * The caller: user, workspace, role and permissions (`deals:update`, ...).
     *
     * @example
     * const canEdit = (await crm.me.get()).permissions.includes('deals:update');
     */
    get(options?: RequestOptions): Promise<Schemas['Me']>;
  };
  events: {
    /**
     * Live changes over Server-Sent Events, with reconnect, `Last-Event-ID` resume from the latest position and no
     * duplicates: no event committed after the feed first connected is missed. Returns the unsubscribe function, whose
     * `position` tells how far the feed has come (to resume with `since`, e.g. after a reload).
     *
     * @example
     * const unsubscribe = crm.events.subscribe((e) => console.log(e.type, e.resourceId), { types: ['deal.*'] });
     * // Later, or after a reload: carry on where it stopped.
     * crm.events.subscribe(apply, { since: unsubscribe.position });
     */
    subscribe(handler: (event: CrmEvent) => void | Promise<void>, options?: SubscribeOptions): Subscription;
  };
  /**
   * The typed openapi-fetch client over every path of the contract, with the same auth, retries and validation.
   * Failures throw `CrmError`s (`error` is never set on its results). openapi-fetch is loaded on its first call (a
   * chunk of its own), so apps that use only the resource methods never download it.
   *
   * @example
   * const { data } = await crm.raw.GET('/v1/contacts/{id}', { params: { path: { id } } });
   */
  raw: Client<paths>;
}

type Resources = { [N in ResourceName]: ResourceClient<N> };

/**
 * Creates a crmkit client. Works in browsers, Node, Deno, Bun and edge runtimes.
 *
 * @example
 * const crm = createCrmClient({
 *   baseUrl: 'https://crm.example.com',
 *   auth: { getToken: () => fetch('/api/crm-token').then((r) => r.json()) },
 * });
 * const { data } = await crm.contacts.list({ filter: { lifecycleStage: ['active', 'loyal'] } });
 */
export function createCrmClient(options: CrmClientOptions): CrmClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const validator = contractValidator(options.validate, baseUrl);
  const send = createTransport({ ...options, validator });
  const urlOf = (path: string, params: CallParams) => {
    const query = Object.entries(params.query ?? {})
      .filter(([, v]) => v != null)
      .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
      .join('&');
    return `${baseUrl}${path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(params.path![k]!))}${query && `?${query}`}`;
  };
  const call: Call = async (method, path, { headers, ...o } = {}, params = {}, body) => {
    const res = await send({
      ...o,
      method: method.toUpperCase(),
      url: urlOf(path, params),
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as never;
  };
  /** A POST to a sub-path of a record, e.g. `leads/{id}/convert`. */
  const post =
    (path: string) =>
    (id: string, body?: unknown, o?: WriteOptions & CreateOptions): Promise<never> =>
      call('post', `/v1/${path}`, o, { path: { id } }, body ?? {});
  const resources = Object.fromEntries(RESOURCE_NAMES.map((name) => [name, resourceClient(call, name)])) as Resources;
  const message =
    (kind: 'reply' | 'note') =>
    (id: string, input: MessageInput, o?: CreateOptions): Promise<TicketMessage> =>
      post('tickets/{id}/messages')(id, { ...(typeof input === 'string' ? { body: input } : input), kind }, o);
  const messages: CrmClient['tickets']['messages'] = (id, query, o) =>
    call('get', '/v1/tickets/{id}/messages', o, { path: { id }, query: { ...query } });
  return {
    ...resources,
    ...automationClients(call),
    leads: { ...resources.leads, convert: post('leads/{id}/convert') },
    deals: {
      ...resources.deals,
      move: post('deals/{id}/move'),
      aggregate: (query, o) => call('get', '/v1/deals/aggregate', o, { query: listParams(query as ListQuery) }),
    },
    tickets: {
      ...resources.tickets,
      messages,
      reply: message('reply'),
      note: message('note'),
      views: (o) => call('get', '/v1/tickets/views', o),
      merge: post('tickets/{id}/merge'),
      presence: (id, update, o) =>
        id === undefined
          ? call('get', '/v1/tickets/presence', o)
          : update === undefined
            ? call('get', '/v1/tickets/{id}/presence', o, { path: { id } })
            : update === null
              ? call('delete', '/v1/tickets/{id}/presence', o, { path: { id } })
              : post('tickets/{id}/presence')(id, update, o),
    },
    segments: segmentsClient(call),
    campaigns: campaignsClient(call, async (path, o, params) =>
      (await send({ ...o, method: 'GET', url: urlOf(path, params) })).blob(),
    ),
    schema: { get: (o) => call('get', '/v1/schema', o) },
    me: { get: (o) => call('get', '/v1/me', o) },
    events: {
      subscribe: (handler, o = {}) => {
        const stop = new AbortController();
        const subscription = Object.assign(() => stop.abort(), { position: o.since });
        const signal = AbortSignal.any([stop.signal, o.signal ?? stop.signal]);
        // The feed's code is a chunk of its own, loaded on the first subscription.
        import('./events.js')
          .then(({ follow }) => follow(send, baseUrl, validator, handler, o, signal, subscription))
          .catch((error) => o.onError?.(error));
        return subscription;
      },
    },
    raw: rawClient(baseUrl, send),
  };
}
