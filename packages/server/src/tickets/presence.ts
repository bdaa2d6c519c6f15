import type { TicketPresence } from '@crmkit/spec';
import { dbOf, type RequestContext, type WriteContext, withWrite } from '../core/context.js';
import type { Queryable } from '../db/types.js';

/** How long a presence lasts without a heartbeat, unless the caller says (`ttlSeconds`). */
export const PRESENCE_TTL_SECONDS = 30;

interface PresenceRow {
  ticket_id: string;
  user_id: string;
  state: TicketPresence['state'];
  since: string;
  expires_at: string;
}

const toPresence = (r: PresenceRow): TicketPresence => ({
  ticketId: r.ticket_id,
  userId: r.user_id,
  state: r.state,
  since: new Date(r.since).toISOString(),
  expiresAt: new Date(r.expires_at).toISOString(),
});

const changed = (w: WriteContext, p: TicketPresence | (Omit<TicketPresence, 'state'> & { state: 'left' })) =>
  w.emit({ type: 'ticket.presence.changed', resource: 'tickets', resourceId: p.ticketId, data: { ...p } });

/**
 * Ends the presences of the workspace that were not renewed in time, each with a `ticket.presence.changed` event whose
 * state is `left`. Run with every presence request of the workspace and by the server's sweep, so a closed tab shows
 * as gone within a heartbeat or a sweep; reads never list an expired presence either way.
 */
export async function expirePresence(w: WriteContext): Promise<number> {
  const { rows } = await w.tx.query<PresenceRow>(
    'DELETE FROM ticket_presence WHERE workspace_id = $1 AND expires_at <= $2 RETURNING *',
    [w.principal.workspaceId, w.now.toISOString()],
  );
  for (const r of rows) changed(w, { ...toPresence(r), state: 'left', expiresAt: w.now.toISOString() });
  return rows.length;
}

/** The live presences of one ticket, or of the whole workspace. */
export async function listPresence(ctx: RequestContext, ticketId?: string, db: Queryable = dbOf(ctx)) {
  const { rows } = await db.query<PresenceRow>(
    `SELECT * FROM ticket_presence WHERE workspace_id = $1 AND expires_at > $2 ${ticketId ? 'AND ticket_id = $3' : ''}
      ORDER BY since, user_id LIMIT 1000`,
    ticketId
      ? [ctx.principal.workspaceId, ctx.clock.now().toISOString(), ticketId]
      : [ctx.principal.workspaceId, ctx.clock.now().toISOString()],
  );
  return { data: rows.map(toPresence) };
}

/**
 * The caller is viewing or replying to a ticket until `ttlSeconds` from now (a heartbeat renews it). A new presence or
 * a change of state is a `ticket.presence.changed` event; a renewal is not. Answers the ticket's live presences.
 */
export async function setPresence(
  ctx: RequestContext,
  ticketId: string,
  state: TicketPresence['state'],
  ttlSeconds = PRESENCE_TTL_SECONDS,
) {
  const userId = ctx.principal.userId;
  return withWrite(ctx, async (w) => {
    await expirePresence(w);
    if (userId) {
      const expiresAt = new Date(w.now.getTime() + ttlSeconds * 1000).toISOString();
      const { rows } = await w.tx.query<PresenceRow & { was: string | null }>(
        `WITH old AS (SELECT state FROM ticket_presence WHERE workspace_id = $1 AND ticket_id = $2 AND user_id = $3)
         INSERT INTO ticket_presence (workspace_id, ticket_id, user_id, state, since, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (workspace_id, ticket_id, user_id) DO UPDATE SET
           state = EXCLUDED.state, expires_at = EXCLUDED.expires_at,
           since = CASE WHEN ticket_presence.state = EXCLUDED.state THEN ticket_presence.since ELSE EXCLUDED.since END
         RETURNING *, (SELECT state FROM old) AS was`,
        [w.principal.workspaceId, ticketId, userId, state, w.now.toISOString(), expiresAt],
      );
      const row = rows[0]!;
      if (row.was !== state) changed(w, toPresence(row));
    }
    return listPresence(w, ticketId, w.tx);
  });
}

/** The caller closed the ticket: their presence ends (`ticket.presence.changed`, state `left`). */
export async function leavePresence(ctx: RequestContext, ticketId: string) {
  return withWrite(ctx, async (w) => {
    await expirePresence(w);
    const { rows } = await w.tx.query<PresenceRow>(
      'DELETE FROM ticket_presence WHERE workspace_id = $1 AND ticket_id = $2 AND user_id = $3 RETURNING *',
      [w.principal.workspaceId, ticketId, ctx.principal.userId ?? ''],
    );
    for (const r of rows) changed(w, { ...toPresence(r), state: 'left', expiresAt: w.now.toISOString() });
    return listPresence(w, ticketId, w.tx);
  });
}

/** Ends expired presences in every workspace (the server's sweep); returns how many. */
export async function sweepPresence(
  ctxOf: (workspaceId: string) => Promise<RequestContext | null>,
  db: Queryable,
  now: Date,
) {
  const { rows } = await db.query<{ workspace_id: string }>(
    'SELECT DISTINCT workspace_id FROM ticket_presence WHERE expires_at <= $1',
    [now.toISOString()],
  );
  let n = 0;
  for (const { workspace_id } of rows) {
    const ctx = await ctxOf(workspace_id);
    if (ctx) n += await withWrite(ctx, expirePresence);
  }
  return n;
}
