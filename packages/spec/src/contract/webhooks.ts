import { z } from 'zod';
import { Id, RecordBase, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { EventType } from './events.js';

const subscriptionFields = {
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('Where events are POSTed.'),
  eventTypes: z.array(EventType).max(100).describe('Empty: every event.'),
  enabled: z.boolean(),
  description: z.string().max(500).nullable(),
};

/** Delivers change-feed events to a URL, signed per the Standard Webhooks spec. */
export const WebhookSubscription = named(
  'WebhookSubscription',
  z.object({
    ...RecordBase,
    ...subscriptionFields,
    disabledReason: z
      .string()
      .max(500)
      .nullable()
      .describe('Why the server switched the subscription off (persistent failures); null when enabled by hand.'),
    secretRotatedAt: Timestamp.nullable(),
  }),
  'Each delivery carries `webhook-id` (the event id: the same on every retry), `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256>` with the secret).',
);
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

export const WebhookSubscriptionCreate = named(
  'WebhookSubscriptionCreate',
  z.strictObject(subscriptionFields).partial({ eventTypes: true, enabled: true, description: true }),
);
export type WebhookSubscriptionCreate = z.infer<typeof WebhookSubscriptionCreate>;

export const WebhookSubscriptionUpdate = named(
  'WebhookSubscriptionUpdate',
  z.strictObject(subscriptionFields).partial(),
);

/** The signing secret, shown on create and on rotation only. */
export const WebhookSecret = named(
  'WebhookSecret',
  z.object({
    secret: z.string().max(100).describe('`whsec_` + base64: pass it to a Standard Webhooks verifier.'),
    previousSecretValidUntil: Timestamp.nullable().describe(
      'Deliveries are signed with the old secret too until then.',
    ),
  }),
);
export type WebhookSecret = z.infer<typeof WebhookSecret>;

/** A subscription as created: with its secret. */
export const WebhookSubscriptionCreated = named(
  'WebhookSubscriptionCreated',
  z.object({ ...WebhookSubscription.shape, secret: z.string().max(100) }),
);

export const WebhookDeliveryStatus = z.enum(['pending', 'delivered', 'failed']);

/** One event for one subscription: delivered, still being retried, or given up on. */
export const WebhookDelivery = named(
  'WebhookDelivery',
  z.object({
    id: Id,
    subscriptionId: Id,
    eventId: z.string().max(20),
    eventType: z.string().max(100),
    status: WebhookDeliveryStatus,
    attempts: z.int().min(0).max(1000),
    lastStatusCode: z.int().min(0).max(999).nullable(),
    lastError: z.string().max(2000).nullable(),
    nextAttemptAt: Timestamp.nullable(),
    deliveredAt: Timestamp.nullable(),
    createdAt: Timestamp,
  }),
);
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
