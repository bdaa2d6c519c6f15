import { addDays, instantAt, localDate } from '@crmkit/core';
import type { AutomationRule } from '@crmkit/spec';
import { type RequestContext, type ServerContext, withWrite } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { Params } from '../query/sql.js';
import { settle } from '../queue/queue.js';
import { backoffMs, type QueueHandler } from '../queue/worker.js';
import { filterSql } from './conditions.js';
import { dateCandidates, passWindow } from './dates.js';
import { enrol } from './enrol.js';
import { applyLifecycleRules } from './lifecycle.js';
import { recordDef } from './rules.js';
import { DAILY_QUEUE, nextSlot, SCHEDULE_QUEUE } from './schedule.js';

/** What one date pass did. */
export interface DatePassResult {
  rules: number;
  enrolled: number;
}

/**
 * The date triggers of a workspace for the local days since each rule's last pass (at most a week back): enrols every
 * record whose date falls on those days, each once per occurrence, with its run due at the rule's time of day. A rule
 * already passed today is skipped, so running it twice (or in two processes) enrols nobody twice.
 */
export async function runDatePass(ctx: RequestContext): Promise<DatePassResult> {
  const today = localDate(ctx.clock.now().getTime(), ctx.principal.settings.timeZone);
  const { rows } = await ctx.db.query<{ id: string }>(
    `SELECT id FROM automation_rules WHERE workspace_id = $1 AND enabled AND trigger_type = 'date'
        AND (scanned_through IS NULL OR scanned_through < $2::date)`,
    [ctx.principal.workspaceId, today],
  );
  const result: DatePassResult = { rules: 0, enrolled: 0 };
  for (const { id } of rows) {
    await withWrite(ctx, async (w) => {
      const { rows: locked } = await w.tx.query<AutomationRule & { scanned_through: string | null }>(
        `SELECT id, resource, trigger, conditions, steps, scanned_through FROM automation_rules
          WHERE id = $1 AND enabled FOR UPDATE SKIP LOCKED`,
        [id],
      );
      const rule = locked[0];
      const window = rule && passWindow(rule.scanned_through, today);
      if (!rule || !window || rule.trigger.type !== 'date') return;
      const candidates = dateCandidates(w, { ...rule, trigger: rule.trigger }, window.from, window.to);
      const runs = await enrol(w.tx, w.principal.workspaceId, rule, candidates, w.now);
      await w.tx.query('UPDATE automation_rules SET scanned_through = $2 WHERE id = $1', [id, today]);
      result.rules++;
      result.enrolled += runs.size;
    });
  }
  return result;
}

/** The daily pass's handler: date triggers and lifecycle rules, then the job is due again after the next midnight. */
export function dailyHandler(server: ServerContext): QueueHandler {
  return {
    queue: DAILY_QUEUE,
    async run(job) {
      const ctx = job.workspaceId ? await workspaceContext(server, job.workspaceId) : null;
      if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
      await runDatePass(ctx);
      await applyLifecycleRules(ctx);
      const tz = ctx.principal.settings.timeZone;
      const tomorrow = addDays(localDate(server.clock.now().getTime(), tz), 1);
      await server.db.transaction((tx) => settle(tx, job, new Date(instantAt(tomorrow, '00:01', tz))));
    },
    retryAfterMs: (job) => backoffMs(job.attempt, 60_000, 3_600_000),
    giveUp: async () => {},
  };
}

/** A schedule trigger's handler: enrols every record that meets the conditions in the slot, then waits for the next. */
export function scheduleHandler(server: ServerContext): QueueHandler {
  return {
    queue: SCHEDULE_QUEUE,
    async run(job) {
      const ctx = job.workspaceId ? await workspaceContext(server, job.workspaceId) : null;
      if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
      await withWrite(ctx, async (w) => {
        const { rows } = await w.tx.query<AutomationRule>(
          `SELECT id, resource, trigger, conditions, steps FROM automation_rules WHERE id = $1 AND enabled`,
          [job.key],
        );
        const rule = rows[0];
        if (rule?.trigger.type !== 'schedule') return settle(w.tx, job, null);
        const def = recordDef(rule.resource);
        const params = new Params();
        const where = filterSql(w, def, rule.conditions, params);
        const slot = params.add(`schedule:${job.runAt}`);
        const sql = `SELECT id AS record_id, ${slot}::text AS occurrence, ${params.add(w.now.toISOString(), 'timestamptz')} AS start_at
          FROM ${def.table.table} WHERE workspace_id = ${params.add(w.principal.workspaceId)} AND ${where}`;
        await enrol(w.tx, w.principal.workspaceId, rule, { sql, params }, w.now);
        const next = nextSlot(rule.trigger.cron, w.principal.settings.timeZone, w.now);
        await settle(w.tx, job, next);
      });
    },
    retryAfterMs: (job) => backoffMs(job.attempt, 60_000, 3_600_000),
    giveUp: async () => {},
  };
}
