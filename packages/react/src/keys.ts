import type { CrmClient, CrudName, ListQuery, SegmentPreviewRequest, SegmentResource } from '@crmkit/client';

/**
 * A resource the hooks serve: one the client has the CRUD methods for under its own name (`client.contacts`,
 * `client.segments`).
 */
export type HookResource = Extract<CrudName, keyof CrmClient>;

/** What a timeline belongs to: a contact, company, deal or ticket. */
export interface TimelineTarget {
  /** The activities of this contact. */
  contactId?: string;
  /** The activities of this company. */
  companyId?: string;
  /** The activities of this deal. */
  dealId?: string;
  /** The activities of this ticket. */
  ticketId?: string;
}

/**
 * The query keys of every crmkit query, in a hierarchy that invalidation follows: `crmKeys.resource('deals')` matches
 * every deal list, record and aggregate; `crmKeys.lists('deals')` only the lists.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: crmKeys.lists('contacts') });
 * queryClient.getQueryData(crmKeys.record('contacts', id));
 */
export const crmKeys = {
  all: ['crmkit'] as const,
  resource: (name: HookResource) => ['crmkit', name] as const,
  lists: (name: HookResource) => ['crmkit', name, 'list'] as const,
  list: (name: HookResource, query: ListQuery<never> = {}) => ['crmkit', name, 'list', query] as const,
  records: (name: HookResource) => ['crmkit', name, 'record'] as const,
  record: (name: HookResource, id: string) => ['crmkit', name, 'record', id] as const,
  /** A page list of a segment's members: a list of the member resource, so its changes refresh it. */
  segmentMembers: (resource: SegmentResource, id: string, query: object = {}) =>
    ['crmkit', resource, 'list', { ...query, segment: id }] as const,
  segmentPreviews: (resource: SegmentResource) => ['crmkit', resource, 'segment-preview'] as const,
  segmentPreview: (request: SegmentPreviewRequest) =>
    ['crmkit', request.resource ?? 'contacts', 'segment-preview', request] as const,
  aggregates: () => ['crmkit', 'deals', 'aggregate'] as const,
  aggregate: (query: object) => ['crmkit', 'deals', 'aggregate', query] as const,
  timelines: () => ['crmkit', 'activities', 'timeline'] as const,
  timeline: (target: TimelineTarget, query: object = {}) =>
    ['crmkit', 'activities', 'timeline', target, query] as const,
  ticketMessages: (ticketId: string, query: object = {}) => ['crmkit', 'tickets', 'messages', ticketId, query] as const,
  ticketThreads: (ticketId: string) => ['crmkit', 'tickets', 'messages', ticketId] as const,
  ticketViews: () => ['crmkit', 'tickets', 'views'] as const,
  presence: (ticketId?: string) =>
    ticketId === undefined
      ? (['crmkit', 'tickets', 'presence'] as const)
      : (['crmkit', 'tickets', 'presence', ticketId] as const),
  schema: () => ['crmkit', 'schema'] as const,
  me: () => ['crmkit', 'me'] as const,
};
