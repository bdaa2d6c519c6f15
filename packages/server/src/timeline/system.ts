import type { WriteContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import { searchTextOf } from '../query/search-text.js';
import { rowToRecord } from '../resources/table.js';
import { activityTable } from './table.js';

/** What a `system` activity is about, and what it says. */
export interface SystemActivity {
  subject: string;
  dealId?: string | null;
  companyId?: string | null;
  contactId?: string | null;
  /** Default `system`; a message the server sent on its own (a campaign's) is an outbound `email` or `sms`. */
  type?: 'system' | 'email' | 'sms';
  direction?: 'inbound' | 'outbound' | null;
  body?: string | null;
}

/**
 * Writes a `system` activity (clients cannot create these: the server records what happened, such as a deal's stage
 * change) — or a message the server sent on its own — by the caller, at the write's time, in its transaction, and emits `activity.created`.
 */
export async function logSystemActivity(w: WriteContext, activity: SystemActivity): Promise<Record<string, unknown>> {
  const id = newId(activityTable.idPrefix, w.now.getTime());
  const at = w.now.toISOString();
  const { rows } = await w.tx.query(
    `INSERT INTO activities (id, workspace_id, created_at, updated_at, search_text, type, subject, occurred_at, deal_id,
                             company_id, author_id, contact_id, direction, body)
     VALUES ($1,$2,$3,$3,$4,$9,$5,$3,$6,$7,$8,$10,$11,$12) RETURNING *`,
    [
      id,
      w.principal.workspaceId,
      at,
      searchTextOf([activity.subject]),
      activity.subject,
      activity.dealId ?? null,
      activity.companyId ?? null,
      w.principal.userId,
      activity.type ?? 'system',
      activity.contactId ?? null,
      activity.direction ?? null,
      activity.body ?? null,
    ],
  );
  const record = rowToRecord(activityTable, rows[0]!);
  w.emit({ type: 'activity.created', resource: 'activities', resourceId: id, data: record });
  return record;
}
