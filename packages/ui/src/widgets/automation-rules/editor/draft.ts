import type { Schemas } from '@crmkit/client';
import { WORDED_EVENTS } from '../summary/summary.js';

export type Rule = Schemas['AutomationRule'];
export type Trigger = Rule['trigger'];
export type Step = Rule['steps'][number];
export type Resource = Rule['resource'];

/** The step kinds the editor has a form for; the others (branch, field update, webhook, deal) are kept as they are. */
export const EDITABLE_STEPS = [
  'delay',
  'create_task',
  'assign',
  'set_lifecycle',
  'add_tag',
  'remove_tag',
  'send_message',
  'notify',
] as const;
export type EditableType = (typeof EDITABLE_STEPS)[number];

export const isEditable = (step: Step): step is Extract<Step, { type: EditableType }> =>
  (EDITABLE_STEPS as readonly string[]).includes(step.type);

/** A step in the editor: the step, and a key that stays with it while it moves. */
export interface StepDraft {
  key: string;
  step: Step;
}

let next = 0;
export const keyed = (step: Step): StepDraft => ({ key: `s${++next}`, step });

/** A new step of a kind, with the values a user most often wants. */
export function newStep(type: EditableType): Step {
  switch (type) {
    case 'delay':
      return { type, minutes: 1440 };
    case 'create_task':
      return { type, kind: 'task', subject: '', dueInMinutes: 0, assignee: { type: 'owner' } };
    case 'assign':
      return { type, assignee: { type: 'owner' } };
    case 'set_lifecycle':
      return { type, stage: 'active' };
    case 'add_tag':
    case 'remove_tag':
      return { type, tag: '' };
    case 'send_message':
      return { type, channel: 'email', subject: '', template: '' };
    case 'notify':
      return { type, to: { type: 'owner' }, message: '' };
  }
}

/** The trigger a kind starts from: the current one when it is of that kind. */
export function triggerOf(type: Trigger['type'], current: Trigger, resource: Resource): Trigger {
  if (current.type === type) return current;
  switch (type) {
    case 'event':
      return { type, events: [RESOURCE_EVENTS[resource][0]!] };
    case 'date':
      return { type, field: 'createdAt', offsetDays: 0, repeat: 'once', at: '09:00' };
    case 'schedule':
      return { type, cron: '0 9 * * 1' };
    case 'manual':
      return { type };
  }
}

/** The entity whose fields the conditions are on (activities have none the filter editor offers). */
export const ENTITY_OF_RESOURCE = {
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  leads: 'lead',
} as const satisfies Partial<Record<Resource, string>>;

/** The step's index in a server path such as `steps.2.subject`, and the rest of the path. */
export function stepOfPath(path: string): { index: number; field: string } | undefined {
  const m = /^steps\.(\d+)(?:\.(.+))?$/.exec(path);
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : undefined;
}

type EventName = Extract<Trigger, { type: 'event' }>['events'][number];

/** The change-feed events a rule on each resource can start from. */
export const RESOURCE_EVENTS: Record<Resource, readonly EventName[]> = {
  contacts: ['contact.created', 'contact.updated'],
  deals: ['deal.created', 'deal.updated', 'deal.moved'],
  leads: ['lead.created', 'lead.updated', 'lead.converted'],
  tickets: [
    'ticket.created',
    'ticket.updated',
    // Someone opening a ticket is no reason to run a rule.
    ...WORDED_EVENTS.filter((e) => e.startsWith('ticket.') && e !== 'ticket.presence.changed'),
  ],
  activities: ['activity.created', 'activity.updated'],
};
