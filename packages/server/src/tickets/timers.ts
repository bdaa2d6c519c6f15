import { type ServerContext, systemContext } from '../core/context.js';
import { readSettings } from '../core/settings.js';
import { sweepPresence } from './presence.js';
import { type SweepResult, sweepSla } from './sla-sweep.js';
import { wakeSnoozed } from './wake.js';

/** What one run of the server's timers did. */
export interface TimerResult {
  sla: SweepResult;
  /** Snoozed tickets woken because their time came. */
  woken: number;
  /** Presences ended because nobody renewed them. */
  presenceExpired: number;
}

/** Runs every timer of the ticket domain once: SLA warnings and breaches, snooze wake-ups, presence expiry. */
export async function runTimers(server: ServerContext): Promise<TimerResult> {
  const sla = await sweepSla(server);
  const woken = await wakeSnoozed(server);
  const presenceExpired = await sweepPresence(
    async (id) => {
      const { rows } = await server.db.query<{ name: string; settings: unknown }>(
        'SELECT name, settings FROM workspaces WHERE id = $1',
        [id],
      );
      if (!rows[0]) return null;
      return systemContext(server, { id, name: rows[0].name, settings: readSettings(rows[0].settings) });
    },
    server.db,
    server.clock.now(),
  );
  return { sla, woken, presenceExpired };
}
