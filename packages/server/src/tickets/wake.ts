import { type RequestContext, type ServerContext, systemContext, withWrite } from '../core/context.js';
import { readSettings } from '../core/settings.js';
import { applyUpdate } from '../resources/engine.js';
import { ticketResource } from './resource.js';
import { wakeBecause } from './snooze.js';

/**
 * Wakes the snoozed tickets whose time has come, each in its own transaction (`ticket.unsnoozed` with `wokenBy:
 * 'time'`, and `ticket.updated`). Safe to run often and from several processes: a ticket is woken once.
 */
export async function wakeSnoozed(server: ServerContext): Promise<number> {
  const now = server.clock.now();
  const { rows } = await server.db.query<{ id: string; workspace_id: string; name: string; settings: unknown }>(
    `SELECT t.id, t.workspace_id, w.name, w.settings FROM tickets t JOIN workspaces w ON w.id = t.workspace_id
      WHERE t.snoozed_until <= $1 ORDER BY t.snoozed_until LIMIT 1000`,
    [now.toISOString()],
  );
  let woken = 0;
  for (const row of rows) {
    const settings = readSettings(row.settings);
    const ctx: RequestContext = systemContext(server, { id: row.workspace_id, name: row.name, settings });
    woken += await withWrite(ctx, async (w) => {
      const { rows: still } = await w.tx.query(
        'SELECT 1 FROM tickets WHERE workspace_id = $1 AND id = $2 AND snoozed_until <= $3 FOR UPDATE',
        [row.workspace_id, row.id, w.now.toISOString()],
      );
      if (still.length === 0) return 0;
      wakeBecause(w, row.id, 'time');
      await applyUpdate(w, ticketResource, row.id, { snooze: null }, null);
      return 1;
    });
  }
  return woken;
}
