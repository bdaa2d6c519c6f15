import { CONTRACT_LIMITS, DEAL_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CurrencyCode, CustomFieldValues, DateOnly, Id, RecordBase, Tags, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

export const DealStatus = named('DealStatus', z.enum(['open', 'won', 'lost']));
export type DealStatus = z.infer<typeof DealStatus>;

const dealFields = {
  name: z.string().trim().min(1).max(DEAL_LIMITS.name),
  amount: z
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .describe('In minor units of `currency` (VND has none).'),
  currency: CurrencyCode,
  pipelineId: Id,
  stageId: Id,
  expectedCloseDate: DateOnly.nullable(),
  companyId: Id.nullable(),
  contactIds: z.array(Id).max(DEAL_LIMITS.contactIds),
  ownerId: Id.nullable(),
  lostReason: z.string().max(DEAL_LIMITS.lostReason).nullable(),
  tags: Tags,
  customFields: CustomFieldValues,
};

/** A sales opportunity on a pipeline. */
export const Deal = named(
  'Deal',
  z.object({
    ...RecordBase,
    ...dealFields,
    probability: z.int().min(0).max(100).describe('Win probability in percent: the stage default unless overridden.'),
    probabilityOverridden: z.boolean(),
    weightedAmount: z.int().nullable().describe('`amount × probability / 100`, rounded.'),
    rank: z.string().describe('Order inside the stage; compare as strings (byte order).'),
    status: DealStatus,
    closedAt: Timestamp.nullable(),
    stageEnteredAt: Timestamp.describe('When the deal entered its current stage (kept by the server).'),
    lastActivityAt: Timestamp.nullable().describe(
      'The latest activity done about the deal: `occurredAt` of a logged activity, `completedAt` of a completed task or reminder (system activities do not count); kept by the server as activities change.',
    ),
    nextActivityAt: Timestamp.nullable().describe(
      'When the earliest open task or reminder about the deal is due (`dueAt` of an activity not completed); kept by the server as activities change.',
    ),
  }),
  'A sales opportunity on a pipeline.',
);
export type Deal = z.infer<typeof Deal>;

const dealInput = {
  ...dealFields,
  probability: z.int().min(0).max(100).nullable().describe('Override the stage default; `null` returns to it.'),
};

export const DealCreate = named(
  'DealCreate',
  z
    .strictObject(dealInput)
    .partial()
    .required({ name: true })
    .describe(
      '`pipelineId` defaults to the default pipeline, `stageId` to its first stage, `currency` to the pipeline currency.',
    ),
);
export type DealCreate = z.infer<typeof DealCreate>;

export const DealUpdate = named(
  'DealUpdate',
  z.strictObject(dealInput).partial().describe('Changing `stageId` here moves the deal to the end of the stage.'),
);
export type DealUpdate = z.infer<typeof DealUpdate>;

/** Move a deal to a stage, between two neighbours; no other deal is rewritten. */
export const DealMove = named(
  'DealMove',
  z.strictObject({
    stageId: Id,
    afterId: Id.nullable()
      .optional()
      .describe('The deal that will precede it; omitted/null with no `beforeId`: the end.'),
    beforeId: Id.nullable().optional().describe('The deal that will follow it.'),
    lostReason: z
      .string()
      .max(DEAL_LIMITS.lostReason)
      .nullable()
      .optional()
      .describe(
        'Required (not blank) when `stageId` is a lost stage the deal is not in yet: one of the workspace’s `lostReasons` keys, or any words where it allows them (`GET /v1/schema`).',
      ),
  }),
);
export type DealMove = z.infer<typeof DealMove>;

export const DealAggregateGroupBy = named(
  'DealAggregateGroupBy',
  z.enum(['stageId', 'pipelineId', 'ownerId', 'status', 'companyId', 'expectedCloseMonth', 'nextActivity']),
  '`expectedCloseMonth` groups by the month of `expectedCloseDate` (`YYYY-MM`, `null` without one); `nextActivity` by where `nextActivityAt` stands at the time of the request — `overdue` (before now), `today` (later today in `timeZone`), `future`, `none`.',
);

export const DealAggregateGroup = z.object({
  key: z
    .string()
    .max(64)
    .nullable()
    .describe('The group: an id, a status, a month or a next-activity state; `null` for deals without one.'),
  subKey: z
    .string()
    .max(64)
    .nullable()
    .optional()
    .describe('With `thenBy`: the group within the group, as `key` is for `groupBy`.'),
  currency: CurrencyCode,
  count: z.int(),
  sum: z.int().describe('Sum of `amount` in minor units.'),
  weightedSum: z.int().describe('Sum of `amount × probability / 100`.'),
});

export const DealAggregate = named(
  'DealAggregate',
  z.object({
    groupBy: DealAggregateGroupBy,
    thenBy: DealAggregateGroupBy.optional(),
    groups: z.array(DealAggregateGroup).max(CONTRACT_LIMITS.aggregateGroups),
  }),
  `Per-group count, sum and probability-weighted sum; one row per group and currency. A grouping with more than ${CONTRACT_LIMITS.aggregateGroups} rows is a 400 problem: narrow it with \`filter[...]\` or \`q\`.`,
);
export type DealAggregate = z.infer<typeof DealAggregate>;
