import type { SeedWriter } from './writer.js';

/**
 * Gives rows that the engine names with random ids deterministic ones (`<idPrefix>0001`, …, in `order`).
 * Only for rows nothing refers to by id, renamed inside the seed's transaction (seeding emits no events).
 */
async function renumber(w: SeedWriter, table: string, idPrefix: string, where: string, order: string) {
  await w.query(
    `UPDATE ${table} t SET id = n.new_id FROM (
       SELECT id, $2 || lpad(row_number() OVER (ORDER BY ${order})::text, 4, '0') AS new_id
         FROM ${table} WHERE workspace_id = $1 AND ${where}) n
     WHERE t.id = n.id`,
    [w.workspace.id, idPrefix],
  );
}

/**
 * Ticket messages (named by the ticket module): `msg_<key>_0001`, … in thread order; the tickets' `lastMessage`
 * summaries follow their message's new id.
 */
export async function renumberMessages(w: SeedWriter): Promise<void> {
  await renumber(w, 'ticket_messages', `msg_${w.key}_`, 'true', 'created_at, ticket_id, kind, author_type, body_text');
  await w.query(
    `UPDATE tickets t SET last_message = jsonb_set(t.last_message, '{id}', to_jsonb(m.id))
       FROM (SELECT DISTINCT ON (ticket_id) ticket_id, id FROM ticket_messages
              WHERE workspace_id = $1 AND kind = 'reply' ORDER BY ticket_id, created_at DESC, id DESC) m
      WHERE t.workspace_id = $1 AND t.id = m.ticket_id AND t.last_message IS NOT NULL`,
    [w.workspace.id],
  );
}

/** The `system` activities the deal module logs on stage changes: `act_<key>_sys_0001`, … in time order. */
export function renumberSystemActivities(w: SeedWriter): Promise<void> {
  return renumber(w, 'activities', `act_${w.key}_sys_`, "type = 'system'", 'occurred_at, deal_id, subject');
}
