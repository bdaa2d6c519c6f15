import { z } from 'zod';
import { Id, RecordBase, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

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
