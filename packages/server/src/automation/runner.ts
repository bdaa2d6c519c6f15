import { nextWindow } from '@crmkit/core';
import type { AutomationResource, AutomationStep, AutomationWindow } from '@crmkit/spec';
import { type RequestContext, type ServerContext, type WriteContext, withWrite } from '../core/context.js';
import { newId } from '../core/ids.js';
import type { WorkspaceSettings } from '../core/settings.js';
import { workspaceContext } from '../core/system.js';
import { problemOf } from '../http/problem.js';
import { notifyUser } from '../notifications/notify.js';
import { contactTimeZone } from '../outbox/outbox.js';
import { errorText, type Job, settle } from '../queue/queue.js';
import { backoffMs, type QueueHandler } from '../queue/worker.js';
import { type AnyRecord, getRecord } from '../resources/engine.js';
import { runAction } from './actions.js';
import { matchingIds } from './conditions.js';
import { RUN_QUEUE } from './enrol.js';
import { recordDef } from './rules.js';
import { enterBranch, nextPath, stepAt } from './steps.js';

/** Attempts of a failing step before its run fails. */
export const MAX_STEP_ATTEMPTS = 5;
/** Steps one segment of a run may take before it yields (a rule of only instant steps still ends). */
const MAX_STEPS_PER_SEGMENT = 60;

interface RunRow {
  id: string;
  workspace_id: string;
  rule_id: string;
  resource: AutomationResource;
  record_id: string;
  status: string;
  definition: { steps: AutomationStep[] };
  cursor: string | null;
  depth: number;
}

/**
 * When a delay step ends, from `from`: after its minutes, then at the next opening of its window (a time of day on
 * allowed weekdays, in the contact's time zone or the workspace's).
 */
export function delayEnd(
  from: Date,
  step: { minutes?: number | undefined; until?: AutomationWindow | undefined },
  settings: WorkspaceSettings,
  contact: AnyRecord | null,
): Date {
  let at = from.getTime() + (step.minutes ?? 0) * 60_000;
  if (step.until) {
    const tz = step.until.zone === 'contact' ? contactTimeZone(contact, settings) : settings.timeZone;
    at = nextWindow(at, step.until.time, tz, step.until.weekdays);
  }
  return new Date(at);
}

/** Logs what a step did. */
async function logStep(
  w: { tx: WriteContext['tx']; principal: RequestContext['principal']; now: Date },
  runId: string,
  path: string,
  type: string,
  outcome: string,
  attempt: number,
  detail: string | null,
  error: string | null = null,
) {
  await w.tx.query(
    `INSERT INTO automation_steps (id, workspace_id, run_id, path, type, outcome, attempt, at, detail, error)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      newId('stp', w.now.getTime()),
      w.principal.workspaceId,
      runId,
      path,
      type,
      outcome,
      attempt,
      w.now.toISOString(),
      detail?.slice(0, 2000) ?? null,
      error?.slice(0, 2000) ?? null,
    ],
  );
}

/** Ends a run: its status, and `automation.run.completed` / `automation.run.failed` on the feed. */
async function finishRun(
  w: WriteContext,
  run: RunRow,
  status: 'completed' | 'failed' | 'cancelled',
  error: string | null,
) {
  const { rows } = await w.tx.query(
    `UPDATE automation_runs SET status = $2, finished_at = $3, next_step_at = NULL, error = $4 WHERE id = $1
     RETURNING id, rule_id, resource, record_id, occurrence, status, started_at, finished_at, error`,
    [run.id, status, w.now.toISOString(), error],
  );
  if (status === 'cancelled') return;
  w.emit({
    type: status === 'completed' ? 'automation.run.completed' : 'automation.run.failed',
    resource: 'automation-runs',
    resourceId: run.id,
    data: rows[0] ?? { id: run.id },
  });
}

/**
 * Runs a run's steps from its cursor, in one transaction with the job's settlement: actions, their log, the cursor
 * and the job commit together, so a step is done exactly once — or, when anything fails, nothing of it is, and the job
 * retries. A delay ends the segment: the run waits, its job due when the delay ends (a restart meanwhile loses
 * nothing: the job is in the database).
 */
async function runSegment(ctx: RequestContext, job: Job): Promise<void> {
  await withWrite(ctx, async (w) => {
    const { rows } = await w.tx.query<RunRow>('SELECT * FROM automation_runs WHERE id = $1 FOR UPDATE', [job.key]);
    const run = rows[0];
    if (!run || (run.status !== 'waiting' && run.status !== 'running')) return settle(w.tx, job, null);
    const { rows: rules } = await w.tx.query<{ enabled: boolean; name: string }>(
      'SELECT enabled, name FROM automation_rules WHERE id = $1',
      [run.rule_id],
    );
    if (!rules[0]?.enabled) {
      await logStep(w, run.id, run.cursor ?? '0', 'run', 'skipped', 1, 'the rule was switched off');
      await finishRun(w, run, 'cancelled', 'the rule was switched off');
      return settle(w.tx, job, null);
    }
    w.origin = { ruleIds: [run.rule_id], depth: run.depth };
    const steps = run.definition.steps;
    const def = recordDef(run.resource);
    let path: string | null = run.cursor;
    for (let n = 0; path !== null && n < MAX_STEPS_PER_SEGMENT; n++) {
      const step = stepAt(steps, path);
      if (!step) break;
      const record = await getRecord(w, def, run.record_id, w.tx).catch(() => null);
      if (!record) {
        await logStep(w, run.id, path, step.type, 'skipped', 1, 'the record was deleted');
        await finishRun(w, run, 'cancelled', 'the record was deleted');
        return settle(w.tx, job, null);
      }
      if (step.type === 'delay') {
        const contact = run.resource === 'contacts' ? record : null;
        const until = delayEnd(w.now, step, w.principal.settings, contact);
        const next = nextPath(steps, path);
        if (until.getTime() > w.now.getTime()) {
          await logStep(w, run.id, path, 'delay', 'waiting', 1, `until ${until.toISOString()}`);
          await w.tx.query(
            "UPDATE automation_runs SET cursor = $2, status = 'waiting', next_step_at = $3 WHERE id = $1",
            [run.id, next, until.toISOString()],
          );
          if (next === null) break;
          return settle(w.tx, job, until);
        }
        await logStep(w, run.id, path, 'delay', 'done', 1, 'no wait');
        path = next;
        continue;
      }
      if (step.type === 'branch') {
        const matches = (await matchingIds(w, w.tx, def, [record.id], step.if)).length > 0;
        await logStep(w, run.id, path, 'branch', 'done', 1, matches ? 'yes' : 'no');
        path = enterBranch(steps, path, matches ? 'yes' : 'no');
        continue;
      }
      const target = {
        runId: run.id,
        ruleId: run.rule_id,
        ruleName: rules[0].name,
        path,
        resource: run.resource,
        record,
      };
      const result = await runAction(w, target, step);
      await logStep(w, run.id, path, step.type, result.outcome, job.attempt, result.detail);
      path = nextPath(steps, path);
    }
    if (path === null || !stepAt(steps, path)) {
      await w.tx.query('UPDATE automation_runs SET cursor = NULL WHERE id = $1', [run.id]);
      await finishRun(w, run, 'completed', null);
      return settle(w.tx, job, null);
    }
    // Yielding after many instant steps: the rest runs at once, in the next segment.
    await w.tx.query("UPDATE automation_runs SET cursor = $2, status = 'running' WHERE id = $1", [run.id, path]);
    return settle(w.tx, job, w.now);
  });
}

/** Whether an error is the rule's or the data's (retrying cannot help): a 4xx problem other than 408/409/429. */
function isPermanent(error: unknown): boolean {
  const status = problemOf(error)?.problem.status;
  return status !== undefined && status >= 400 && status < 500 && ![408, 409, 429].includes(status);
}

/** The run queue's handler: segments, retries with backoff (logged), then failure (logged, on the feed, told). */
export function runHandler(server: ServerContext): QueueHandler {
  const contextOf = async (job: Job) => (job.workspaceId ? workspaceContext(server, job.workspaceId) : null);
  return {
    queue: RUN_QUEUE,
    async run(job) {
      const ctx = await contextOf(job);
      if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
      await runSegment(ctx, job);
    },
    retryAfterMs(job, error) {
      if (isPermanent(error) || job.attempt >= MAX_STEP_ATTEMPTS) return null;
      return backoffMs(job.attempt, 60_000, 6 * 3_600_000);
    },
    async onRetry(job, error, next) {
      const ctx = await contextOf(job);
      if (!ctx) return;
      await withWrite(ctx, async (w) => {
        const { rows } = await w.tx.query<RunRow>(
          "UPDATE automation_runs SET status = 'running', next_step_at = $2 WHERE id = $1 RETURNING *",
          [job.key, next.toISOString()],
        );
        const run = rows[0];
        if (!run) return;
        const type = run.cursor ? (stepAt(run.definition.steps, run.cursor)?.type ?? 'run') : 'run';
        await logStep(
          w,
          run.id,
          run.cursor ?? '0',
          type,
          'retrying',
          job.attempt,
          `next attempt ${next.toISOString()}`,
          errorText(error),
        );
      });
    },
    async giveUp(job, error) {
      const ctx = await contextOf(job);
      if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
      await withWrite(ctx, async (w) => {
        const { rows } = await w.tx.query<RunRow>('SELECT * FROM automation_runs WHERE id = $1 FOR UPDATE', [job.key]);
        await settle(w.tx, job, null);
        const run = rows[0];
        if (!run) return;
        const message = errorText(error);
        const type = run.cursor ? (stepAt(run.definition.steps, run.cursor)?.type ?? 'run') : 'run';
        await logStep(w, run.id, run.cursor ?? '0', type, 'failed', job.attempt, null, message);
        await finishRun(w, run, 'failed', message);
        const { rows: rules } = await w.tx.query<{ name: string; owner_id: string | null }>(
          'UPDATE automation_rules SET failures = failures + 1, last_failure_at = $2 WHERE id = $1 RETURNING name, owner_id',
          [run.rule_id, w.now.toISOString()],
        );
        const owner = rules[0]?.owner_id;
        if (owner) {
          await notifyUser(w, {
            userId: owner,
            kind: 'automation_failed',
            title: `Automation failed: ${rules[0]!.name}`.slice(0, 300),
            body: message,
            resource: run.resource,
            resourceId: run.record_id,
            dedupeKey: `run-failed:${run.id}`,
          });
        }
      });
    },
  };
}
