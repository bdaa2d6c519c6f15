import { CONTRACT_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { CurrencyCode, DateOnly, Id, Locale, LocalizedText } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { ActivityType } from '../entities/activity.js';
import { LifecycleStage } from '../entities/contact.js';
import { Pipeline } from '../entities/pipeline.js';
import { TicketChannel, TicketPriority, TicketStatus } from '../entities/ticket.js';

/** Entities a workspace can switch on or off and relabel. */
export const EntityName = z.enum(['company', 'contact', 'lead', 'deal', 'activity', 'ticket']);
export type EntityName = z.infer<typeof EntityName>;

export const FieldType = named(
  'FieldType',
  z.enum(['text', 'number', 'currency', 'date', 'select', 'multiselect', 'boolean', 'email', 'phone', 'url']),
);
export type FieldType = z.infer<typeof FieldType>;

export const FieldOption = z.object({ value: z.string().min(1).max(100), label: LocalizedText });

/** A field of an entity: built-in or custom. Widgets render forms and columns from these. */
export const FieldDefinition = named(
  'FieldDefinition',
  z.object({
    key: z
      .string()
      .max(64)
      .regex(/^[a-z][a-zA-Z0-9_]{0,63}$/),
    label: LocalizedText,
    type: FieldType,
    custom: z.boolean().describe('Custom fields live under `customFields.<key>`.'),
    required: z.boolean(),
    options: z.array(FieldOption).max(200).optional().describe('For `select` and `multiselect`.'),
    currency: CurrencyCode.optional().describe('For `currency`: values are integers in minor units.'),
    min: z.number().optional(),
    max: z.number().optional(),
    sortable: z.boolean(),
    filterable: z.boolean(),
    card: z
      .boolean()
      .optional()
      .describe('Shown on the cards of a pipeline board (deal fields), when the host does not choose its own.'),
  }),
);
export type FieldDefinition = z.infer<typeof FieldDefinition>;

/** Why deals are lost: the reasons a workspace offers when a deal moves to a lost stage. */
export const LostReasons = named(
  'LostReasons',
  z.object({
    reasons: z
      .array(z.object({ key: z.string().min(1).max(64), label: LocalizedText }))
      .max(CONTRACT_LIMITS.lostReasons)
      .describe('Offered in this order; a move stores the key as `lostReason`.'),
    allowOther: z
      .boolean()
      .describe('Whether a lost reason may also be the user’s own words (always, when there are no reasons).'),
  }),
);
export type LostReasons = z.infer<typeof LostReasons>;

/** An object with one `T` per entity name. */
function perEntity<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(EntityName.options.map((e) => [e, value])) as Record<EntityName, T>);
}

export const EntityLabels = z.object({ singular: LocalizedText, plural: LocalizedText });

/** A lead source key (`website`, `referral`, ...), as `source` of contacts and leads holds it. */
export const LeadSourceKey = z.string().max(64);

/** The labels of an enum's values, one entry per value. */
function labelsOf<T extends z.ZodEnum>(key: T) {
  return z.array(z.object({ key, label: LocalizedText })).max(key.options.length);
}

/** Weekly business hours in a time zone, with holidays, over which SLA targets are measured. */
export const BusinessCalendar = named(
  'BusinessCalendar',
  z.object({
    id: Id,
    name: z.string().max(100),
    timeZone: z.string().max(64).describe('IANA time zone, e.g. `Asia/Ho_Chi_Minh`.'),
    weeklyHours: z
      .array(
        z.object({
          day: z.int().min(0).max(6).describe('0 = Sunday'),
          start: z
            .string()
            .length(5)
            .regex(/^\d{2}:\d{2}$/),
          end: z
            .string()
            .length(5)
            .regex(/^\d{2}:\d{2}$/),
        }),
      )
      .max(50)
      .describe('Open intervals; an empty list means 24×7.'),
    holidays: z.array(DateOnly).max(1000),
  }),
);
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

export const SlaTargets = z.object({
  firstResponseMinutes: z.int().min(1).nullable(),
  nextResponseMinutes: z.int().min(1).nullable(),
  resolutionMinutes: z.int().min(1).nullable(),
});

/** Targets per priority for tickets that match the conditions; the first matching policy applies. */
export const SlaPolicy = named(
  'SlaPolicy',
  z.object({
    id: Id,
    name: z.string().max(100),
    position: z.int().min(0).max(1000),
    calendarId: Id,
    conditions: z.object({
      priorities: z.array(TicketPriority).max(TicketPriority.options.length).optional(),
      channels: z.array(TicketChannel).max(TicketChannel.options.length).optional(),
      teamIds: z.array(Id).max(50).optional(),
    }),
    targets: z.object({ low: SlaTargets, normal: SlaTargets, high: SlaTargets, urgent: SlaTargets }),
    warnBeforeMinutes: z
      .int()
      .min(0)
      .max(10_080)
      .describe('`ticket.sla.warning` is emitted this long before a breach.'),
  }),
);
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** Which optional parts of the contract a server implements. */
export const Capabilities = named(
  'Capabilities',
  z.object({
    events: z.boolean().describe('`GET /v1/events` change feed.'),
    etags: z.boolean().describe('`ETag` / `If-Match` optimistic concurrency.'),
    idempotency: z.boolean().describe('`Idempotency-Key` replay on POST and PATCH.'),
    search: z.boolean().describe('`POST /v1/<resource>/search`.'),
    batch: z.boolean().describe('`POST /v1/<resource>/batch`.'),
    aggregates: z.boolean().describe('`GET /v1/deals/aggregate`.'),
    sla: z.boolean().describe('Ticket SLA policies and the `sla` field.'),
    automation: z
      .boolean()
      .optional()
      .describe('Automation rules, runs and notifications (`/v1/automation-rules`, …). Absent: false.'),
    webhooks: z
      .boolean()
      .optional()
      .describe('Webhook subscriptions and deliveries (`/v1/webhook-subscriptions`, …). Absent: false.'),
    segments: z
      .boolean()
      .optional()
      .describe('Segments with live counts and members (`/v1/segments`, …). Absent: false.'),
    campaigns: z
      .boolean()
      .optional()
      .describe(
        'Campaigns to segments by e-mail and SMS with consent, tracking and reports (`/v1/campaigns`, …). Absent: false.',
      ),
    rateLimit: z
      .object({ limit: z.int().min(1), windowSeconds: z.int().min(1).max(86_400) })
      .nullable()
      .describe('Requests allowed per window per token, when limited.'),
  }),
);
export type Capabilities = z.infer<typeof Capabilities>;
export type CapabilityName = Exclude<keyof Capabilities, 'rateLimit'>;

/** Workspace metadata: what the widgets render from. */
export const WorkspaceSchema = named(
  'WorkspaceSchema',
  z.object({
    apiVersion: z.literal('v1'),
    workspace: z.object({
      id: Id,
      name: z.string().max(200),
      defaultLocale: Locale,
      defaultCurrency: CurrencyCode,
      timeZone: z.string().max(64),
    }),
    capabilities: Capabilities,
    entities: perEntity(z.object({ enabled: z.boolean(), labels: EntityLabels })),
    fields: perEntity(z.array(FieldDefinition).max(CONTRACT_LIMITS.customFields + 50)).describe(
      "Each entity's fields, in display order: at least its standard fields (`custom: false`; the list is `x-crmkit-standard-fields` of `GET /v1/schema`), then its custom fields. The widgets show the fields declared here.",
    ),
    lifecycleStages: labelsOf(LifecycleStage),
    leadSources: z.array(z.object({ key: LeadSourceKey, label: LocalizedText })).max(CONTRACT_LIMITS.leadSources),
    activityTypes: labelsOf(ActivityType),
    ticketStatuses: labelsOf(TicketStatus),
    ticketPriorities: labelsOf(TicketPriority),
    ticketChannels: labelsOf(TicketChannel),
    pipelines: z.array(Pipeline).max(CONTRACT_LIMITS.pipelines),
    lostReasons: LostReasons,
    slaPolicies: z.array(SlaPolicy).max(CONTRACT_LIMITS.slaPolicies),
    businessCalendars: z.array(BusinessCalendar).max(CONTRACT_LIMITS.businessCalendars),
  }),
  'Everything a client needs to render this workspace: labels, fields, pipelines, sources and capabilities.',
);
export type WorkspaceSchema = z.infer<typeof WorkspaceSchema>;
