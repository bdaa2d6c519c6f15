import type {
  CrmClient,
  ListQuery,
  Page,
  RecordOf,
  Schemas,
  Segment,
  SegmentMembersQuery,
  SegmentPreviewRequest,
} from '@crmkit/client';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { HookResource } from './keys.js';
import { crmKeys, type TimelineTarget } from './keys.js';

/** The schema and the caller change rarely: shared for five minutes before a background refetch. */
const METADATA_STALE_MS = 5 * 60_000;
/**
 * How long a ticket's thread counts as fresh. The feed refreshes a thread when a message arrives, so this only keeps
 * the page prefetched with the ticket from being fetched again when the thread mounts a moment later.
 */
const THREAD_STALE_MS = 10_000;

const nextPage = <T>(page: Page<T>) => page.nextCursor ?? undefined;

/**
 * The client already retries what is worth retrying (network failures, 429, 5xx, with backoff and `Retry-After`);
 * TanStack Query retrying on top would multiply the attempts and keep a 404 or 403 loading for seconds.
 */
const retry = false;

/**
 * `queryOptions` builders for every crmkit query: usable with plain TanStack Query (`useQuery`, `prefetchQuery`,
 * `ensureQueryData`, SSR hydration) and behind every hook of this package. Each passes the query's `signal` to the
 * client, so unmounting cancels the request.
 *
 * @example
 * await queryClient.prefetchQuery(crmQueries.record(client, 'contacts', id));
 * const { data } = useSuspenseQuery(crmQueries.schema(client));
 */
export const crmQueries = {
  /** One record by id. */
  record: <N extends HookResource>(client: CrmClient, name: N, id: string) =>
    queryOptions({
      retry,
      queryKey: crmKeys.record(name, id),
      queryFn: ({ signal }) => client[name].get(id, { signal }) as Promise<RecordOf<N>>,
    }),
  /** A list, a page at a time (cursor based) for `useInfiniteQuery`. */
  list: <N extends HookResource>(client: CrmClient, name: N, query: ListQuery<RecordOf<N>> = {}) =>
    infiniteQueryOptions({
      retry,
      queryKey: crmKeys.list(name, query as ListQuery<never>),
      queryFn: ({ pageParam, signal }) =>
        client[name].list({ ...query, cursor: pageParam } as never, { signal }) as Promise<Page<RecordOf<N>>>,
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextPage,
    }),
  /** One page of a list (`page` = a cursor), for page-at-a-time tables. */
  page: <N extends HookResource>(client: CrmClient, name: N, query: ListQuery<RecordOf<N>> = {}) =>
    queryOptions({
      retry,
      queryKey: crmKeys.list(name, { ...query, page: true } as ListQuery<never>),
      queryFn: ({ signal }) => client[name].list(query as never, { signal }) as Promise<Page<RecordOf<N>>>,
    }),
  /** The members of a saved segment, a page at a time, for `useInfiniteQuery`. */
  segmentMembers: (
    client: CrmClient,
    segment: Pick<Segment, 'id' | 'resource'>,
    query: Omit<SegmentMembersQuery, 'cursor'> = {},
  ) =>
    infiniteQueryOptions({
      retry,
      queryKey: crmKeys.segmentMembers(segment.resource, segment.id, query),
      queryFn: ({ pageParam, signal }) =>
        client.segments.members(segment.id, { ...query, cursor: pageParam }, { signal }),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextPage,
    }),
  /** How many members a saved segment has now (one page of one record, with its count). */
  segmentCount: (client: CrmClient, segment: Pick<Segment, 'id' | 'resource'>) =>
    queryOptions({
      retry,
      queryKey: crmKeys.segmentMembers(segment.resource, segment.id, { limit: 1, count: true, page: true }),
      queryFn: ({ signal }) => client.segments.members(segment.id, { limit: 1, count: true }, { signal }),
      select: (page: Page<unknown>) => page.count,
    }),
  /** How many records an unsaved segment filter selects now, and a sample of them. */
  segmentPreview: (client: CrmClient, request: SegmentPreviewRequest) =>
    queryOptions({
      retry,
      queryKey: crmKeys.segmentPreview(request),
      queryFn: ({ signal }) => client.segments.preview(request, { signal }),
    }),
  /** Count, sum and weighted sum of deals per group. */
  aggregate: (client: CrmClient, query: Parameters<CrmClient['deals']['aggregate']>[0]) =>
    queryOptions({
      retry,
      queryKey: crmKeys.aggregate(query),
      queryFn: ({ signal }) => client.deals.aggregate(query, { signal }),
    }),
  /** Activities of a contact, company, deal or ticket, newest first, for `useInfiniteQuery`. */
  timeline: (client: CrmClient, target: TimelineTarget, query: ListQuery<RecordOf<'activities'>> = {}) =>
    infiniteQueryOptions({
      retry,
      queryKey: crmKeys.timeline(target, query),
      queryFn: ({ pageParam, signal }) =>
        client.activities.list(
          { sort: '-occurredAt', limit: 50, ...query, filter: { ...query.filter, ...target }, cursor: pageParam },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextPage,
    }),
  /** A ticket's thread, oldest first (`newestFirst`: the latest page first), for `useInfiniteQuery`. */
  ticketMessages: (client: CrmClient, ticketId: string, newestFirst = false) =>
    infiniteQueryOptions({
      retry,
      queryKey: crmKeys.ticketMessages(ticketId, newestFirst ? { sort: '-createdAt' } : {}),
      queryFn: ({ pageParam, signal }) =>
        client.tickets.messages(
          ticketId,
          { cursor: pageParam, limit: 100, ...(newestFirst ? { sort: '-createdAt' as const } : {}) },
          { signal },
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextPage,
      staleTime: THREAD_STALE_MS,
    }),
  /** Workspace metadata: labels, fields, pipelines, capabilities. */
  schema: (client: CrmClient) =>
    queryOptions<Schemas['WorkspaceSchema']>({
      retry,
      queryKey: crmKeys.schema(),
      queryFn: ({ signal }) => client.schema.get({ signal }),
      staleTime: METADATA_STALE_MS,
    }),
  /** The caller: user, role, permissions. */
  me: (client: CrmClient) =>
    queryOptions<Schemas['Me']>({
      retry,
      queryKey: crmKeys.me(),
      queryFn: ({ signal }) => client.me.get({ signal }),
      staleTime: METADATA_STALE_MS,
    }),
};
