import { type Campaign, type CreateOf, CrmError } from '@crmkit/client';
import type { Messages, Translate } from '../../i18n/translate.js';
import { type ServerFieldError, serverErrorText } from '../shared/editing/server-errors.js';

/** The composer's form: a campaign's content, audience and schedule as the user edits them (text for inputs). */
export interface Draft {
  name: string;
  segmentId: string;
  channel: Campaign['channel'];
  subject: string;
  template: string;
  /** `now`: send as soon as it is scheduled; `later`: at `localTime` in `timeZone`. */
  when: 'now' | 'later';
  /** `YYYY-MM-DDTHH:mm`, as `<input type="datetime-local">` writes it. */
  localTime: string;
  timeZone: 'workspace' | 'recipient';
  /** Messages per hour; empty for no limit. */
  throttle: string;
}

/**
 * The form of a stored campaign, or of a new one to `segmentId`.
 *
 * @example
 * draftOf(undefined, segment.id); // { name: '', segmentId, channel: 'email', when: 'now', … }
 */
export function draftOf(campaign: Campaign | undefined, segmentId = ''): Draft {
  return {
    name: campaign?.name ?? '',
    segmentId: campaign?.segmentId ?? segmentId,
    channel: campaign?.channel ?? 'email',
    subject: campaign?.subject ?? '',
    template: campaign?.template ?? '',
    when: campaign?.schedule ? 'later' : 'now',
    localTime: campaign?.schedule?.localTime.slice(0, 16) ?? '',
    timeZone: campaign?.schedule?.timeZone ?? 'workspace',
    throttle: campaign?.throttlePerHour ? String(campaign.throttlePerHour) : '',
  };
}

/** The body that saves `draft` (create and update take the same fields). */
export function bodyOf(draft: Draft): CreateOf<'campaigns'> {
  const throttle = Number.parseInt(draft.throttle, 10);
  return {
    name: draft.name.trim(),
    segmentId: draft.segmentId,
    channel: draft.channel,
    subject: draft.channel === 'email' ? draft.subject : null,
    template: draft.template,
    schedule:
      draft.when === 'later' && draft.localTime ? { localTime: draft.localTime, timeZone: draft.timeZone } : null,
    throttlePerHour: Number.isFinite(throttle) && throttle > 0 ? throttle : null,
  };
}

/** The form fields a server error can be about, by the path it names. */
const FIELD_OF: Record<string, keyof Draft> = {
  name: 'name',
  segmentId: 'segmentId',
  channel: 'channel',
  subject: 'subject',
  template: 'template',
  schedule: 'localTime',
  'schedule.localTime': 'localTime',
  'schedule.timeZone': 'timeZone',
  throttlePerHour: 'throttle',
};

/** Errors to show on the form's fields, by field. */
export type FieldErrors = Partial<Record<keyof Draft, string>>;

/**
 * A 4xx answer's field errors in the user's language, on the fields they are about (the first of each); errors the
 * form has no field for go under `''`-less `rest`.
 *
 * @example
 * fieldErrorsOf(error, t, messages); // { fields: { template: 'There is no field contact.frist to fill in.' }, rest: [] }
 */
export function fieldErrorsOf(
  error: unknown,
  t: Translate,
  messages: Messages,
): { fields: FieldErrors; rest: string[] } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  if (!(error instanceof CrmError)) return { fields, rest };
  for (const e of error.errors as ServerFieldError[]) {
    const field = FIELD_OF[e.path];
    const text = serverErrorText(t, messages, e);
    if (!field) rest.push(text);
    else fields[field] ??= text;
  }
  return { fields, rest };
}
