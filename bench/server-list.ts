/**
 * Benchmark: the reference server on PostgreSQL with 1,000,000 contacts, list and search at 200 req/s.
 * Budget (DESIGN.md): p99 ≤ 25 ms. Writes bench/results/server-list.json; exits 1 when over budget.
 *
 *   CRMKIT_BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres pnpm bench server-list
 *
 * The data set is built once (database `crmkit_bench`) and reused by later runs.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../packages/server/src/db/database.js';
import { migrate } from '../packages/server/src/db/migrate.js';
import { provisionWorkspace } from '../packages/server/src/workspace/provision.js';

const CONTACTS = Number(process.env.CRMKIT_BENCH_CONTACTS ?? 1_000_000);
const RATE = 200;
const SECONDS = Number(process.env.CRMKIT_BENCH_SECONDS ?? 20);
const BUDGET_P99_MS = 25;
const base = process.env.CRMKIT_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const benchUrl = Object.assign(new URL(base), { pathname: '/crmkit_bench' }).toString();

async function prepare(): Promise<string> {
  const admin = await openDatabase({ url: base });
  const { rows } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'crmkit_bench'");
  if (rows.length === 0) await admin.query('CREATE DATABASE crmkit_bench');
  await admin.close();
  const db = await openDatabase({ url: benchUrl });
  await migrate(db);
  const ws = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE workspace_id = 'ws_bench'");
  if ((ws.rows[0]?.n ?? 0) !== CONTACTS) {
    console.log(`building ${CONTACTS.toLocaleString()} contacts…`);
    await db.query("DELETE FROM workspaces WHERE id = 'ws_bench'");
    await provisionWorkspace(db, {
      id: 'ws_bench',
      name: 'Bench',
      users: [{ name: 'Bench', email: 'b@bench.test', role: 'admin' }],
    });
    const t0 = Date.now();
    // Realistic spread: 40 first names × 40 last names, four stages, 20 owners, 2,000 companies, tags on 10 %.
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
    await db.query('ANALYZE contacts');
    console.log(`built in ${Math.round((Date.now() - t0) / 1000)} s`);
  }
  await db.query("DELETE FROM api_keys WHERE workspace_id = 'ws_bench'");
  await db.close();
  return benchUrl;
}

async function mintKey(url: string): Promise<string> {
  const db = await openDatabase({ url });
  const { sha256Hex, randomSecret } = await import('../packages/server/src/core/ids.js');
  const key = `ck_${randomSecret(24)}`;
  await db.query(
    "INSERT INTO api_keys (id, workspace_id, key_hash, role, name) VALUES ('key_bench', 'ws_bench', $1, 'admin', 'bench')",
    [await sha256Hex(key)],
  );
  await db.close();
  return key;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const url = await prepare();
  const key = await mintKey(url);
  const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=@crmkit/source', '--import', 'tsx', serve], {
    env: { ...process.env, CRMKIT_BENCH_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.on('exit', () => child.kill('SIGTERM'));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening on (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const origin = `http://127.0.0.1:${port}`;
  const first = (await (await fetch(`${origin}/v1/contacts?limit=50`, { headers })).json()) as { nextCursor: string };
  const kinds: Record<string, () => Promise<Response>> = {
    'list default': () => fetch(`${origin}/v1/contacts?limit=50`, { headers }),
    'list next page': () => fetch(`${origin}/v1/contacts?limit=50&cursor=${first.nextCursor}`, { headers }),
    'list -updatedAt': () => fetch(`${origin}/v1/contacts?limit=50&sort=-updatedAt`, { headers }),
    'filter stage': () => fetch(`${origin}/v1/contacts?limit=50&filter[lifecycleStage]=loyal`, { headers }),
    'filter owner': () => fetch(`${origin}/v1/contacts?limit=50&filter[ownerId]=usr_b7`, { headers }),
    'q search': () => fetch(`${origin}/v1/contacts?limit=50&q=mai.wright`, { headers }),
    // A name as displayed, its words in another order than stored ("Mai Wright" is stored first name first).
    'q name words': () => fetch(`${origin}/v1/contacts?limit=50&q=${encodeURIComponent('Wright, Mai')}`, { headers }),
    'search tree': () =>
      fetch(`${origin}/v1/contacts/search`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          filter: {
            and: [
              { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
              { field: 'tags', op: 'eq', value: 'vip' },
            ],
          },
          limit: 50,
        }),
      }),
  };
  const names = Object.keys(kinds);
  // Warm up, then an open-loop load: requests start on schedule whatever the latency.
  for (const n of names) for (let i = 0; i < 20; i++) await (await kinds[n]!()).arrayBuffer();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let errors = 0;
  const total = RATE * SECONDS;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const name = names[i % names.length]!;
    inflight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const res = await kinds[name]!();
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          samples[name]!.push(performance.now() - t0);
        } catch {
          errors++; // e.g. a connection the overloaded server did not accept in time
        }
      })(),
    );
  }
  await Promise.all(inflight);
  const achieved = total / ((performance.now() - start) / 1000);
  child.kill('SIGTERM');
  const all = Object.values(samples)
    .flat()
    .sort((a, b) => a - b);
  const byKind = Object.fromEntries(
    names.map((n) => {
      const s = samples[n]!.sort((a, b) => a - b);
      return [
        n,
        { p50: +percentile(s, 50).toFixed(2), p95: +percentile(s, 95).toFixed(2), p99: +percentile(s, 99).toFixed(2) },
      ];
    }),
  );
  const p99 = +percentile(all, 99).toFixed(2);
  const result = {
    benchmark: 'server-list',
    date: new Date().toISOString(),
    contacts: CONTACTS,
    targetRate: RATE,
    achievedRate: +achieved.toFixed(1),
    requests: total,
    errors,
    p50: +percentile(all, 50).toFixed(2),
    p95: +percentile(all, 95).toFixed(2),
    p99,
    budgetP99: BUDGET_P99_MS,
    pass: p99 <= BUDGET_P99_MS && errors === 0,
    byKind,
  };
  writeFileSync(new URL('./results/server-list.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.pass ? 0 : 1);
}

await main();
