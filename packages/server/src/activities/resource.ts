import { activities } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { refreshDealActivity } from '../deals/activity.js';
import { fieldError, validationFailed } from '../http/problem.js';
import type { AnyRecord, ResourceDef } from '../resources/engine.js';
import { activityTable } from '../timeline/table.js';
import { touchContact, withdrawTouch } from './last-contacted.js';

const LINKS = ['contactId', 'companyId', 'dealId', 'ticketId'] as const;

/** The company of each contact of `ids` in the caller's workspace (null: none), in one query. */
async function companiesOf(w: WriteContext, ids: string[]): Promise<Map<string, string | null>> {
  const { rows } = await w.tx.query<{ id: string; company_id: string | null }>(
    'SELECT id, company_id FROM contacts WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [w.principal.workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.company_id]));
}

/**
 * The company an activity is linked to when the client does not say: its contact's, so the activity shows on the
 * company's timeline too. On a change of contact, an activity that had its old contact's company (or none) follows
 * the new contact's; a company chosen for it stays.
 */
async function defaultCompany(
  w: WriteContext,
  values: Record<string, unknown>,
  existing: AnyRecord | null,
): Promise<string | null | undefined> {
  const contactId = values.contactId;
  if (values.companyId !== undefined || typeof contactId !== 'string' || contactId === existing?.contactId) return;
  const before = typeof existing?.contactId === 'string' ? existing.contactId : null;
  const companies = await companiesOf(w, before ? [contactId, before] : [contactId]);
  const defaulted = existing === null || existing.companyId === (before ? (companies.get(before) ?? null) : null);
  return defaulted ? (companies.get(contactId) ?? null) : undefined;
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
    const companyId = await defaultCompany(w, input, null);
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
      ...(companyId !== undefined ? { companyId } : {}),
      tags: [...new Set((input.tags as string[] | undefined) ?? [])],
      occurredAt: input.occurredAt ?? w.now.toISOString(),
      authorId: w.principal.userId,
    };
  },
  async prepareUpdate(w, patch, existing) {
    const out = { ...patch };
    const companyId = await defaultCompany(w, patch, existing);
    if (companyId !== undefined) out.companyId = companyId;
    if (Array.isArray(out.tags)) out.tags = [...new Set(out.tags as string[])];
    if (LINKS.some((k) => patch[k] !== undefined) && !LINKS.some((k) => ({ ...existing, ...patch })[k])) {
      throw validationFailed([
        fieldError('contactId', 'linkRequired', 'an activity must link to a contact, company, deal or ticket'),
      ]);
    }
    return out;
  },
  async afterWrite(w, record, existing) {
    if (existing && existing.dueAt !== record.dueAt) {
      // Snoozed or rescheduled: its assignee hears of it again at the new time.
      await w.tx.query('UPDATE activities SET reminded_at = NULL WHERE workspace_id = $1 AND id = $2', [
        w.principal.workspaceId,
        record.id,
      ]);
    }
    if (existing) await withdrawTouch(w, existing, record);
    await touchContact(w, record, existing);
    await refreshDealActivity(w, [record.dealId, existing?.dealId]);
  },
  async afterDelete(w, existing) {
    await withdrawTouch(w, existing, null);
    await refreshDealActivity(w, [existing.dealId]);
  },
};
