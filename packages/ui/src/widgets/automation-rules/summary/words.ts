import type { Schemas } from '@crmkit/client';
import { type Format, localize } from '@crmkit/react';
import type { Messages, Translate } from '../../../i18n/translate.js';
import { pipelineStageName, stageLabel, standardFieldLabel } from '../../shared/fields/labels.js';

type Resource = Schemas['AutomationRule']['resource'];
type Scalar = string | number | boolean | null;

/** What the summary of a rule is written with: the translator, locale, formats, schema and user names. */
export interface SummaryContext {
  t: Translate;
  locale: string;
  /** The catalog `t` reads (for the standard fields' labels the schema does not declare). */
  messages: Messages;
  f: Format;
  /** The workspace's schema: field labels (custom fields too), select options, stages, pipelines. */
  schema: Schemas['WorkspaceSchema'] | undefined;
  /** Users' names by id (owners, assignees); an id without a name reads "a chosen user". */
  names: ReadonlyMap<string, string>;
}

/** The schema's entity of each resource a rule runs on. */
const ENTITY = {
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  leads: 'lead',
  activities: 'activity',
} as const satisfies Record<Resource, keyof Schemas['WorkspaceSchema']['fields']>;

/**
 * A label as a word inside a sentence: its first letter in lower case, unless the label starts with an abbreviation
 * ("PT package balance") — scripts without case (Thai) are unchanged.
 */
export function inSentence(label: string, locale: string): string {
  const [first, second] = [...label];
  if (!first || (second && second !== second.toLocaleLowerCase(locale))) return label;
  return first.toLocaleLowerCase(locale) + label.slice(first.length);
}

/** The schema's definition of a field path (`lifecycleStage`, `customFields.membershipExpiry`). */
export function fieldDef(resource: Resource, path: string, schema: SummaryContext['schema']) {
  const [head = '', key] = path.split('.');
  const custom = head === 'customFields';
  return schema?.fields[ENTITY[resource]].find((d) => d.key === (custom ? key : head) && d.custom === custom);
}

/** Standard fields a schema may not declare and the shared catalog does not label, labelled here. */
const OWN_LABELS = new Set(['pipelineId', 'stageId', 'status']);

/**
 * The label of a field path in the user's language, as a word in a sentence: the workspace's label (custom fields
 * included), else the catalog's for a standard field, else its key.
 *
 * @example
 * fieldText('contacts', 'customFields.membershipExpiry', ctx); // 'membership expiry'
 */
export function fieldText(resource: Resource, path: string, ctx: SummaryContext): string {
  const def = fieldDef(resource, path, ctx.schema);
  const key = path.split('.').at(-1) ?? path;
  if (!def && OWN_LABELS.has(path)) return ctx.t(`rules.field.${path}` as 'rules.field.status');
  const label = def
    ? localize(def.label, ctx.locale)
    : (!path.startsWith('customFields.') && standardFieldLabel(ctx.messages, ctx.t, key)) || key;
  return inSentence(label, ctx.locale);
}

/** A wall-clock `HH:MM` in the locale's way (`9:00 AM`, `09:00`). */
export function timeText(hhmm: string, locale: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, h, m),
  );
}

/** Weekday names (0 = Sunday), listed in the locale's way: every one (`Monday and Thursday`) or any (`… or …`). */
export function weekdaysText(days: readonly number[], ctx: SummaryContext, join: 'every' | 'any'): string {
  const name = new Intl.DateTimeFormat(ctx.locale, { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  const names = days.map((d) => name.format(Date.UTC(2023, 0, 1 + d)));
  return join === 'every' ? ctx.f.list(names) : anyOf(names, ctx.locale);
}

/** A duration in minutes in its largest whole unit: `3 days`, `8 hours`, `90 minutes`. */
export function durationText(minutes: number, t: Translate): string {
  if (minutes % 1440 === 0) return t('rules.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('rules.hours', { count: minutes / 60 });
  return t('rules.minutes', { count: minutes });
}

/** Items joined with "or" in the locale's way. */
export const anyOf = (items: readonly string[], locale: string) =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);

/**
 * A value of a field as a reader knows it: an option's, lifecycle stage's, pipeline's or stage's label, a user's name,
 * a formatted amount, number or date, yes / no, or quoted text.
 */
export function valueText(
  resource: Resource,
  field: string,
  value: Scalar | readonly Scalar[],
  ctx: SummaryContext,
): string {
  if (Array.isArray(value))
    return anyOf(
      value.map((v) => valueText(resource, field, v, ctx)),
      ctx.locale,
    );
  const { t, schema, f } = ctx;
  const v = value as Scalar;
  if (v === null) return t('rules.value.none');
  if (typeof v === 'boolean') return t(v ? 'rules.value.yes' : 'rules.value.no');
  const def = fieldDef(resource, field, schema);
  const option = def?.options?.find((o) => o.value === v);
  if (option) return localize(option.label, ctx.locale);
  if (field === 'lifecycleStage') return stageLabel(String(v), { t, locale: ctx.locale, schema });
  if (field === 'pipelineId') {
    const pipeline = schema?.pipelines.find((p) => p.id === v);
    return pipeline ? pipelineStageName(pipeline, ctx.locale) : String(v);
  }
  if (field === 'stageId') {
    const stage = schema?.pipelines.flatMap((p) => p.stages).find((s) => s.id === v);
    return stage ? pipelineStageName(stage, ctx.locale) : String(v);
  }
  if (field === 'ownerId' || field === 'assigneeId') return ctx.names.get(String(v)) ?? t('rules.assignee.user');
  if (resource === 'deals' && field === 'status' && (v === 'open' || v === 'won' || v === 'lost')) {
    return t(`rules.dealStatus.${v}`);
  }
  if (typeof v === 'number') return def?.type === 'currency' ? f.money(v, def.currency) : f.number(v);
  if (def?.type === 'date') return f.date(v);
  return t('rules.value.text', { text: v });
}
