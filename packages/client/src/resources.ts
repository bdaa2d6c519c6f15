import { listParams, paginate } from './query.js';
import type {
  CreateOf,
  CreateOptions,
  CrudName,
  ListQuery,
  Page,
  RecordOf,
  RequestOptions,
  Schemas,
  UpdateOf,
  WriteOptions,
} from './types.js';

/** Parameters of a call: path parameters and query. */
export interface CallParams {
  path?: Record<string, string>;
  query?: Record<string, unknown>;
}

/** Calls one operation of the contract through the raw client and returns its JSON body (throws `CrmError`). */
export type Call = <T>(
  method: 'get' | 'post' | 'patch' | 'delete',
  path: string,
  options?: WriteOptions & CreateOptions,
  params?: CallParams,
  body?: unknown,
) => Promise<T>;

/** One operation of a batch. */
export type BatchOperation<N extends CrudName> =
  | { op: 'create'; data: CreateOf<N> }
  | { op: 'update'; id: string; data: UpdateOf<N>; ifVersion?: number }
  | { op: 'delete'; id: string; ifVersion?: number };

/** Per-operation results of a batch, in order: the status each would have had alone, the record or the problem. */
export interface BatchResult<T> {
  results: { index: number; status: number; data?: T; error?: Schemas['Problem'] }[];
}

/** A search request: a filter tree of `and` / `or` / `not` over conditions, with text, sort and paging. */
export type SearchRequest = Schemas['SearchRequest'];

/**
 * The methods of one resource. Every resource (`contacts`, `companies`, `leads`, `deals`, `activities`, `tickets`,
 * `pipelines`, `users`, `teams`, and `automationRules` / `webhookSubscriptions`) has them; records, bodies and filters are typed from the contract.
 */
export interface ResourceClient<N extends CrudName, T = RecordOf<N>> {
  /**
   * One page of the list.
   *
   * @example
   * const { data, nextCursor } = await crm.contacts.list({ filter: { lifecycleStage: ['active', 'loyal'] }, limit: 50 });
   * const next = nextCursor ? await crm.contacts.list({ cursor: nextCursor }) : null;
   */
  list(query?: ListQuery<T>, options?: RequestOptions): Promise<Page<T>>;
  /**
   * Every record of the list, fetched a page at a time as the loop consumes them (keyset pagination: stable under
   * concurrent inserts).
   *
   * @example
   * for await (const deal of crm.deals.iterate({ filter: { probability: { gte: 50 } }, sort: '-amount' })) total += deal.amount ?? 0;
   */
  iterate(query?: ListQuery<T>, options?: RequestOptions): AsyncGenerator<T, void, undefined>;
  /**
   * One record by id (`NotFoundError` if there is none).
   *
   * @example
   * const contact = await crm.contacts.get('con_01J...');
   */
  get(id: string, options?: RequestOptions): Promise<T>;
  /**
   * Creates a record. Sent with an `Idempotency-Key`, so a retry after a lost response never creates it twice.
   *
   * @example
   * const contact = await crm.contacts.create({ firstName: 'Lan', emails: ['lan@example.vn'] });
   */
  create(data: CreateOf<N>, options?: CreateOptions): Promise<T>;
  /**
   * Changes some fields. With `ifVersion`, fails with a `PreconditionFailedError` (whose `current` is the stored
   * record) if the record changed since you read that version; only then is it retried after a failure, with an
   * `Idempotency-Key`: should the update commit and its answer be lost, the retry resolves with that write (replayed by
   * the server, or recognised in the 412 as version `ifVersion + 1` with the patch applied) instead of failing.
   *
   * @example
   * await crm.contacts.update(contact.id, { lifecycleStage: 'loyal' }, { ifVersion: contact.version });
   */
  update(id: string, patch: UpdateOf<N>, options?: WriteOptions): Promise<T>;
  /**
   * Deletes a record (with `ifVersion`: only if unchanged).
   *
   * @example
   * await crm.contacts.remove(contact.id);
   */
  remove(id: string, options?: WriteOptions): Promise<void>;
  /**
   * One page of records matching a filter tree (`POST /v1/<resource>/search`).
   *
   * @example
   * const page = await crm.contacts.search({
   *   filter: { or: [{ field: 'tags', op: 'in', value: ['vip'] }, { field: 'lifecycleStage', op: 'eq', value: 'loyal' }] },
   * });
   */
  search(request?: SearchRequest, options?: RequestOptions): Promise<Page<T>>;
  /**
   * Up to 100 creates, updates and deletes in one request, each succeeding or failing on its own.
   *
   * @example
   * const { results } = await crm.contacts.batch([{ op: 'create', data: { firstName: 'A' } }, { op: 'delete', id: 'con_1' }]);
   */
  batch(operations: BatchOperation<N>[], options?: CreateOptions): Promise<BatchResult<T>>;
}

/**
 * Builds the methods of resource `name` over `call`: the one factory behind every resource of the client.
 *
 * @example
 * const contacts = resourceClient(call, 'contacts');
 */
export function resourceClient<N extends CrudName>(call: Call, name: N): ResourceClient<N> {
  const base = `/v1/${name}`;
  const item = `${base}/{id}`;
  const list: ResourceClient<N>['list'] = (query, options) => call('get', base, options, { query: listParams(query) });
  return {
    list,
    iterate: (query = {}, options) => paginate((cursor) => list({ ...query, cursor }, options), query.cursor),
    get: (id, options) => call('get', item, options, { path: { id } }),
    create: (data, options) => call('post', base, options, {}, data),
    update: (id, patch, options) => call('patch', item, options, { path: { id } }, patch),
    remove: (id, options) => call('delete', item, options, { path: { id } }),
    search: (request = {}, options) => call('post', `${base}/search`, options, {}, request),
    batch: (operations, options) => call('post', `${base}/batch`, options, {}, { operations }),
  };
}
