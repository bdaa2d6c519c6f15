import { type ActivityType, activities, TOUCH_ACTIVITY_TYPES } from '@crmkit/spec';
import { contactResource } from '../contacts/resource.js';
import type { WriteContext } from '../core/context.js';
import { validationFailed } from '../http/problem.js';
import { type AnyRecord, applyUpdate, getRecord, type ResourceDef } from '../resources/engine.js';
import { activityTable } from '../timeline/table.js';

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
  table: activityTable,
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
