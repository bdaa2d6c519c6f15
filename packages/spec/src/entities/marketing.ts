import { CAMPAIGN_CONTACT_FIELDS } from '@crmkit/core/templates';
import { z } from 'zod';
import { Id, RecordBase, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

/** The channels a campaign goes out on. */
export const CampaignChannel = z.enum(['email', 'sms']);
export type CampaignChannel = z.infer<typeof CampaignChannel>;

/** Where a campaign is: `draft` → `scheduled` → `sending` → `sent`, or `cancelled` from scheduled or sending. */
export const CampaignStatus = z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/**
 * A campaign's funnel: how many recipients reached each step. The steps are cumulative (an opened message was
 * delivered and sent), so each count is at most the one before it; `skipped`, `bounced`, `optedOut` and `failed` are
 * side exits.
 */
export const CampaignStats = named(
  'CampaignStats',
  z.object({
    audience: z.int().min(0).describe('Recipients frozen when sending started (0 before).'),
    skipped: z.int().min(0).describe('Not sent: no consent on the channel, no address, or opted out.'),
    sent: z.int().min(0),
    delivered: z.int().min(0),
    bounced: z.int().min(0),
    opened: z.int().min(0),
    clicked: z.int().min(0),
    replied: z.int().min(0),
    converted: z.int().min(0),
    optedOut: z.int().min(0),
    failed: z.int().min(0).describe('Given up after retries, or suppressed at send time (consent withdrawn).'),
  }),
);
export type CampaignStats = z.infer<typeof CampaignStats>;

/** A wall-clock date-time without zone, `YYYY-MM-DDTHH:mm`. */
export const LocalDateTime = z
  .string()
  .length(16)
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'must be a local date-time YYYY-MM-DDTHH:mm')
  .describe('A wall-clock date-time, `YYYY-MM-DDTHH:mm`.');

/**
 * When a scheduled campaign sends: at `localTime` in the workspace's time zone, or at `localTime` in each recipient's
 * own zone (their `customFields.timeZone` when it is a valid IANA zone, else the workspace's).
 */
export const CampaignSchedule = named(
  'CampaignSchedule',
  z.strictObject({
    localTime: LocalDateTime,
    timeZone: z.enum(['workspace', 'recipient']),
  }),
);
export type CampaignSchedule = z.infer<typeof CampaignSchedule>;

/** Most messages a campaign may send per hour, when throttled. */
export const MAX_THROTTLE_PER_HOUR = 1_000_000;

const Throttle = z
  .int()
  .min(1)
  .max(MAX_THROTTLE_PER_HOUR)
  .nullable()
  .describe('At most this many messages per hour (null: as fast as the channel takes them).');

const CampaignName = z.string().trim().min(1).max(200);
const Subject = z.string().max(300).nullable().describe('E-mail subject; placeholders allowed. Required for e-mail.');
const Template = z
  .string()
  .min(1)
  .max(50_000)
  .describe(
    'Plain text with placeholders: `{{contact.firstName}}`, `{{contact.customFields.plan}}`, with a fallback `{{contact.firstName|bạn}}` used when the value is missing. A placeholder the workspace does not have is a 422. E-mail turns blank lines into paragraphs and links into tracked links; nothing in it is ever HTML.',
  );

/** The contact fields a campaign template can name as `{{contact.<field>}}` (one home: `@crmkit/core`). */
export { CAMPAIGN_CONTACT_FIELDS };

/** A message to a segment, personalised per recipient, respecting consent, quiet hours and opt-outs. */
export const Campaign = named(
  'Campaign',
  z.object({
    ...RecordBase,
    name: z.string().min(1).max(200),
    segmentId: Id.describe('A segment of contacts.'),
    channel: CampaignChannel,
    subject: Subject,
    template: Template,
    status: CampaignStatus,
    schedule: CampaignSchedule.nullable().describe('Null: send as soon as it is scheduled.'),
    throttlePerHour: Throttle,
    scheduledAt: Timestamp.nullable().describe(
      'When sending starts and the audience is frozen (for recipient time zones: the earliest zone’s moment).',
    ),
    startedAt: Timestamp.nullable(),
    sentAt: Timestamp.nullable().describe('When the last message went out.'),
    cancelledAt: Timestamp.nullable(),
    stats: CampaignStats,
  }),
);
export type Campaign = z.infer<typeof Campaign>;

export const CampaignCreate = named(
  'CampaignCreate',
  z.strictObject({
    name: CampaignName,
    segmentId: Id,
    channel: CampaignChannel,
    subject: Subject.optional(),
    template: Template,
    schedule: CampaignSchedule.nullable().optional(),
    throttlePerHour: Throttle.optional(),
  }),
);
export type CampaignCreate = z.infer<typeof CampaignCreate>;

export const CampaignUpdate = named(
  'CampaignUpdate',
  z.strictObject({
    name: CampaignName.optional(),
    segmentId: Id.optional(),
    channel: CampaignChannel.optional(),
    subject: Subject.optional(),
    template: Template.optional(),
    schedule: CampaignSchedule.nullable().optional(),
    throttlePerHour: Throttle.optional(),
  }),
);
export type CampaignUpdate = z.infer<typeof CampaignUpdate>;

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
