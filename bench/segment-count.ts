/**
 * Benchmark: the live count of segments over 1,000,000 contacts (issue 16: ≤ 1 s on PostgreSQL), through the server
 * (`POST /v1/segments/preview` with `sample: 0`, and a saved segment's `GET …/members?count=true&limit=50`).
 *
 * Method: a fitness club's contacts built with SQL (birthdays over 45 years, membership expiries over 425 days, four
 * lifecycle stages, a plan, tags) and 250,000 activities (meetings and calls over the last 120 days); then each
 * segment is counted 5 times (median). Baseline in the same run: `SELECT count(*)` of every contact of the workspace
 * sent straight to the database — the floor any count pays.
 *
 *   pnpm bench segment-count
 *   CRMKIT_BENCH_CONTACTS=100000 CRMKIT_BENCH_TARGETS=pglite,postgres pnpm bench segment-count
 *
 * PostgreSQL gets a database of its own (`crmkit_bench_segments`, rebuilt each run). Writes
 * bench/results/segment-count.json; exits 1 when a median count is over budget or not exact.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createCrmServer } from '../packages/server/src/app.js';
import { manualClock } from '../packages/server/src/core/clock.js';
import { migrate } from '../packages/server/src/db/migrate.js';
import type { Database } from '../packages/server/src/db/types.js';
import { benchDatabase, jsonApi, provisionClub } from './lib/club-workspace.js';
import { machine, median } from './lib/machine.js';

const CONTACTS = Number(process.env.CRMKIT_BENCH_CONTACTS ?? 1_000_000);
const TARGETS = (process.env.CRMKIT_BENCH_TARGETS ?? 'postgres').split(',');
const BUDGET_MS: Record<string, number> = { pglite: 5000, postgres: 1000 };
const RUNS = 5;
const WS = 'ws_bench_segments';
const NOW = '2027-03-01T03:00:00.000Z';

/** The segments counted: what a club asks of its members. */
const SEGMENTS = {
  'expires within 30 days (active or loyal)': {
    and: [
      { field: 'customFields.membershipExpiry', op: 'inNextDays', days: 30 },
      { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
    ],
  },
  'birthday in the next 7 days': { field: 'birthday', op: 'inNextDays', days: 7, yearly: true },
  'no visit for 21 days (active)': {
    and: [
      { field: 'lifecycleStage', op: 'eq', value: 'active' },
      { activity: { types: ['meeting'], inLastDays: 21 }, has: false },
    ],
  },
  'a call in the last 90 days': { activity: { types: ['call'], inLastDays: 90 }, has: true },
  'vip tag or premium plan': {
    or: [
      { field: 'tags', op: 'in', value: ['vip'] },
      { field: 'customFields.membershipPlan', op: 'eq', value: 'premium' },
    ],
  },
};

async function build(db: Database) {
  await db.query(`
    INSERT INTO contacts (id, workspace_id, created_at, updated_at, search_text, first_name, last_name, emails, phones,
                          lifecycle_stage, tags, consent, custom_fields, birthday)
    SELECT 'con_s' || lpad(i::text, 8, '0'), '${WS}', timestamptz '2025-01-01', timestamptz '2025-01-01',
           'member ' || i, 'Member' || i, 'Nguyễn', ARRAY['m' || i || '@example.vn'], '{}',
           (ARRAY['active','active','loyal','lost'])[1 + i % 4], CASE WHEN i % 10 = 0 THEN ARRAY['vip'] ELSE '{}' END, '{}',
           jsonb_build_object('membershipExpiry', to_char(date '2027-03-01' - 60 + (i::bigint * 7919 % 425)::int, 'YYYY-MM-DD'),
                              'membershipPlan', (ARRAY['basic','premium','vip'])[1 + i % 3]),
           date '1960-01-01' + (i::bigint * 104729 % 16436)::int
      FROM generate_series(1, ${CONTACTS}) AS i`);
  await db.query(`
    INSERT INTO activities (id, workspace_id, created_at, updated_at, type, occurred_at, contact_id)
    SELECT 'act_s' || lpad(i::text, 8, '0'), '${WS}', timestamptz '2025-01-01', timestamptz '2025-01-01',
           CASE WHEN i % 3 = 0 THEN 'call' ELSE 'meeting' END,
           timestamptz '${NOW}' - ((i::bigint * 7907 % 120) || ' days')::interval,
           'con_s' || lpad((1 + (i::bigint * 15485863 % ${CONTACTS}))::text, 8, '0')
      FROM generate_series(1, ${Math.round(CONTACTS / 4)}) AS i`);
  await db.query('ANALYZE contacts');
  await db.query('ANALYZE activities');
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = await fn();
    ms.push(round(performance.now() - start));
  }
  return { ms, last };
}

async function benchTarget(target: string) {
  const db = await benchDatabase(target, 'crmkit_bench_segments');
  try {
    await migrate(db);
    const clock = manualClock(NOW);
    const ws = await provisionClub(db, { id: WS, clock, timeZone: 'Asia/Ho_Chi_Minh' });
    const t0 = performance.now();
    await build(db);
    const buildMs = Math.round(performance.now() - t0);
    const server = await createCrmServer({ db, clock, onError: (e) => console.error(e) });
    const send = jsonApi(server, ws.keys.admin!);

    const floor = await timed(() => db.query('SELECT count(*) AS n FROM contacts WHERE workspace_id = $1', [WS]));
    const baseline = { medianMs: median(floor.ms), ms: floor.ms };
    console.log(`  ${target} baseline count(*) of every contact: median ${baseline.medianMs} ms`);
    const segments = [];
    for (const [name, filter] of Object.entries(SEGMENTS)) {
      const preview = await timed(() => send('POST', '/v1/segments/preview', { filter, sample: 0 }));
      const saved = await send('POST', '/v1/segments', { name, filter });
      const members = await timed(() => send('GET', `/v1/segments/${saved.id}/members?count=true&limit=50`));
      const count = preview.last.count as { value: number; exact: boolean };
      const memberCount = members.last.count as { value: number; exact: boolean };
      const row = {
        segment: name,
        count: count.value,
        exact: count.exact && memberCount.exact && memberCount.value === count.value,
        previewMedianMs: median(preview.ms),
        membersMedianMs: median(members.ms),
        previewMs: preview.ms,
        membersMs: members.ms,
        vsBaseline: round(median(preview.ms) / baseline.medianMs),
      };
      console.log(
        `  ${target} ${name}: ${count.value.toLocaleString()} members (${row.exact ? 'exact' : 'NOT exact'}), preview median ${row.previewMedianMs} ms, members+count median ${row.membersMedianMs} ms (${row.vsBaseline}× the baseline)`,
      );
      segments.push(row);
    }
    const worst = Math.max(...segments.map((s) => Math.max(s.previewMedianMs, s.membersMedianMs)));
    return {
      database: target === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL (local server)',
      buildMs,
      budgetMs: BUDGET_MS[target],
      baseline,
      segments,
      worstMedianMs: worst,
      pass: worst <= BUDGET_MS[target]! && segments.every((s) => s.exact),
    };
  } finally {
    await db.close();
  }
}

async function main() {
  const loadBefore = loadavg();
  const results: Record<string, Awaited<ReturnType<typeof benchTarget>>> = {};
  for (const target of TARGETS) {
    console.log(`${target}: ${CONTACTS.toLocaleString()} contacts…`);
    results[target] = await benchTarget(target);
  }
  const result = {
    benchmark: 'segment-count',
    date: new Date().toISOString(),
    method:
      'Per database: contacts and activities built with SQL; each segment counted 5 times through the server (preview with sample 0; a saved segment’s members with count=true, limit=50), medians judged against the budget. Baseline in the same run: SELECT count(*) of every contact of the workspace, straight to the database.',
    machine: machine(),
    loadAverage: { before: loadBefore.map((x) => round(x)), after: loadavg().map((x) => round(x)) },
    contacts: CONTACTS,
    targets: results,
    pass: Object.values(results).every((r) => r.pass),
  };
  writeFileSync(new URL('./results/segment-count.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ pass: result.pass, loadAverage: result.loadAverage }));
  process.exit(result.pass ? 0 : 1);
}

await main();
