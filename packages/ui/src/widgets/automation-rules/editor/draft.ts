import type { Schemas } from '@crmkit/client';
import { WORDED_EVENTS } from '../summary/summary.js';

export type Rule = Schemas['AutomationRule'];
export type Trigger = Rule['trigger'];
export type Step = Rule['steps'][number];
export type Resource = Rule['resource'];

export type Assignee = Extract<Step, { type: 'assign' }>['assignee'];

/** The step kinds, in the order "Kind of step" offers them. */
export const STEP_KINDS = [
  'delay',
  'branch',
  'create_task',
  'assign',
  'update_field',
  'set_lifecycle',
  'add_tag',
  'remove_tag',
  'send_message',
  'notify',
  'webhook',
  'create_deal',
] as const satisfies readonly Step['type'][];
export type StepKind = (typeof STEP_KINDS)[number];

/**
 * A step in the editor: the step, and a key that stays with it while it moves; a branch's lists are drafts of their
 * own (`yes`, `no`: its `step.yes` / `step.no` are read from them by {@link stepOf}).
 */
export interface StepDraft {
  key: string;
  step: Step;
  yes?: StepDraft[];
  no?: StepDraft[];
}

let next = 0;
/** The draft of a stored step (a branch's steps too). */
export const keyed = (step: Step): StepDraft =>
  step.type === 'branch'
    ? { key: `s${++next}`, step, yes: step.yes.map(keyed), no: step.no.map(keyed) }
    : { key: `s${++next}`, step };

/** The step a draft stands for. */
export const stepOf = (draft: StepDraft): Step =>
  draft.step.type === 'branch'
    ? { ...draft.step, yes: (draft.yes ?? []).map(stepOf), no: (draft.no ?? []).map(stepOf) }
    : draft.step;

/** A branch's condition before one is built (the server needs at least one; the editor says so before saving). */
export const NO_CONDITION = { and: [] } as unknown as Extract<Step, { type: 'branch' }>['if'];

/** A new step of a kind, with the values a user most often wants. */
export function newStep(type: StepKind): Step {
  switch (type) {
    case 'delay':
      return { type, minutes: 1440 };
    case 'branch':
      return { type, if: NO_CONDITION, yes: [], no: [] };
    case 'create_task':
      return { type, kind: 'task', subject: '', dueInMinutes: 0, assignee: { type: 'owner' } };
    case 'assign':
      return { type, assignee: { type: 'owner' } };
    case 'update_field':
      return { type, field: '', value: null };
    case 'set_lifecycle':
      return { type, stage: 'active' };
    case 'add_tag':
    case 'remove_tag':
      return { type, tag: '' };
    case 'send_message':
      return { type, channel: 'email', subject: '', template: '' };
    case 'notify':
      return { type, to: { type: 'owner' }, message: '' };
    case 'webhook':
      return { type, subscriptionId: '' };
    case 'create_deal':
      return { type, pipelineId: '', name: '' };
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

export { ENTITY_OF_RESOURCE } from '../records/entity.js';

/**
 * The step a server path is about, within a list at `prefix` (`steps`, or a branch's `yes` / `no`): `steps.2.subject`
 * is step 2's `subject`, `steps.1.yes.0.tag` step 1's `yes.0.tag`.
 */
export function stepOfPath(path: string, prefix = 'steps'): { index: number; field: string } | undefined {
  const m = new RegExp(`^${prefix}\\.(\\d+)(?:\\.(.+))?$`).exec(path);
  return m ? { index: Number(m[1]), field: m[2] ?? '' } : undefined;
}

/** Messages by step index, then by the step's own field, from messages by path. */
export function errorsByStep(messages: Iterable<[string, string]>, prefix = 'steps'): Map<number, Map<string, string>> {
  const byStep = new Map<number, Map<string, string>>();
  for (const [path, message] of messages) {
    const where = stepOfPath(path, prefix);
    if (!where) continue;
    if (!byStep.has(where.index)) byStep.set(where.index, new Map());
    byStep.get(where.index)!.set(where.field, message);
  }
  return byStep;
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
