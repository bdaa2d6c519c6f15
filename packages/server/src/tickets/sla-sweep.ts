import type { TicketStatus } from '@crmkit/spec';
import { type RequestContext, type ServerContext, systemContext, withWrite } from '../core/context.js';
import { readSettings } from '../core/settings.js';
import { applyUpdate, getRecord } from '../resources/engine.js';
import { ticketResource } from './resource.js';
import { cloneSla, dueWarnings, type StoredSla, settle, summarize } from './sla/state.js';
import { slaEventData } from './sla/ticket-sla.js';

/** What one sweep emitted. */
export interface SweepResult {
  /** `ticket.sla.warning` events. */
  warned: number;
  /** `ticket.sla.breached` events. */
  breached: number;
}

const BATCH = 200;

/** The largest `warnBeforeMinutes` of a workspace's policies, in SQL over `w.settings`. */
const MAX_WARN_SQL = `COALESCE((SELECT max((p->>'warnBeforeMinutes')::int) FROM jsonb_array_elements(
  CASE WHEN jsonb_typeof(w.settings->'slaPolicies') = 'array' THEN w.settings->'slaPolicies' ELSE '[]'::jsonb END) p), 0)`;

/**
 * Checks one ticket in its own transaction: flags targets that came due (the engine then emits
 * `ticket.sla.breached` and `ticket.updated`) and emits `ticket.sla.warning` for targets inside their
 * warning window. The flags live in the stored SLA, so no event is ever sent twice.
 */
async function sweepTicket(ctx: RequestContext, ticketId: string): Promise<SweepResult> {
  return withWrite(ctx, async (w) => {
    const { rows } = await w.tx.query<{ status: TicketStatus; sla: StoredSla | null }>(
      'SELECT status, sla FROM tickets WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
      [w.principal.workspaceId, ticketId],
    );
    const row = rows[0];
    if (!row?.sla) return { warned: 0, breached: 0 };
    const sla = cloneSla(row.sla);
    const policy = w.principal.settings.slaPolicies.find((p) => p.id === sla.policyId);
    const breached = settle(sla, w.now);
    const warned = dueWarnings(sla, w.now, policy?.warnBeforeMinutes ?? 0);
    if (breached.length === 0 && warned.length === 0) return { warned: 0, breached: 0 };
    summarize(sla, row.status);
    let ticket: Record<string, unknown>;
    if (breached.length > 0) {
      ticket = await applyUpdate(w, ticketResource, ticketId, { sla }, null);
    } else {
      // Only the (internal) warning flags changed: the record itself did not, so no new version.
      await w.tx.query('UPDATE tickets SET sla = $3 WHERE workspace_id = $1 AND id = $2', [
        w.principal.workspaceId,
        ticketId,
        JSON.stringify(sla),
      ]);
      ticket = await getRecord(w, ticketResource, ticketId, w.tx);
    }
    for (const target of warned) {
      w.emit({
        type: 'ticket.sla.warning',
        resource: 'tickets',
        resourceId: ticketId,
        data: slaEventData(ticket, target),
      });
    }
    return { warned: warned.length, breached: breached.length };
  });
}

/**
 * One pass of the SLA timer over every workspace, at the server clock's `now`: tickets whose next due time
 * (less the policy's `warnBeforeMinutes`) has come get `ticket.sla.warning` once per target shortly before,
 * and `ticket.sla.breached` once per target at the due time (the target is flagged and the SLA `missed`).
 * Run it every minute or so; running it more often or twice is harmless.
 */
export async function sweepSla(server: ServerContext): Promise<SweepResult> {
  const total: SweepResult = { warned: 0, breached: 0 };
  if (!server.capabilities.sla) return total;
  const now = server.clock.now();
  const { rows: workspaces } = await server.db.query<{ id: string; name: string; settings: unknown }>(
    `SELECT w.id, w.name, w.settings FROM workspaces w WHERE EXISTS (
       SELECT 1 FROM tickets t WHERE t.workspace_id = w.id
          AND t.next_breach_at <= $1::timestamptz + make_interval(mins => ${MAX_WARN_SQL}))`,
    [now.toISOString()],
  );
  for (const ws of workspaces) {
    const settings = readSettings(ws.settings);
    const ctx = systemContext(server, { id: ws.id, name: ws.name, settings });
    const maxWarn = Math.max(0, ...settings.slaPolicies.map((p) => p.warnBeforeMinutes));
    const horizon = new Date(now.getTime() + maxWarn * 60_000).toISOString();
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const { rows }: { rows: { id: string; next_breach_at: string }[] } = await server.db.query(
        `SELECT id, next_breach_at FROM tickets WHERE workspace_id = $1 AND next_breach_at <= $2::timestamptz
           ${after ? 'AND (next_breach_at, id) > ($3::timestamptz, $4)' : ''}
         ORDER BY next_breach_at, id LIMIT ${BATCH}`,
        after ? [ws.id, horizon, after.at, after.id] : [ws.id, horizon],
      );
      for (const row of rows) {
        const r = await sweepTicket(ctx, row.id);
        total.warned += r.warned;
        total.breached += r.breached;
      }
      const last = rows.at(-1);
      if (!last || rows.length < BATCH) break;
      after = { at: last.next_breach_at, id: last.id };
    }
  }
  return total;
}
