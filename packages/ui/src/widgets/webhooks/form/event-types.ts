import type { Schemas } from '@crmkit/client';

/** An event type a webhook subscription can name (the contract's enum). */
export type EventType = Schemas['WebhookSubscription']['eventTypes'][number];

/**
 * Every event type of the contract, grouped by what it is about, in the contract's order. Typed both ways: a name the
 * contract does not have fails to typecheck, and so does one of the contract's that is missing here.
 */
const ALL = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'company.created',
  'company.updated',
  'company.deleted',
  'lead.created',
  'lead.updated',
  'lead.deleted',
  'lead.converted',
  'deal.created',
  'deal.updated',
  'deal.moved',
  'deal.deleted',
  'pipeline.created',
  'pipeline.updated',
  'pipeline.deleted',
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
  'cannedResponse.created',
  'cannedResponse.updated',
  'cannedResponse.deleted',
  'user.created',
  'user.updated',
  'user.deleted',
  'team.created',
  'team.updated',
  'team.deleted',
  'segment.created',
  'segment.updated',
  'segment.deleted',
  'campaign.created',
  'campaign.updated',
  'campaign.deleted',
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
] as const satisfies readonly EventType[];

type Missing = Exclude<EventType, (typeof ALL)[number]>;
/** Every event type; its type is `never[]`, so this fails to typecheck, when the list misses one of the contract's. */
const EVERY: readonly ([Missing] extends [never] ? EventType : never)[] = ALL;

/**
 * The event types by group (`contact`, `ticket`, `automation`, `webhook`…: the part before the first dot), in the
 * contract's order, for the form's fieldsets.
 *
 * @example
 * EVENT_GROUPS.find(([group]) => group === 'deal'); // ['deal', ['deal.created', 'deal.updated', 'deal.moved', 'deal.deleted']]
 */
export const EVENT_GROUPS: readonly (readonly [string, readonly EventType[]])[] = [
  ...EVERY.reduce((groups, type) => {
    const group = type.split('.')[0]!.replace(/_rule$|_subscription$/, '');
    groups.set(group, [...(groups.get(group) ?? []), type]);
    return groups;
  }, new Map<string, EventType[]>()),
];
