import { type Call, type ResourceClient, resourceClient } from './resources.js';
import type { Page, RequestOptions, Schemas } from './types.js';

/** A saved filter over contacts (or companies, leads, deals, tickets). */
export type Segment = Schemas['Segment'];
/** A segment's filter tree: field conditions, relative dates and activity facts under `and` / `or` / `not`. */
export type SegmentFilter = Schemas['SegmentFilter'];
/** What a segment selects from. */
export type SegmentResource = Segment['resource'];
/** A member of a segment: a record of its resource. */
export type SegmentMember = Schemas['SegmentMemberPage']['data'][number];
/** An unsaved filter to count and sample. */
export type SegmentPreviewRequest = Schemas['SegmentPreviewRequest'];
/** How many records a filter selects now, and the first of them. */
export type SegmentPreview = Schemas['SegmentPreview'];

/** Query of a segment's members. */
export interface SegmentMembersQuery {
  limit?: number;
  cursor?: string;
  /** A sortable field of the segment's resource; `-` prefix for descending. */
  sort?: string;
  /** Also answer how many members there are in all (`Page.count`). */
  count?: boolean;
}

/** Segments (capability `segments`): CRUD, plus previews and live members. */
export interface SegmentsClient extends ResourceClient<'segments'> {
  /**
   * Counts and samples an unsaved filter — what a segment builder shows while it is edited. Relative dates count
   * from today in the workspace's time zone.
   *
   * @example
   * const { count, sample } = await crm.segments.preview({
   *   filter: { field: 'birthday', op: 'inNextDays', days: 7, yearly: true },
   * });
   */
  preview(request: SegmentPreviewRequest, options?: RequestOptions): Promise<SegmentPreview>;
  /**
   * A page of the records a saved segment selects now.
   *
   * @example
   * const { data, count } = await crm.segments.members(segment.id, { limit: 50, count: true });
   */
  members(id: string, query?: SegmentMembersQuery, options?: RequestOptions): Promise<Page<SegmentMember>>;
}

/** The segments methods over `call`. */
export function segmentsClient(call: Call): SegmentsClient {
  return {
    ...resourceClient(call, 'segments'),
    preview: (request, options) => call('post', '/v1/segments/preview', options, {}, request),
    members: (id, { count, ...query } = {}, options) =>
      call('get', '/v1/segments/{id}/members', options, {
        path: { id },
        query: { ...query, ...(count ? { count: 'true' } : {}) },
      }),
  };
}
