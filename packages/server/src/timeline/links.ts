import type { WriteContext } from '../core/context.js';

const LINKS = ['contact_id', 'company_id', 'deal_id', 'ticket_id'] as const;
type Link = (typeof LINKS)[number];

/**
 * When a record is deleted, its activities go with it if it was their only link (a deleted customer's
 * history is erased), and otherwise just lose the link.
 */
export async function unlinkActivities(w: WriteContext, link: Link, id: string): Promise<void> {
  const others = LINKS.filter((l) => l !== link)
    .map((l) => `${l} IS NULL`)
    .join(' AND ');
  const ws = w.principal.workspaceId;
  await w.tx.query(`DELETE FROM activities WHERE workspace_id = $1 AND ${link} = $2 AND ${others}`, [ws, id]);
  await w.tx.query(`UPDATE activities SET ${link} = NULL WHERE workspace_id = $1 AND ${link} = $2`, [ws, id]);
}
