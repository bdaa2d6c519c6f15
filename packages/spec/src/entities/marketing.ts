import { z } from 'zod';
import { Id, RecordBase, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { FilterNode } from '../base/search.js';

/** A saved filter over contacts (or another resource). */
export const Segment = named(
  'Segment',
  z.object({
    ...RecordBase,
    name: z.string().min(1).max(200),
    resource: z.enum(['contacts', 'companies', 'leads', 'deals', 'tickets']),
    filter: FilterNode,
  }),
);
export type Segment = z.infer<typeof Segment>;

export const CampaignStats = z.object({
  audience: z.int(),
  sent: z.int(),
  delivered: z.int(),
  opened: z.int(),
  clicked: z.int(),
  replied: z.int(),
  optedOut: z.int(),
  failed: z.int(),
  skippedNoConsent: z.int(),
});

/** A message sent to a segment, personalised per recipient and respecting consent. */
export const Campaign = named(
  'Campaign',
  z.object({
    ...RecordBase,
    name: z.string().min(1).max(200),
    segmentId: Id,
    channel: z.enum(['email', 'sms', 'app']),
    subject: z.string().max(300).nullable(),
    template: z.string().max(50_000).describe('Personalisation placeholders such as `{{contact.firstName}}`.'),
    status: z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']),
    scheduledAt: Timestamp.nullable(),
    sentAt: Timestamp.nullable(),
    stats: CampaignStats,
  }),
);
export type Campaign = z.infer<typeof Campaign>;

/** A trigger, conditions and actions run when a matching event happens. */
export const AutomationRule = named(
  'AutomationRule',
  z.object({
    ...RecordBase,
    name: z.string().min(1).max(200),
    enabled: z.boolean(),
    trigger: z.object({ event: z.string().max(100).describe('An event type such as `deal.moved`.') }),
    conditions: FilterNode.nullable(),
    actions: z
      .array(
        z.discriminatedUnion('type', [
          z.object({
            type: z.literal('create_task'),
            subject: z.string().max(300),
            dueInMinutes: z.int().min(0).max(525_600),
            assignTo: z.string().max(64).nullable(),
          }),
          z.object({ type: z.literal('assign'), userId: Id.nullable(), teamId: Id.nullable() }),
          z.object({ type: z.literal('notify'), userIds: z.array(Id).max(50), message: z.string().max(2000) }),
          z.object({ type: z.literal('webhook'), url: z.url().max(2000) }),
        ]),
      )
      .max(20),
  }),
);
export type AutomationRule = z.infer<typeof AutomationRule>;

/** Delivers change-feed events to a URL, signed per the Standard Webhooks spec. */
export const WebhookSubscription = named(
  'WebhookSubscription',
  z.object({
    ...RecordBase,
    url: z.url().max(2000),
    eventTypes: z.array(z.string().max(100)).max(100).describe('Empty: every event.'),
    enabled: z.boolean(),
    description: z.string().max(500).nullable(),
  }),
);
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** Who changed what, and when. */
export const AuditEntry = named(
  'AuditEntry',
  z.object({
    id: Id,
    at: Timestamp,
    actorId: Id.nullable(),
    action: z.string().max(64),
    resource: z.string().max(64),
    resourceId: Id,
    changes: z.record(z.string().max(64), z.object({ from: z.unknown(), to: z.unknown() })),
  }),
);
export type AuditEntry = z.infer<typeof AuditEntry>;
