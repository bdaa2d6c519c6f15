import type { Schemas } from '@crmkit/client';
import type { MessageKey } from '../../../i18n/translate.js';
import { conditionsText } from './conditions.js';
import { anyOf, durationText, fieldText, type SummaryContext, timeText, valueText, weekdaysText } from './words.js';

export type { SummaryContext } from './words.js';

type Rule = Schemas['AutomationRule'];
type Resource = Schemas['AutomationRule']['resource'];
type Trigger = Schemas['AutomationTrigger'];
type Step = Schemas['AutomationStep'];
type Assignee = Extract<Schemas['AutomationStep'], { type: 'assign' }>['assignee'];

/** The events worded on their own; `<entity>.created` / `.updated` are worded with the record's noun. */
export const WORDED_EVENTS = [
  'deal.moved',
  'lead.converted',
  'ticket.assigned',
  'ticket.message.created',
  'ticket.sla.warning',
  'ticket.sla.breached',
  'ticket.snoozed',
  'ticket.unsnoozed',
  'ticket.merged',
  'ticket.presence.changed',
] as const;
const EVENTS = new Set<string>(WORDED_EVENTS);

/** A change-feed event in words ("a deal moves to another stage"). */
export function eventText(
  resource: Resource,
  type: string,
  changed: string[] | undefined,
  ctx: SummaryContext,
): string {
  const { t } = ctx;
  if (EVENTS.has(type)) return t(`rules.event.${type}` as MessageKey as 'rules.event.deal.moved');
  const entity = t(`rules.noun.${resource}`);
  if (type.endsWith('.updated') && changed?.length) {
    return t('rules.event.changed', {
      entity,
      fields: anyOf(
        changed.map((p) => fieldText(resource, p, ctx)),
        ctx.locale,
      ),
    });
  }
  if (type.endsWith('.created')) return t('rules.event.created', { entity });
  if (type.endsWith('.updated')) return t('rules.event.updated', { entity });
  return type;
}

/** A five-field cron in words when it is daily, weekly or monthly at a fixed time; else the expression itself. */
function scheduleText(cron: string, ctx: SummaryContext): string {
  const { t } = ctx;
  const [minute, hour, day, month, weekday, extra] = cron.trim().split(/\s+/);
  const fixed = (s: string | undefined) => s !== undefined && /^\d{1,2}$/.test(s);
  if (extra !== undefined || !fixed(minute) || !fixed(hour) || month !== '*')
    return t('rules.trigger.schedule', { cron });
  const time = timeText(`${hour}:${minute!.padStart(2, '0')}`, ctx.locale);
  if (day === '*' && weekday === '*') return t('rules.trigger.daily', { time });
  if (fixed(day) && weekday === '*') return t('rules.trigger.monthly', { day: Number(day), time });
  const days = day === '*' && weekday && /^[0-7](-[0-7])?(,[0-7](-[0-7])?)*$/.test(weekday) ? weekdayList(weekday) : [];
  if (days.join() === '1,2,3,4,5') return t('rules.trigger.workdays', { time });
  if (days.length) return t('rules.trigger.weekly', { days: weekdaysText(days, ctx, 'every'), time });
  return t('rules.trigger.schedule', { cron });
}

/** The weekdays of a cron field such as `1-5` or `1,4` (7 is Sunday too). */
function weekdayList(field: string): number[] {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let d = from; d <= to!; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

function triggerText(resource: Resource, trigger: Trigger, ctx: SummaryContext): string {
  const { t } = ctx;
  switch (trigger.type) {
    case 'event': {
      const events = trigger.events.map((e) => eventText(resource, e, trigger.changed, ctx));
      return t('rules.trigger.event', { events: anyOf([...new Set(events)], ctx.locale) });
    }
    case 'manual':
      return t('rules.trigger.manual');
    case 'schedule':
      return scheduleText(trigger.cron, ctx);
    case 'date': {
      const field =
        trigger.field === 'createdAt' ? t('rules.field.createdAt') : fieldText(resource, trigger.field, ctx);
      const time = timeText(trigger.at, ctx.locale);
      const days = t('rules.days', { count: Math.abs(trigger.offsetDays) });
      const when =
        trigger.offsetDays === 0
          ? t('rules.trigger.dateOn', { field, time })
          : t(trigger.offsetDays < 0 ? 'rules.trigger.dateBefore' : 'rules.trigger.dateAfter', { days, field, time });
      return trigger.repeat === 'yearly' ? t('rules.trigger.yearly', { when }) : when;
    }
  }
}

function assigneeText(a: Assignee, ctx: SummaryContext): string {
  if (a.type === 'owner') return ctx.t('rules.assignee.owner');
  if (a.type === 'round_robin') return ctx.t('rules.assignee.roundRobin');
  return (a.userId && ctx.names.get(a.userId)) || ctx.t('rules.assignee.user');
}

/** When a delay ends: after a duration, at the next allowed time of day (on some weekdays, in the contact's zone). */
function delayText(step: Extract<Step, { type: 'delay' }>, ctx: SummaryContext): string {
  const { t } = ctx;
  const duration = step.minutes ? durationText(step.minutes, t) : '';
  if (!step.until) return t('rules.delay.after', { duration });
  const time = timeText(step.until.time, ctx.locale);
  let when = duration ? t('rules.delay.afterUntil', { duration, time }) : t('rules.delay.until', { time });
  const weekdays = step.until.weekdays;
  if (weekdays && weekdays.length < 7)
    when = t('rules.delay.weekdays', { when, days: weekdaysText(weekdays, ctx, 'any') });
  return step.until.zone === 'contact' ? t('rules.delay.contactZone', { when }) : when;
}

function actionText(resource: Resource, step: Exclude<Step, { type: 'delay' }>, ctx: SummaryContext): string {
  const { t } = ctx;
  switch (step.type) {
    case 'branch': {
      const condition = conditionsText(resource, step.if, ctx);
      const yes = stepsText(resource, step.yes, ctx);
      const no = stepsText(resource, step.no, ctx);
      if (!step.yes.length) return t('rules.do.branchNo', { condition, no });
      return step.no.length
        ? t('rules.do.branchElse', { condition, yes, no })
        : t('rules.do.branch', { condition, yes });
    }
    case 'create_task':
      return t(step.kind === 'reminder' ? 'rules.do.reminder' : 'rules.do.task', {
        assignee: assigneeText(step.assignee, ctx),
      });
    case 'assign':
      return t('rules.do.assign', { assignee: assigneeText(step.assignee, ctx) });
    case 'update_field':
      return t('rules.do.update_field', {
        field: fieldText(resource, step.field, ctx),
        value: valueText(resource, step.field, step.value, ctx),
      });
    case 'add_tag':
    case 'remove_tag':
      return t(`rules.do.${step.type}`, { tag: t('rules.value.text', { text: step.tag }) });
    case 'set_lifecycle':
      return t('rules.do.set_lifecycle', { stage: valueText('contacts', 'lifecycleStage', step.stage, ctx) });
    case 'send_message':
      return t(step.channel === 'sms' ? 'rules.do.sms' : 'rules.do.email');
    case 'notify':
      return t('rules.do.notify', { assignee: assigneeText(step.to, ctx) });
    case 'webhook':
      return t('rules.do.webhook');
    case 'create_deal':
      return t('rules.do.create_deal', { pipeline: valueText('deals', 'pipelineId', step.pipelineId, ctx) });
  }
}

/**
 * One step in words, a delay included ("after 3 days", "create a task for the owner").
 *
 * @example
 * stepText('contacts', { type: 'add_tag', tag: 'vip' }, ctx); // 'add the tag “vip”'
 */
export function stepText(resource: Resource, step: Step, ctx: SummaryContext): string {
  return step.type === 'delay' ? delayText(step, ctx) : actionText(resource, step, ctx);
}

/** Steps in order, each after the first joined with "then"; a delay is worded with the step it holds back. */
function stepsText(resource: Resource, steps: readonly Step[], ctx: SummaryContext): string {
  const phrases: string[] = [];
  let when: string | undefined;
  for (const step of steps) {
    if (step.type === 'delay') {
      // Two delays in a row: the later one says when the step runs.
      when = delayText(step, ctx);
      continue;
    }
    const action = actionText(resource, step, ctx);
    phrases.push(when ? ctx.t('rules.delay.step', { when, step: action }) : action);
    when = undefined;
  }
  if (when) phrases.push(ctx.t('rules.delay.last', { when }));
  if (!phrases.length) return ctx.t('rules.do.nothing');
  return phrases.map((p, i) => (i === 0 ? p : ctx.t('rules.summary.then', { step: p }))).join('');
}

/**
 * A rule in one sentence of the user's language, from its trigger, conditions and steps, with the workspace's field
 * labels (custom fields included) and values as its users know them. The one place a rule is put into words.
 *
 * @example
 * summarizeRule(rule, ctx);
 * // 'When a deal moves to another stage, if status is Won → set the lifecycle stage to Active, then after 3 days
 * //  create a task for the owner'
 */
export function summarizeRule(rule: Pick<Rule, 'resource' | 'trigger' | 'conditions' | 'steps'>, ctx: SummaryContext) {
  const { t } = ctx;
  return t('rules.summary', {
    trigger: triggerText(rule.resource, rule.trigger, ctx),
    conditions: rule.conditions
      ? t('rules.summary.if', { conditions: conditionsText(rule.resource, rule.conditions, ctx) })
      : '',
    steps: stepsText(rule.resource, rule.steps, ctx),
  });
}
