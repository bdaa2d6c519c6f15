import { type ActivityType, activities, TOUCH_ACTIVITY_TYPES } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { validationFailed } from '../http/problem.js';
import { contactResource } from './contacts.js';
import { type AnyRecord, applyUpdate, getRecord, type ResourceDef } from './engine.js';

const TOUCH_TYPES: ReadonlySet<ActivityType> = new Set(TOUCH_ACTIVITY_TYPES);
const LINKS = ['contactId', 'companyId', 'dealId', 'ticketId'] as const;

/** Sets the contact's `lastContactedAt` to the touch's `occurredAt` when later (emits `contact.updated`). */
async function touchContact(w: WriteContext, activity: AnyRecord, existing: AnyRecord | null): Promise<void> {
  const contactId = activity.contactId as string | null;
  if (!contactId || !TOUCH_TYPES.has(activity.type as ActivityType)) return;
  if (
    existing &&
    existing.contactId === contactId &&
    existing.occurredAt === activity.occurredAt &&
    existing.type === activity.type
  )
    return;
  const contact = await getRecord(w, contactResource, contactId, w.tx, true);
  const last = contact.lastContactedAt as string | null;
  const at = activity.occurredAt as string;
  if (last !== null && Date.parse(last) >= Date.parse(at)) return;
  await applyUpdate(w, contactResource, contactId, { lastContactedAt: at }, null);
}

/**
 * Activities: calls, emails, messages, meetings, notes, tasks and reminders, linked to at least one contact,
 * company, deal or ticket. The author is the caller's user; `system` activities are written by the server only.
 * Timelines are lists filtered by a link (`filter[contactId]=…`), newest first by default.
 */
export const activityResource: ResourceDef = {
  spec: activities,
  permission: 'activities',
  entity: 'activity',
  table: {
    table: 'activities',
    idPrefix: 'act',
    fields: {
      type: { column: 'type', kind: 'text', notNull: true },
      direction: { column: 'direction', kind: 'text' },
      subject: { column: 'subject', kind: 'text' },
      body: { column: 'body', kind: 'text' },
      outcome: { column: 'outcome', kind: 'text' },
      purpose: { column: 'purpose', kind: 'text' },
      occurredAt: { column: 'occurred_at', kind: 'ts', notNull: true },
      dueAt: { column: 'due_at', kind: 'ts' },
      completedAt: { column: 'completed_at', kind: 'ts' },
      durationSeconds: { column: 'duration_seconds', kind: 'int' },
      contactId: { column: 'contact_id', kind: 'text' },
      companyId: { column: 'company_id', kind: 'text' },
      dealId: { column: 'deal_id', kind: 'text' },
      ticketId: { column: 'ticket_id', kind: 'text' },
      assigneeId: { column: 'assignee_id', kind: 'text' },
      authorId: { column: 'author_id', kind: 'text', readOnly: true },
      tags: { column: 'tags', kind: 'textarr', notNull: true },
    },
  },
  refs: {
    contactId: { table: 'contacts', what: 'contact' },
    companyId: { table: 'companies', what: 'company' },
    dealId: { table: 'deals', what: 'deal' },
    ticketId: { table: 'tickets', what: 'ticket' },
    assigneeId: { table: 'users', what: 'user' },
  },
  async prepareCreate(w, input) {
    return {
      direction: null,
      subject: null,
      body: null,
      outcome: null,
      purpose: null,
      dueAt: null,
      completedAt: null,
      durationSeconds: null,
      contactId: null,
      companyId: null,
      dealId: null,
      ticketId: null,
      assigneeId: null,
      ...input,
      tags: [...new Set((input.tags as string[] | undefined) ?? [])],
      occurredAt: input.occurredAt ?? w.now.toISOString(),
      authorId: w.principal.userId,
    };
  },
  async prepareUpdate(_w, patch, existing) {
    const out = { ...patch };
    if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags as string[])];
    if (LINKS.some((k) => patch[k] !== undefined) && !LINKS.some((k) => ({ ...existing, ...patch })[k])) {
      throw validationFailed([
        { path: 'contactId', message: 'an activity must link to a contact, company, deal or ticket' },
      ]);
    }
    return out;
  },
  async afterWrite(w, record, existing) {
    await touchContact(w, record, existing);
  },
};
