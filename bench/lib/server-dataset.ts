import { createCrmServer } from '../../packages/server/src/app.js';
import { randomSecret, sha256Hex } from '../../packages/server/src/core/ids.js';
import { openDatabase } from '../../packages/server/src/db/database.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { rebuildSortNames } from '../../packages/server/src/db/sort-names.js';
import { provisionWorkspace } from '../../packages/server/src/workspace/provision.js';

export const CONTACTS = Number(process.env.CRMKIT_BENCH_CONTACTS ?? 1_000_000);
export const BENCH_WS = 'ws_bench';
/** Contacts the write benchmark updates in turn (each rarely: no contention on one row). */
const UPDATED = 2000;
const DEALS = 200;

const base = process.env.CRMKIT_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
/** The database of the data set: give a branch its own when comparing two, as each migrates it to its own schema. */
const benchDb = process.env.CRMKIT_BENCH_DATABASE ?? 'crmkit_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(benchDb)) throw new Error(`CRMKIT_BENCH_DATABASE must be a plain name: ${benchDb}`);

/** The benchmark database, an admin API key, and the records the write benchmark changes (with their versions). */
export interface Prepared {
  url: string;
  key: string;
  contacts: { id: string; version: number }[];
  deals: { id: string; version: number; stage: number }[];
  stages: string[];
}

/** Removes what the write benchmark created (contacts) and logged (events, idempotency keys). */
export async function cleanUpWrites(url: string): Promise<void> {
  const db = await openDatabase({ url });
  await db.query("DELETE FROM contacts WHERE workspace_id = $1 AND last_name = 'BenchWrite'", [BENCH_WS]);
  await db.query('DELETE FROM idempotency_keys WHERE workspace_id = $1', [BENCH_WS]);
  await db.query('DELETE FROM events WHERE workspace_id = $1', [BENCH_WS]);
  await db.query('DELETE FROM activities WHERE workspace_id = $1', [BENCH_WS]);
  await db.close();
}

/**
 * The 1,000,000-contact data set in database `crmkit_bench` (or `CRMKIT_BENCH_DATABASE`; built once, reused: a realistic spread of 40 × 40 names,
 * four stages, 20 owners, 2,000 companies, tags on 10 %), a pipeline of two stages with 200 deals, and a new API key.
 */
export async function prepare(): Promise<Prepared> {
  const admin = await openDatabase({ url: base });
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [benchDb]);
  if (rows.length === 0) await admin.query(`CREATE DATABASE ${benchDb}`);
  await admin.close();
  const url = Object.assign(new URL(base), { pathname: `/${benchDb}` }).toString();
  const db = await openDatabase({ url });
  const m0 = Date.now();
  const applied = await migrate(db);
  if (applied.length > 0)
    console.log(`migrations ${applied.join(', ')} applied in ${Math.round((Date.now() - m0) / 1000)} s`);
  await cleanUpWrites(url);
  const ws = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1', [
    BENCH_WS,
  ]);
  if ((ws.rows[0]?.n ?? 0) !== CONTACTS) {
    console.log(`building ${CONTACTS.toLocaleString()} contacts…`);
    await db.query('DELETE FROM workspaces WHERE id = $1', [BENCH_WS]);
    await provisionWorkspace(db, {
      id: BENCH_WS,
      name: 'Bench',
      users: [{ name: 'Bench', email: 'b@bench.test', role: 'admin' }],
    });
    const t0 = Date.now();
    await db.query(`
      INSERT INTO contacts (id, workspace_id, created_at, updated_at, search_text, first_name, last_name, emails, phones,
                            company_id, lifecycle_stage, owner_id, tags, consent, custom_fields)
      SELECT 'con_b' || lpad(i::text, 8, '0'), 'ws_bench',
             timestamptz '2025-01-01' + (i || ' seconds')::interval,
             timestamptz '2025-01-01' + ((i::bigint * 7919 % 1000000) || ' seconds')::interval,
             lower(f || ' ' || l || ' ' || f || '.' || l || i || '@example.com'),
             f, l, ARRAY[lower(f || '.' || l || i || '@example.com')], ARRAY['+8490' || lpad(i::text, 7, '0')],
             'com_b' || (i % 2000), (ARRAY['potential','active','loyal','lost'])[1 + i % 4], 'usr_b' || (i % 20),
             CASE WHEN i % 10 = 0 THEN ARRAY['vip'] ELSE '{}' END, '{}', '{}'
      FROM generate_series(1, ${CONTACTS}) AS i,
           LATERAL (SELECT (ARRAY['An','Bình','Chi','Dũng','Giang','Hà','Hải','Hương','Khoa','Lan','Linh','Long','Mai','Minh','Nam','Ngọc','Phúc','Quân','Thảo','Trang','Somchai','Suda','Anan','Kanya','Niran','Ploy','Chai','Mali','Arthit','Dao','Emma','Liam','Olivia','Noah','Ava','Lucas','Mia','Ethan','Zoe','Leo'])[1 + i % 40] AS f,
                          (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý','Saetang','Srisai','Wongsa','Chaiyaporn','Boonmee','Suksawat','Rattana','Thongchai','Kittisak','Jaidee','Smith','Brown','Taylor','Wilson','Davies','Evans','Thomas','Johnson','Roberts','Walker','Wright','Green','Hall','Wood'])[1 + (i / 40) % 40] AS l) AS names`);
    await db.transaction((tx) => rebuildSortNames(tx));
    await db.query('ANALYZE contacts');
    console.log(`built in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  await db.query('DELETE FROM api_keys WHERE workspace_id = $1', [BENCH_WS]);
  const key = `ck_${randomSecret(24)}`;
  await db.query(
    "INSERT INTO api_keys (id, workspace_id, key_hash, role, name) VALUES ('key_bench', $1, $2, 'admin', 'bench')",
    [BENCH_WS, await sha256Hex(key)],
  );
  // The pipeline and deals the moves use, made once through the server (ranks, probabilities, events as in use).
  const pipelines = await db.query<{ stages: { id: string }[] }>(
    "SELECT stages FROM pipelines WHERE workspace_id = $1 AND name = 'Bench moves'",
    [BENCH_WS],
  );
  if (pipelines.rows.length === 0) {
    const server = await createCrmServer({ db });
    const call = async (method: string, path: string, body: unknown) =>
      (
        await server.fetch(
          new Request(`http://bench${path}`, {
            method,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        )
      ).json();
    const pipeline = await call('POST', '/v1/pipelines', {
      name: 'Bench moves',
      currency: 'VND',
      stages: [
        { name: 'Open', probability: 20, kind: 'open' },
        { name: 'Later', probability: 60, kind: 'open' },
      ],
    });
    for (let i = 0; i < DEALS; i++) {
      await call('POST', '/v1/deals', { name: `Deal ${i}`, pipelineId: pipeline.id, amount: 1000 * i });
    }
  }
  const { rows: pipeline } = await db.query<{ id: string; stages: { id: string }[] }>(
    "SELECT id, stages FROM pipelines WHERE workspace_id = $1 AND name = 'Bench moves'",
    [BENCH_WS],
  );
  const stages = pipeline[0]!.stages.map((s) => s.id);
  const deals = await db.query<{ id: string; version: number; stage_id: string }>(
    'SELECT id, version, stage_id FROM deals WHERE workspace_id = $1 AND pipeline_id = $2 ORDER BY id',
    [BENCH_WS, pipeline[0]!.id],
  );
  const contacts = await db.query<{ id: string; version: number }>(
    `SELECT id, version FROM contacts WHERE workspace_id = $1 AND id <= 'con_b${String(UPDATED).padStart(8, '0')}' ORDER BY id`,
    [BENCH_WS],
  );
  await db.close();
  return {
    url,
    key,
    contacts: contacts.rows,
    deals: deals.rows.map((d) => ({ id: d.id, version: d.version, stage: stages.indexOf(d.stage_id) })),
    stages,
  };
}
