import { z } from 'zod';
import { Id, RecordBase, Tag, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { FilterNode, FilterScalar } from '../base/search.js';
import { LifecycleStage } from '../entities/contact.js';
import { EventType } from './events.js';

/** The records a rule can run on. */
export const AutomationResource = z.enum(['contacts', 'deals', 'tickets', 'leads', 'activities']);
export type AutomationResource = z.infer<typeof AutomationResource>;

const TimeOfDay = z
  .string()
  .length(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM')
  .describe('A wall-clock time `HH:MM` (24 h).');

const FieldPath = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)?$/, 'must be a field name or customFields.<key>');

/** What starts a rule. */
export const AutomationTrigger = named(
  'AutomationTrigger',
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('event'),
      events: z.array(EventType).min(1).max(10).describe('Change-feed event types, e.g. `deal.moved`.'),
      changed: z
        .array(FieldPath)
        .max(20)
        .optional()
        .describe('For `*.updated`: start only when one of these fields changed.'),
    }),
    z.strictObject({
      type: z.literal('date'),
      field: FieldPath.describe('A date field: `birthday`, `customFields.membershipExpiry`, `createdAt`.'),
      offsetDays: z.int().min(-366).max(366).describe('Days after (negative: before) the date.'),
      repeat: z.enum(['yearly', 'once']).describe('`yearly`: every anniversary (birthdays); `once` per stored value.'),
      at: TimeOfDay.describe("When on that day, in the workspace's time zone."),
    }),
    z.strictObject({
      type: z.literal('schedule'),
      cron: z
        .string()
        .min(9)
        .max(100)
        .describe("Five-field cron (`0 9 * * 1` = Mondays 09:00) in the workspace's time zone."),
    }),
    z.strictObject({ type: z.literal('manual') }),
  ]),
  'Change-feed events (optionally only when fields changed), a date relative to a date field, a schedule, or manual.',
);
export type AutomationTrigger = z.infer<typeof AutomationTrigger>;

/** Who a created task, an assignment or a notification goes to. */
export const AutomationAssignee = z.strictObject({
  type: z.enum(['owner', 'round_robin', 'user']).describe("`owner`: the record's owner; `round_robin`: a team's."),
  userId: Id.optional().describe('For `user`.'),
  teamId: Id.optional().describe('For `round_robin`.'),
});
export type AutomationAssignee = z.infer<typeof AutomationAssignee>;

const Template = z
  .string()
  .max(10_000)
  .describe('Text with placeholders such as `{{contact.firstName}}`, `{{record.customFields.plan}}`.');

/** One action, delay or branch of a rule. */
export type AutomationStep =
  | { type: 'delay'; minutes?: number | undefined; until?: AutomationWindow | undefined }
  | { type: 'branch'; if: FilterNode; yes: AutomationStep[]; no: AutomationStep[] }
  | {
      type: 'create_task';
      kind: 'task' | 'reminder';
      subject: string;
      body?: string | undefined;
      dueInMinutes: number;
      assignee: AutomationAssignee;
    }
  | { type: 'assign'; assignee: AutomationAssignee }
  | { type: 'update_field'; field: string; value: FilterScalar | string[] }
  | { type: 'add_tag' | 'remove_tag'; tag: string }
  | { type: 'set_lifecycle'; stage: z.infer<typeof LifecycleStage> }
  | { type: 'send_message'; channel: 'email' | 'sms'; subject?: string | undefined; template: string }
  | { type: 'notify'; to: AutomationAssignee; message: string }
  | { type: 'webhook'; subscriptionId: string }
  | {
      type: 'create_deal';
      pipelineId: string;
      stageId?: string | undefined;
      name: string;
      amount?: number | undefined;
    };

/** A wait until the next allowed time: a time of day on allowed weekdays, in the contact's or workspace's zone. */
export const AutomationWindow = z.strictObject({
  time: TimeOfDay,
  weekdays: z.array(z.int().min(0).max(6)).min(1).max(7).optional().describe('0 = Sunday; default every day.'),
  zone: z
    .enum(['contact', 'workspace'])
    .describe("`contact`: the contact's `customFields.timeZone` when set, else the workspace's."),
});
export type AutomationWindow = z.infer<typeof AutomationWindow>;

/** At most this many steps in a rule, nested branches included. */
export const AUTOMATION_MAX_STEPS = 30;

export const AutomationStep: z.ZodType<AutomationStep> = named(
  'AutomationStep',
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('delay'),
      minutes: z.int().min(1).max(525_600).optional().describe('Wait this long.'),
      until: AutomationWindow.optional().describe('Then wait until this window opens.'),
    }),
    z.strictObject({
      type: z.literal('branch'),
      if: FilterNode.describe("A condition on the record's current values."),
      get yes() {
        return z.array(AutomationStep).max(AUTOMATION_MAX_STEPS);
      },
      get no() {
        return z.array(AutomationStep).max(AUTOMATION_MAX_STEPS);
      },
    }),
    z.strictObject({
      type: z.literal('create_task'),
      kind: z.enum(['task', 'reminder']),
      subject: z.string().min(1).max(300),
      body: z.string().max(5000).optional(),
      dueInMinutes: z.int().min(0).max(525_600),
      assignee: AutomationAssignee,
    }),
    z.strictObject({ type: z.literal('assign'), assignee: AutomationAssignee }),
    z.strictObject({
      type: z.literal('update_field'),
      field: FieldPath,
      value: z.union([FilterScalar, z.array(z.string().max(200)).max(100)]),
    }),
    z.strictObject({ type: z.literal('add_tag'), tag: Tag }),
    z.strictObject({ type: z.literal('remove_tag'), tag: Tag }),
    z.strictObject({ type: z.literal('set_lifecycle'), stage: LifecycleStage }),
    z.strictObject({
      type: z.literal('send_message'),
      channel: z.enum(['email', 'sms']),
      subject: z.string().max(300).optional(),
      template: Template,
    }),
    z.strictObject({ type: z.literal('notify'), to: AutomationAssignee, message: z.string().min(1).max(2000) }),
    z.strictObject({ type: z.literal('webhook'), subscriptionId: Id }),
    z.strictObject({
      type: z.literal('create_deal'),
      pipelineId: Id,
      stageId: Id.optional(),
      name: z.string().min(1).max(300),
      amount: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    }),
  ]),
  'A delay, a branch on a condition, or an action.',
);

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable(),
  enabled: z.boolean(),
  resource: AutomationResource,
  trigger: AutomationTrigger,
  conditions: FilterNode.nullable().describe('The contract filter tree the record must match to enrol.'),
  steps: z.array(AutomationStep).min(1).max(AUTOMATION_MAX_STEPS),
};

/** Counts the server keeps on a rule. */
export const AutomationRuleStats = z.object({
  runs: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  failures: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  lastRunAt: Timestamp.nullable(),
  lastFailureAt: Timestamp.nullable(),
});

/** A trigger, conditions and steps run for each record that enrols. */
export const AutomationRule = named(
  'AutomationRule',
  z.object({ ...RecordBase, ...ruleFields, stats: AutomationRuleStats }),
  'A record enrols once per occurrence (rule + record + occurrence); its steps then run in order, logged.',
);
export type AutomationRule = z.infer<typeof AutomationRule>;

export const AutomationRuleCreate = named(
  'AutomationRuleCreate',
  z.strictObject(ruleFields).partial({ description: true, enabled: true, conditions: true }),
);
export type AutomationRuleCreate = z.infer<typeof AutomationRuleCreate>;

export const AutomationRuleUpdate = named('AutomationRuleUpdate', z.strictObject(ruleFields).partial());
export type AutomationRuleUpdate = z.infer<typeof AutomationRuleUpdate>;

export const AutomationRunStatus = z.enum(['waiting', 'running', 'completed', 'failed', 'cancelled']);
export type AutomationRunStatus = z.infer<typeof AutomationRunStatus>;

/** One enrolment of a record in a rule. */
export const AutomationRun = named(
  'AutomationRun',
  z.object({
    id: Id,
    ruleId: Id,
    resource: AutomationResource,
    recordId: Id,
    occurrence: z.string().max(100).describe('Why it ran: an event id, a date, a schedule slot, a manual run.'),
    status: AutomationRunStatus,
    dryRun: z.boolean(),
    startedAt: Timestamp,
    nextStepAt: Timestamp.nullable().describe('When a waiting run resumes.'),
    finishedAt: Timestamp.nullable(),
    error: z.string().max(2000).nullable(),
  }),
);
export type AutomationRun = z.infer<typeof AutomationRun>;

export const AutomationStepOutcome = z.enum(['done', 'skipped', 'waiting', 'retrying', 'failed']);

/** What one step of a run did. */
export const AutomationRunStep = named(
  'AutomationRunStep',
  z.object({
    id: Id,
    runId: Id,
    path: z.string().max(100).describe('The step within the rule: `2`, `3.yes.0`.'),
    type: z.string().max(32),
    outcome: AutomationStepOutcome,
    attempt: z.int().min(1).max(100),
    at: Timestamp,
    detail: z.string().max(2000).nullable(),
    error: z.string().max(2000).nullable(),
  }),
);
export type AutomationRunStep = z.infer<typeof AutomationRunStep>;

/** Body of `POST /v1/automation-rules/{id}/run`. */
export const AutomationManualRun = named(
  'AutomationManualRun',
  z.strictObject({
    recordIds: z.array(Id).min(1).max(100),
    occurrence: z.string().min(1).max(64).optional().describe('Runs with the same occurrence run once per record.'),
  }),
);

/** Body of `POST /v1/automation-rules/{id}/dry-run` (or `/v1/automation-rules/dry-run` for an unsaved rule). */
export const AutomationDryRunRequest = named(
  'AutomationDryRunRequest',
  z.strictObject({
    recordId: Id.optional().describe('What the rule would do for this record now.'),
    days: z.int().min(1).max(90).optional().describe('Which records the rule would enrol in the next N days.'),
    rule: AutomationRuleCreate.optional().describe('An unsaved rule (the editor), instead of the stored one.'),
  }),
);

/** The answer of a dry run: what would happen, nothing written. */
export const AutomationDryRun = named(
  'AutomationDryRun',
  z.object({
    matches: z.boolean().nullable().describe('For `recordId`: whether the record meets the conditions.'),
    steps: z
      .array(
        z.object({
          path: z.string().max(100),
          type: z.string().max(32),
          at: Timestamp,
          description: z.string().max(2000),
        }),
      )
      .max(200),
    upcoming: z
      .array(z.object({ recordId: Id, name: z.string().max(300), at: Timestamp, occurrence: z.string().max(100) }))
      .max(500)
      .describe('For `days`: the enrolments due in the window, soonest first (at most 500).'),
    truncated: z.boolean(),
  }),
);
export type AutomationDryRun = z.infer<typeof AutomationDryRun>;

/** An in-app notification for one user: a reminder that came due, an alert, a failed automation. */
export const Notification = named(
  'Notification',
  z.object({
    id: Id,
    kind: z.enum(['reminder', 'task', 'alert', 'automation_failed', 'webhook_disabled']),
    title: z.string().max(300),
    body: z.string().max(2000).nullable(),
    resource: z.string().max(64).nullable(),
    resourceId: Id.nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  }),
);
export type Notification = z.infer<typeof Notification>;
