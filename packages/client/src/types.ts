import type { ResourceName } from '@crmkit/core';
import type { components, paths } from '@crmkit/spec';

export type { ResourceName };

/** Schemas of the contract, by name (`Schemas['Contact']`). */
export type Schemas = components['schemas'];

/** The JSON body of the `S` response of an operation. */
export type ResponseOf<Op, S extends number = 200> = Op extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The JSON request body of an operation. */
export type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/**
 * A resource the client serves with the CRUD methods: the contract's records, plus automation rules, webhook
 * subscriptions, segments and campaigns (the `automation`, `webhooks`, `segments` and `campaigns` capabilities).
 */
export type CrudName = ResourceName | 'automation-rules' | 'webhook-subscriptions' | 'segments' | 'campaigns';

/** A record of resource `N` (`RecordOf<'contacts'>` is a contact). */
export type RecordOf<N extends CrudName> = ResponseOf<paths[`/v1/${N}/{id}`]['get']>;
/** The body that creates a record of resource `N`. */
export type CreateOf<N extends CrudName> = BodyOf<paths[`/v1/${N}`]['post']>;
/** The body that updates a record of resource `N` (every field optional). */
export type UpdateOf<N extends CrudName> = BodyOf<paths[`/v1/${N}/{id}`]['patch']>;

/** One page of a list: pass `nextCursor` as `cursor` for the next; `null` on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  /** How many records the whole list holds: only when the request asked (`count: true`). */
  count?: ListCount;
}

/** How many records a list or search holds: `exact`, or the server's estimate (`exact: false`). */
export interface ListCount {
  value: number;
  exact: boolean;
}

/** A value a filter compares with. */
export type FilterScalar = string | number | boolean | null;

/** Operators of a list filter on one field: `{ gte: 50 }`, `{ contains: 'an' }`, `{ isNull: true }`. */
export interface FilterOperators {
  eq?: FilterScalar;
  neq?: FilterScalar;
  in?: readonly FilterScalar[];
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
  contains?: string;
  startsWith?: string;
  isNull?: boolean;
}

/**
 * A list filter: per field, a value (equality), a list (any of them) or operators. Fields of the record, or
 * `customFields.<key>`. Serialised as `filter[field]=a,b` and `filter[field][op]=v`.
 *
 * @example
 * const filter: Filter<Contact> = { lifecycleStage: ['active', 'loyal'], 'customFields.plan': 'gold' };
 * const deals: Filter<Deal> = { probability: { gte: 50 }, ownerId: { isNull: true } };
 */
export type Filter<T = Record<string, unknown>> = {
  [K in (keyof T & string) | `customFields.${string}`]?: FilterScalar | readonly FilterScalar[] | FilterOperators;
};

/**
 * Sorts by no single field of the record: contacts' `name` — the name in the order and collation of the workspace's
 * language (given name first in Vietnamese and Thai), the default order of contacts.
 */
type CollatedSort<T> = T extends { firstName: unknown; lastName: unknown } ? 'name' | '-name' : never;

/** A sort key: a field, or `-field` for descending (and contacts' `name`). */
export type Sort<T> = (keyof T & string) | `-${keyof T & string}` | CollatedSort<T>;

/** Query of a list (`GET /v1/<resource>`). */
export interface ListQuery<T = Record<string, unknown>> {
  /** Page size, 1–200 (server default 50). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  sort?: Sort<T>;
  /** Case-insensitive text search over the resource's searchable fields. */
  q?: string;
  /** Only records updated at or after this instant (RFC 3339). */
  updatedSince?: string;
  filter?: Filter<T>;
  /** Also answer how many records the whole list holds (`Page.count`). */
  count?: boolean;
}

/** Options every call takes. */
export interface RequestOptions {
  /** Cancels the request, including retries and their backoff. */
  signal?: AbortSignal;
  /** Milliseconds before the call fails with a `TimeoutError` (overrides the client's `timeout`; 0: none). */
  timeout?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options of writes to an existing record. */
export interface WriteOptions extends RequestOptions {
  /**
   * The version you last read (`record.version`): sent as `If-Match`, so the write fails with a
   * `PreconditionFailedError` (carrying the stored record as `current`) if someone changed it since.
   */
  ifVersion?: number;
}

/** Options of creates. */
export interface CreateOptions extends RequestOptions {
  /** Defaults to a fresh UUID per call; pass your own to make a create idempotent across page reloads. */
  idempotencyKey?: string;
}
