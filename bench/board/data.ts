/**
 * The board benchmark's data: a workspace with an 8-stage pipeline (6 open stages, won, lost) holding N deals, 200
 * companies and 12 owners, built with SQL in one statement per table (the API would take minutes for 50,000 deals),
 * on PGlite in this process — the widget reads it through the reference server like any host would.
 */
import type { Database } from '../../packages/server/src/db/database.js';
import { openDatabase } from '../../packages/server/src/db/database.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { provisionWorkspace } from '../../packages/server/src/provision.js';

export const STAGES = [
  { name: 'Lead in', probability: 10, kind: 'open' },
  { name: 'Contacted', probability: 20, kind: 'open' },
  { name: 'Qualified', probability: 35, kind: 'open' },
  { name: 'Demo', probability: 50, kind: 'open' },
  { name: 'Proposal', probability: 65, kind: 'open' },
  { name: 'Negotiation', probability: 80, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

export interface BenchData {
  db: Database;
  apiKey: string;
  pipelineId: string;
  stageIds: string[];
}

/** A database with `deals` deals spread evenly over the 8 stages, in rank order by number. */
export async function buildData(deals: number): Promise<BenchData> {
  const db = await openDatabase();
  await migrate(db);
  const ws = await provisionWorkspace(db, {
    id: 'ws_bench',
    name: 'Board bench',
    settings: { defaultCurrency: 'VND' },
    users: Array.from({ length: 12 }, (_, i) => ({
      id: `usr_b${i}`,
      name:
        ['Nguyễn Văn An', 'Trần Thị Bình', 'Somchai Jaidee', 'Emily Carter', 'Lê Minh', 'Phạm Hà'][i % 6]! + ` ${i}`,
      email: `owner${i}@bench.test`,
      role: 'admin' as const,
    })),
    keys: [{ label: 'admin', role: 'admin', userEmail: 'owner0@bench.test' }],
  });
  const now = new Date().toISOString();
  const stages = STAGES.map((s, i) => ({ id: `stg_b${i}`, ...s, position: i }));
  await db.query(
    `INSERT INTO pipelines (id, workspace_id, created_at, updated_at, search_text, name, currency, is_default, stages)
     VALUES ('pip_bench', 'ws_bench', $1, $1, 'sales', 'Sales', 'VND', true, $2::jsonb)`,
    [now, JSON.stringify(stages)],
  );
  await db.query(
    `INSERT INTO companies (id, workspace_id, created_at, updated_at, search_text, name)
     SELECT 'com_b' || i, 'ws_bench', $1, $1, lower('Company ' || i), 'Công ty TNHH Thương mại ' || i
     FROM generate_series(0, 199) AS i`,
    [now],
  );
  // Deal i sits in stage i % 8, ranked by i within it; amounts, owners, close dates and tags vary with i.
  await db.query(
    `INSERT INTO deals (id, workspace_id, created_at, updated_at, search_text, name, amount, currency, pipeline_id,
                        stage_id, probability, rank, status, expected_close_date, company_id, owner_id, tags)
     SELECT 'dea_b' || lpad(i::text, 6, '0'), 'ws_bench', $1, $1, lower('deal ' || i),
            'Deal ' || i || ' – ERP Cloud', (1 + i % 97) * 1000000, 'VND', 'pip_bench',
            'stg_b' || (i % 8), (ARRAY[10,20,35,50,65,80,100,0])[1 + i % 8],
            'a' || lpad((i / 8)::text, 7, '0') || 'V',
            CASE i % 8 WHEN 6 THEN 'won' WHEN 7 THEN 'lost' ELSE 'open' END,
            (date '2026-01-01' + (i % 300)), 'com_b' || (i % 200), 'usr_b' || (i % 12),
            CASE WHEN i % 3 = 0 THEN ARRAY['erp'] WHEN i % 3 = 1 THEN ARRAY['pos', 'renewal'] ELSE '{}' END
     FROM generate_series(0, $2::int - 1) AS i`,
    [now, deals],
  );
  await db.query('ANALYZE deals');
  return { db, apiKey: ws.keys.admin!, pipelineId: 'pip_bench', stageIds: stages.map((s) => s.id) };
}
