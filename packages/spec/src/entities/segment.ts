import { z } from 'zod';
import { Id, RecordBase } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { FilterCondition, SEARCH_LIMITS } from '../base/search.js';
import { ActivityDirection, ActivityType } from './activity.js';

/** The resources a segment can select from. */
export const SegmentResource = z.enum(['contacts', 'companies', 'leads', 'deals', 'tickets']);
export type SegmentResource = z.infer<typeof SegmentResource>;

/** Resources whose records activities link to (`activity` conditions apply to them, not to leads). */
export { ACTIVITY_LINKED_RESOURCES } from '@crmkit/core';

/** Operators of a relative-date condition: counted in whole days of the workspace's time zone from today. */
export const RelativeDateOp = z.enum(['inLastDays', 'inNextDays', 'moreThanDaysAgo', 'moreThanDaysAhead']);
export type RelativeDateOp = z.infer<typeof RelativeDateOp>;

/** The longest window of a relative-date or activity condition, in days (ten years). */
export const MAX_RELATIVE_DAYS = 3650;

/**
 * A date relative to today in the workspace's time zone: `inLastDays` (today − days … today), `inNextDays`
 * (today … today + days), `moreThanDaysAgo` (before today − days), `moreThanDaysAhead` (after today + days).
 * `yearly` compares the date's anniversary instead (a birthday; 29 February counts as 28 February in other years).
 */
export const RelativeDateCondition = named(
  'RelativeDateCondition',
  z.strictObject({
    field: z.string().min(1).max(100).describe('A date or date-time field, or `customFields.<key>` of type date.'),
    op: RelativeDateOp,
    days: z.int().min(0).max(MAX_RELATIVE_DAYS),
    yearly: z
      .boolean()
      .optional()
      .describe('Compare the yearly anniversary: only with `inLastDays` / `inNextDays`, and `days` at most 365.'),
  }),
);
export type RelativeDateCondition = z.infer<typeof RelativeDateCondition>;

/**
 * An activity fact: whether the record has (`has: true`) or has not (`has: false`) an activity of these types (any
 * type when absent) and direction, within the last `inLastDays` days (ever when absent). "No visit for 21 days" is
 * `{ "activity": { "types": ["meeting"], "inLastDays": 21 }, "has": false }`.
 */
export const ActivityCondition = named(
  'ActivityCondition',
  z.strictObject({
    activity: z.strictObject({
      types: z.array(ActivityType).min(1).max(10).optional(),
      direction: ActivityDirection.optional(),
      inLastDays: z.int().min(0).max(MAX_RELATIVE_DAYS).optional().describe('0: today.'),
    }),
    has: z.boolean(),
  }),
);
export type ActivityCondition = z.infer<typeof ActivityCondition>;

/** The responses to a campaign a segment can select on: the steps of a recipient's funnel, and opting out. */
export const CampaignResponse = z.enum(['sent', 'delivered', 'opened', 'clicked', 'replied', 'converted', 'optedOut']);
export type CampaignResponse = z.infer<typeof CampaignResponse>;

/**
 * A campaign fact (segments of contacts only): whether the contact has (`has: true`) or has not (`has: false`)
 * responded so to a campaign — that one (`campaignId`) or any — within the last `inLastDays` days (ever when absent).
 * "Opened a campaign in the last 30 days" is `{ "campaign": { "response": "opened", "inLastDays": 30 }, "has": true }`.
 */
export const CampaignCondition = named(
  'CampaignCondition',
  z.strictObject({
    campaign: z.strictObject({
      response: CampaignResponse,
      campaignId: Id.optional().describe('This campaign (any when absent).'),
      inLastDays: z.int().min(0).max(MAX_RELATIVE_DAYS).optional().describe('0: today.'),
    }),
    has: z.boolean(),
  }),
);
export type CampaignCondition = z.infer<typeof CampaignCondition>;

/** A leaf of a segment's filter tree. */
export type SegmentCondition = FilterCondition | RelativeDateCondition | ActivityCondition | CampaignCondition;

/** A segment's filter tree: `and` / `or` / `not` over field, relative-date, activity and campaign conditions. */
export type SegmentFilter =
  | SegmentCondition
  | { and: SegmentFilter[] }
  | { or: SegmentFilter[] }
  | { not: SegmentFilter };

export const SegmentFilter: z.ZodType<SegmentFilter> = named(
  'SegmentFilter',
  z.union([
    FilterCondition,
    RelativeDateCondition,
    ActivityCondition,
    CampaignCondition,
    z.strictObject({
      get and() {
        return z.array(SegmentFilter).min(1).max(SEARCH_LIMITS.maxConditions);
      },
    }),
    z.strictObject({
      get or() {
        return z.array(SegmentFilter).min(1).max(SEARCH_LIMITS.maxConditions);
      },
    }),
    z.strictObject({
      get not() {
        return SegmentFilter;
      },
    }),
  ]),
  `A filter tree over a segment's records: the search filter's conditions, plus relative dates, activity facts and campaign facts. At most ${SEARCH_LIMITS.maxDepth} levels deep and ${SEARCH_LIMITS.maxConditions} conditions.`,
);

/** A saved filter over contacts (or companies, leads, deals, tickets), counted and listed live on the server. */
export const Segment = named(
  'Segment',
  z.object({
    ...RecordBase,
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullable(),
    resource: SegmentResource,
    filter: SegmentFilter,
  }),
);
export type Segment = z.infer<typeof Segment>;

export const SegmentCreate = named(
  'SegmentCreate',
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).nullable().optional(),
    resource: SegmentResource.optional().describe('Default `contacts`.'),
    filter: SegmentFilter,
  }),
);
export type SegmentCreate = z.infer<typeof SegmentCreate>;

export const SegmentUpdate = named(
  'SegmentUpdate',
  z.strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    resource: SegmentResource.optional(),
    filter: SegmentFilter.optional(),
  }),
);
export type SegmentUpdate = z.infer<typeof SegmentUpdate>;

/** Most records a preview samples. */
export const SEGMENT_SAMPLE_LIMIT = 50;

/** Body of `POST /v1/segments/preview`: an unsaved filter, counted and sampled as the builder edits it. */
export const SegmentPreviewRequest = named(
  'SegmentPreviewRequest',
  z.strictObject({
    resource: SegmentResource.optional().describe('Default `contacts`.'),
    filter: SegmentFilter,
    sample: z.int().min(0).max(SEGMENT_SAMPLE_LIMIT).optional().describe('How many members to return (default 5).'),
  }),
);
export type SegmentPreviewRequest = z.infer<typeof SegmentPreviewRequest>;
