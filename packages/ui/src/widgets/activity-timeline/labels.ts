import type { Schemas } from '@crmkit/client';
import { type Format, localize } from '@crmkit/react';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import type { IconPath } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';

export type ActivityType = Schemas['ActivityType'];

/** Every activity type, in the order the filter offers them. */
export const TYPES: ActivityType[] = ['call', 'email', 'sms', 'chat', 'meeting', 'note', 'task', 'app', 'system'];

export const TYPE_ICON: Record<ActivityType, IconPath> = {
  call: icons.phone,
  email: icons.mail,
  sms: icons.sms,
  chat: icons.chat,
  meeting: icons.meeting,
  note: icons.note,
  task: icons.task,
  app: icons.app,
  system: icons.system,
};

/** Call outcomes the composer offers (values as the API stores them). */
export const OUTCOMES = ['connected', 'interested', 'not_interested', 'no_answer', 'voicemail', 'busy', 'wrong_number'];

/** Reminder purposes the composer offers. */
export const PURPOSES = ['call_back', 'follow_up', 'promotion', 'birthday_greeting'];

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const humanize = (s: string) => s.replace(/_/g, ' ').replace(/^./, (c) => c.toLocaleUpperCase());

/** The label of an activity type: the workspace's in the current language, else the catalog's. */
export function typeLabel(
  type: ActivityType,
  t: Translate,
  locale: string,
  schema: Schemas['WorkspaceSchema'] | undefined,
): string {
  const own = schema?.activityTypes.find((a) => a.key === type)?.label;
  if (own && (own[locale] || own[locale.split('-')[0]!])) return localize(own, locale);
  return t(`timeline.type.${type}`);
}

/** A call outcome (`no_answer` → "No answer"); an unknown one as written. */
export function outcomeLabel(outcome: string, t: Translate): string {
  return OUTCOMES.includes(outcome)
    ? t(`timeline.outcome.${camel(outcome)}` as MessageKey as 'timeline.outcome.busy')
    : humanize(outcome);
}

/** A task's purpose (`call_back` → "Call back"); an unknown one as written. */
export function purposeLabel(purpose: string, t: Translate): string {
  return KNOWN_PURPOSES.has(purpose)
    ? t(`timeline.purpose.${camel(purpose)}` as MessageKey as 'timeline.purpose.callBack')
    : humanize(purpose);
}

const KNOWN_PURPOSES = new Set([...PURPOSES, 'send_quote', 'demo']);

/** A duration in the locale's units: `45 sec`, `12 min`, `1.5 hr`. */
export function durationLabel(seconds: number, f: Format): string {
  const unit = (value: number, u: string, digits = 0) =>
    f.number(value, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits });
  if (seconds < 60) return unit(seconds, 'second');
  if (seconds < 3600) return unit(Math.round(seconds / 60), 'minute');
  return unit(seconds / 3600, 'hour', 1);
}

/** Outcomes that mean nobody was reached (shown in the warning tone). */
export const MISSED = new Set(['no_answer', 'voicemail', 'busy', 'wrong_number', 'not_interested']);
