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
/** One of the host's own values, written as words (`renewal_check` → "Renewal check"). */
const humanize = (s: string) =>
  s
    .trim()
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toLocaleUpperCase());

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

/**
 * The spellings telephony systems and imports write the outcomes in (Twilio's `no-answer` and `completed`,
 * `left_message`, `Voice mail`), by the outcome they mean: read as it, they show in the user's language.
 */
const OUTCOME_ALIASES: Record<string, string> = {
  answered: 'connected',
  completed: 'connected',
  reached: 'connected',
  noanswer: 'no_answer',
  not_answered: 'no_answer',
  unanswered: 'no_answer',
  missed: 'no_answer',
  voice_mail: 'voicemail',
  left_voicemail: 'voicemail',
  left_message: 'voicemail',
  line_busy: 'busy',
  invalid_number: 'wrong_number',
  declined: 'not_interested',
};

/**
 * The outcome a stored call outcome means — one of {@link OUTCOMES}, whatever its case, spaces, hyphens or alias
 * (`No-Answer`, `missed`) — or undefined for one of the host's own.
 */
export function outcomeKey(outcome: string): string | undefined {
  const key = outcome
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = OUTCOME_ALIASES[key] ?? key;
  return OUTCOMES.includes(known) ? known : undefined;
}

/** A call outcome (`no_answer`, `no-answer`, `missed` → "No answer"); one of the host's own as words. */
export function outcomeLabel(outcome: string, t: Translate): string {
  const key = outcomeKey(outcome);
  return key ? t(`timeline.outcome.${camel(key)}` as MessageKey as 'timeline.outcome.busy') : humanize(outcome);
}

/** A task's purpose (`call_back`, `Call-back` → "Call back"); one of the host's own as words. */
export function purposeLabel(purpose: string, t: Translate): string {
  const key = purpose
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return KNOWN_PURPOSES.has(key)
    ? t(`timeline.purpose.${camel(key)}` as MessageKey as 'timeline.purpose.callBack')
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
