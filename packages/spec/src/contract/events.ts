import { z } from 'zod';
import { Id, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

/** Types of change-feed events. */
export const EVENT_TYPES = [
  'company.created',
  'company.updated',
  'company.deleted',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'lead.created',
  'lead.updated',
  'lead.deleted',
  'lead.converted',
  'pipeline.created',
  'pipeline.updated',
  'pipeline.deleted',
  'deal.created',
  'deal.updated',
  'deal.moved',
  'deal.deleted',
  'activity.created',
  'activity.updated',
  'activity.deleted',
  'ticket.created',
  'ticket.updated',
  'ticket.deleted',
  'ticket.assigned',
  'ticket.message.created',
  'ticket.sla.warning',
  'ticket.sla.breached',
  'ticket.snoozed',
  'ticket.unsnoozed',
  'ticket.merged',
  'ticket.presence.changed',
  'user.created',
  'user.updated',
  'user.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'automation_rule.created',
  'automation_rule.updated',
  'automation_rule.deleted',
  'automation.run.completed',
  'automation.run.failed',
  'reminder.due',
  'notification.created',
  'webhook_subscription.created',
  'webhook_subscription.updated',
  'webhook_subscription.deleted',
  'webhook_subscription.disabled',
  'segment.created',
  'segment.updated',
  'segment.deleted',
  'campaign.created',
  'campaign.updated',
  'campaign.deleted',
  'cannedResponse.created',
  'cannedResponse.updated',
  'cannedResponse.deleted',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** One committed change, as delivered by `GET /v1/events` (SSE `data:`) and webhooks. */
export const CrmEvent = named(
  'CrmEvent',
  z.object({
    id: z.string().max(20).regex(/^\d+$/).describe('Monotonic per workspace; the SSE `id:` and `Last-Event-ID`.'),
    type: EventType,
    resource: z.string().max(64),
    resourceId: Id,
    occurredAt: Timestamp,
    actorId: Id.nullable(),
    data: z
      .record(z.string().max(64), z.unknown())
      .describe(
        'The record after the change (for `*.deleted`: `{ id }`). `ticket.message.created`: the message. `ticket.sla.warning` / `ticket.sla.breached`: the ticket plus `slaTarget` (`firstResponse`, `nextResponse` or `resolution`) and `slaDueAt`. `ticket.unsnoozed`: the ticket plus `wokenBy` (`time`, `reply` or `user`). `ticket.merged`: the merged (closed) ticket; its `mergedIntoId` names the survivor. `ticket.presence.changed`: a TicketPresence whose `state` may also be `left` (it ended or expired). `automation.run.*`: the run. `reminder.due`: the task or reminder plus `userId`. `notification.created`: the notification plus `userId`. `webhook_subscription.disabled`: the subscription.',
      ),
  }),
);
export type CrmEvent = z.infer<typeof CrmEvent>;
