import type { Database } from '@crmkit/server';

/** The stages of a big pipeline: six open ones, won and lost. */
export const BIG_PIPELINE_STAGES = [
  { name: 'Lead in', probability: 10, kind: 'open', rottingDays: 21 },
  { name: 'Contacted', probability: 20, kind: 'open', rottingDays: 14 },
  { name: 'Qualified', probability: 35, kind: 'open', rottingDays: 14 },
  { name: 'Demo', probability: 50, kind: 'open', rottingDays: 10 },
  { name: 'Proposal', probability: 65, kind: 'open', rottingDays: 7 },
  { name: 'Negotiation', probability: 80, kind: 'open', rottingDays: 5 },
  { name: 'Won', probability: 100, kind: 'won', rottingDays: null },
  { name: 'Lost', probability: 0, kind: 'lost', rottingDays: null },
] as const;

/** Options of {@link addBigPipeline}. */
export interface BigPipelineOptions {
  /** Deals to create, spread evenly over the 8 stages (default 10,000). */
  deals?: number;
  /** Pipeline id, also the prefix of its stages', deals' and companies' ids (default `pip_big`). */
  id?: string;
  name?: string;
  currency?: string;
  /** Make it the workspace's default pipeline. */
  isDefault?: boolean;
}

/** A big pipeline's ids. */
export interface BigPipeline {
  pipelineId: string;
  stageIds: string[];
}

/**
 * Adds a pipeline of 8 stages holding thousands of deals to a workspace, with SQL in one statement per table (the
 * API would take minutes): deal `i` sits in stage `i % 8`, ranked by `i` in it, with an amount, one of 200 companies of
 * its own, an owner among the workspace's users, an expected close date, tags, and activity times spread so that
 * some deals rot and their next activities are overdue, due today, later or none. For the board's benchmark and its
 * 10,000-deal story.
 *
 * @example
 * const sandbox = await startSandbox();
 * const { pipelineId } = await addBigPipeline(sandbox.db, sandbox.workspaces[0].id, { deals: 50_000 });
 */
export async function addBigPipeline(
  db: Database,
  workspaceId: string,
  {
    deals = 10_000,
    id = 'pip_big',
    name = 'Big pipeline',
    currency = 'VND',
    isDefault = false,
  }: BigPipelineOptions = {},
): Promise<BigPipeline> {
  const now = new Date().toISOString();
  const stages = BIG_PIPELINE_STAGES.map((s, i) => ({ id: `${id}_s${i}`, ...s, position: i }));
  if (isDefault) await db.query('UPDATE pipelines SET is_default = false WHERE workspace_id = $1', [workspaceId]);
  await db.query(
    `INSERT INTO pipelines (id, workspace_id, created_at, updated_at, search_text, name, currency, is_default, stages)
     VALUES ($1, $2, $3, $3, lower($4), $4, $5, $6, $7::jsonb)`,
    [id, workspaceId, now, name, currency, isDefault, JSON.stringify(stages)],
  );
  await db.query(
    `INSERT INTO companies (id, workspace_id, created_at, updated_at, search_text, name)
     SELECT $1 || '_c' || i, $2, $3, $3, lower('Công ty TNHH Thương mại ' || i), 'Công ty TNHH Thương mại ' || i
     FROM generate_series(0, 199) AS i`,
    [id, workspaceId, now],
  );
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE workspace_id = $1 ORDER BY id', [
    workspaceId,
  ]);
  const owners = rows.map((r) => r.id);
  await db.query(
    `INSERT INTO deals (id, workspace_id, created_at, updated_at, search_text, name, amount, currency, pipeline_id,
                        stage_id, probability, rank, status, expected_close_date, company_id, owner_id, tags,
                        stage_entered_at, last_activity_at, next_activity_at, lost_reason)
     SELECT $1 || '_d' || lpad(i::text, 6, '0'), $2, $3, $3, lower('deal ' || i || ' erp cloud'),
            'Deal ' || i || ' – ERP Cloud', (1 + i % 97) * 1000000, $5, $1,
            $1 || '_s' || (i % 8), (ARRAY[10, 20, 35, 50, 65, 80, 100, 0])[1 + i % 8],
            'a' || lpad((i / 8)::text, 7, '0') || 'V',
            CASE i % 8 WHEN 6 THEN 'won' WHEN 7 THEN 'lost' ELSE 'open' END,
            (current_date + (i % 300) - 60), $1 || '_c' || (i % 200),
            ($6::text[])[1 + i % greatest(cardinality($6::text[]), 1)],
            CASE WHEN i % 3 = 0 THEN ARRAY['erp'] WHEN i % 3 = 1 THEN ARRAY['pos', 'renewal'] ELSE '{}' END,
            $3::timestamptz - (i % 40) * interval '1 day',
            CASE WHEN i % 4 = 0 THEN NULL ELSE $3::timestamptz - (i % 25) * interval '1 day' END,
            CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN $3::timestamptz - (1 + i % 3) * interval '1 day'
                       WHEN 2 THEN $3::timestamptz + interval '1 minute' ELSE $3::timestamptz + (1 + i % 30) * interval '1 day' END,
            CASE WHEN i % 8 = 7 THEN 'Chose a competitor' END
     FROM generate_series(0, $4::int - 1) AS i`,
    [id, workspaceId, now, deals, currency, owners],
  );
  await db.query('ANALYZE deals');
  return { pipelineId: id, stageIds: stages.map((s) => s.id) };
}
