import { ACTIVITY_LIMITS } from '@crmkit/core';
import { z } from 'zod';
import { Id, RecordBase, Tags, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';

export const ActivityType = named(
  'ActivityType',
  z.enum(['call', 'email', 'sms', 'chat', 'meeting', 'note', 'task', 'app', 'system']),
  '`system` activities are written by the server (stage changes, conversions) and cannot be created by clients.',
);
export type ActivityType = z.infer<typeof ActivityType>;

/** Activity types that are a touch with the customer: the server moves the contact's `lastContactedAt` on them. */
export const TOUCH_ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'email', 'sms', 'chat', 'meeting', 'app'];

export const ActivityDirection = z.enum(['inbound', 'outbound']);

const activityFields = {
  type: ActivityType.exclude(['system']),
  direction: ActivityDirection.nullable(),
  subject: z.string().trim().max(ACTIVITY_LIMITS.subject).nullable(),
  body: z.string().max(ACTIVITY_LIMITS.body).nullable().describe('Plain text.'),
  outcome: z
    .string()
    .max(ACTIVITY_LIMITS.outcome)
    .nullable()
    .describe('E.g. `connected`, `no_answer`, `voicemail`, `interested`.'),
  purpose: z
    .string()
    .max(ACTIVITY_LIMITS.purpose)
    .nullable()
    .describe('For tasks and reminders: `call_back`, `promotion`, `birthday_greeting`, ...'),
  occurredAt: Timestamp,
  dueAt: Timestamp.nullable(),
  completedAt: Timestamp.nullable(),
  durationSeconds: z
    .int()
    .min(0)
    .max(86_400 * 7)
    .nullable(),
  contactId: Id.nullable(),
  companyId: Id.nullable(),
  dealId: Id.nullable(),
  ticketId: Id.nullable(),
  assigneeId: Id.nullable(),
  tags: Tags,
};

/** A touch with a customer (call, email, ...), a note, or a task/reminder. */
export const Activity = named(
  'Activity',
  z.object({ ...RecordBase, ...activityFields, type: ActivityType, authorId: Id.nullable() }),
  'A touch with a customer, a note, or a task or reminder (a task is open while `completedAt` is null).',
);
export type Activity = z.infer<typeof Activity>;

export const ActivityCreate = named(
  'ActivityCreate',
  z
    .strictObject(activityFields)
    .partial()
    .required({ type: true })
    .refine((a) => Boolean(a.contactId || a.companyId || a.dealId || a.ticketId), {
      message: 'an activity must link to a contact, company, deal or ticket',
      path: ['contactId'],
      params: { code: 'linkRequired' },
    }),
);
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityUpdate = named('ActivityUpdate', z.strictObject(activityFields).partial());
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;
