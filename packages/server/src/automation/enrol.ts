import type { AutomationRule } from '@crmkit/spec';
import type { Queryable } from '../db/types.js';
import { Params } from '../query/sql.js';

/** The queue of runs: one job per run, due when its next step is. */
export const RUN_QUEUE = 'automation.run';

/** Who enrols, and when they start: a SELECT of `record_id`, `occurrence` and `start_at` (timestamptz). */
export interface Candidates {
  sql: string;
  params: Params;
}

/**
 * Enrols the candidates in `rule`, in `tx`: one run per (rule, record, occurrence) — a candidate that already has one
 * is skipped, so a trigger seen twice runs once — each with a job due at its start. The run's id is derived from that
 * key. Counts the new runs on the rule.
 * @returns the new runs (record id → run id)
 */
export async function enrol(
  tx: Queryable,
  workspaceId: string,
  rule: Pick<AutomationRule, 'id' | 'resource' | 'steps'>,
  candidates: Candidates,
  now: Date,
  depth = 0,
): Promise<Map<string, string>> {
  const p = candidates.params;
  const ws = p.add(workspaceId);
  const ruleId = p.add(rule.id);
  const at = p.add(now.toISOString(), 'timestamptz');
  const { rows } = await tx.query<{ id: string; record_id: string }>(
    `WITH cand AS (${candidates.sql}),
     ins AS (
       INSERT INTO automation_runs (id, workspace_id, rule_id, resource, record_id, occurrence, status, definition, cursor,
                                    depth, started_at, next_step_at)
       SELECT 'run_' || substr(md5(${ruleId} || ':' || record_id || ':' || occurrence), 1, 24), ${ws}, ${ruleId},
              ${p.add(rule.resource)}, record_id, occurrence, 'waiting', ${p.add(JSON.stringify({ steps: rule.steps }))}::jsonb,
              '0', ${p.add(depth)}, ${at}, GREATEST(start_at, ${at})
         FROM cand
       ON CONFLICT (rule_id, record_id, occurrence) DO NOTHING
       RETURNING id, record_id, next_step_at),
     queued AS (
       INSERT INTO jobs (queue, key, workspace_id, payload, run_at, created_at)
       SELECT '${RUN_QUEUE}', id, ${ws}, '{}', next_step_at, ${at} FROM ins ON CONFLICT DO NOTHING)
     SELECT id, record_id FROM ins`,
    p.values,
  );
  if (rows.length > 0) {
    await tx.query(
      'UPDATE automation_rules SET runs = runs + $3, last_run_at = $4 WHERE workspace_id = $1 AND id = $2',
      [workspaceId, rule.id, rows.length, now.toISOString()],
    );
  }
  return new Map(rows.map((r) => [r.record_id, r.id]));
}

/** Candidates from a list of records, all with one occurrence, starting at `startAt`. */
export function listedCandidates(recordIds: readonly string[], occurrence: string, startAt: Date): Candidates {
  const params = new Params();
  return {
    sql: `SELECT unnest(${params.add(recordIds, 'text[]')}) AS record_id, ${params.add(occurrence)}::text AS occurrence, ${params.add(startAt.toISOString(), 'timestamptz')} AS start_at`,
    params,
  };
}
