import { z } from 'zod';
import { ListCount, pageOf } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { Company } from '../entities/company.js';
import { Contact } from '../entities/contact.js';
import { Deal } from '../entities/deal.js';
import { Lead } from '../entities/lead.js';
import { SEGMENT_SAMPLE_LIMIT, SegmentPreviewRequest } from '../entities/segment.js';
import { Ticket } from '../entities/ticket.js';
import { segments } from './resources.js';
import { crudRoutes, IdParams, ListQuery, ok, type RouteDef } from './route-kit.js';

/** A member of a segment: a record of the segment's resource. */
const SegmentMember = z.union([Contact, Company, Lead, Deal, Ticket]);

/** A page of a segment's members. */
export const SegmentMemberPage = pageOf('SegmentMemberPage', SegmentMember);

/** Query of `GET /v1/segments/{id}/members`. */
export const SegmentMembersQuery = ListQuery.pick({ limit: true, cursor: true, sort: true, count: true });

/** The answer of a preview: how many records match, and the first of them in the resource's default order. */
export const SegmentPreview = named(
  'SegmentPreview',
  z.object({
    count: ListCount,
    sample: z.array(SegmentMember).max(SEGMENT_SAMPLE_LIMIT),
  }),
);
export type SegmentPreview = z.infer<typeof SegmentPreview>;

/** The operations of the `segments` capability. */
export const segmentRoutes: RouteDef[] = [
  ...crudRoutes(segments, 'segments'),
  {
    method: 'post',
    path: '/v1/segments/preview',
    operationId: 'previewSegment',
    summary: 'Count and sample an unsaved segment',
    description:
      "How many records the filter in the body selects now, and the first `sample` of them in the resource's default order — what a segment builder shows as it is edited. Relative dates count from today in the workspace's time zone. Nothing is written.",
    tag: 'Segments',
    auth: true,
    capability: 'segments',
    body: SegmentPreviewRequest,
    responses: { 200: ok(SegmentPreview) },
  },
  {
    method: 'get',
    path: '/v1/segments/{id}/members',
    operationId: 'listSegmentMembers',
    summary: "A page of a segment's members",
    description:
      "The records the segment selects now (membership is computed at each request), in the order of `sort` (default: the resource's); `count=true` adds how many there are in all.",
    tag: 'Segments',
    auth: true,
    capability: 'segments',
    params: IdParams,
    query: SegmentMembersQuery,
    responses: { 200: ok(SegmentMemberPage) },
  },
];
