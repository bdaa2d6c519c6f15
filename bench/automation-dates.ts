/**
 * Benchmark: automation's daily date-trigger pass over 100,000 members whose birthdays and membership expiries are
 * spread over the year, with a fitness club's date rules (a birthday greeting, renewal reminders 30 / 7 / 1 days
 * before expiry, a renewal deal 30 days before, a win-back 14 days after). Budget (issue 15): ≤ 5 s on the embedded
 * database (PGlite), ≤ 2 s on PostgreSQL.
 *
 * Method, per database: build the members with SQL, create the rules through the API, then run the pass
 * (`runDatePass`, what the daily job runs) for each of 7 consecutive days at 00:01 in the club's zone, each day
 * enrolling that day's members. Baseline in the same run: the same passes with the two indexes the pass reads dropped
 * (the birthday month/day index and the GIN index of `custom_fields`), i.e. full scans. Then, as information, the
 * runs one day enrolled are executed at 09:00 (tasks, reminders and deals created through the engine).
 *
 *   pnpm bench automation-dates
 *   CRMKIT_BENCH_DATABASE_URL=postgres://… CRMKIT_BENCH_TARGETS=postgres pnpm bench automation-dates
 *
 * PostgreSQL gets a database of its own (`crmkit_bench_automation`, rebuilt each run). Writes
 * bench/results/automation-dates.json; exits 1 when a median pass is over its budget.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { addDays, instantAt } from '../packages/core/src/index.js';
import { createCrmServer } from '../packages/server/src/app.js';
import { runDatePass } from '../packages/server/src/automation/daily.js';
import { manualClock } from '../packages/server/src/core/clock.js';
import { workspaceContext } from '../packages/server/src/core/system.js';
import { migrate } from '../packages/server/src/db/migrate.js';
import type { Database } from '../packages/server/src/db/types.js';
import { benchDatabase, jsonApi, provisionClub } from './lib/club-workspace.js';
import { machine, median } from './lib/machine.js';

const MEMBERS = Number(process.env.CRMKIT_BENCH_MEMBERS ?? 100_000);
const DAYS = Number(process.env.CRMKIT_BENCH_DAYS ?? 7);
const TARGETS = (process.env.CRMKIT_BENCH_TARGETS ?? 'pglite,postgres').split(',');
const BUDGET_MS: Record<string, number> = { pglite: 5000, postgres: 2000 };
const TZ = 'Asia/Ho_Chi_Minh';
/** The first day passed; expiries are spread from 60 days before it to 365 after. */
const FIRST_DAY = '2027-03-01';
const WS = 'ws_bench_automation';
/** The indexes the pass reads, dropped for the baseline. */
const INDEXES = {
  contacts_birthday_md: `CREATE INDEX contacts_birthday_md ON contacts (workspace_id, (EXTRACT(MONTH FROM birthday)), (EXTRACT(DAY FROM birthday))) WHERE birthday IS NOT NULL`,
  contacts_custom_fields: 'CREATE INDEX contacts_custom_fields ON contacts USING gin (custom_fields jsonb_path_ops)',
};

const task = (subject: string, dueInMinutes = 0) => ({
  type: 'create_task',
  kind: 'reminder',
  subject,
  dueInMinutes,
  assignee: { type: 'owner' },
});
const members = { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] };
const expiry = (offsetDays: number) => ({
  type: 'date',
  field: 'customFields.membershipExpiry',
  offsetDays,
  repeat: 'once',
  at: '09:00',
});

/** The club's date rules (the fitness seed's touch plan has the same triggers). */
function rules(pipelineId: string) {
  return [
    {
      name: 'Birthday greeting',
      trigger: { type: 'date', field: 'birthday', offsetDays: 0, repeat: 'yearly', at: '09:00' },
      steps: [task('Chúc mừng sinh nhật {{contact.firstName}}')],
    },
    ...[30, 7, 1].map((days) => ({
      name: `Renewal reminder ${days} days before`,
      trigger: expiry(-days),
      conditions: members,
      steps: [task(`Nhắc gia hạn: còn ${days} ngày`)],
    })),
    {
      name: 'Open a renewal deal',
      trigger: expiry(-30),
      conditions: members,
      steps: [{ type: 'create_deal', pipelineId, name: 'Gia hạn – {{contact.lastName}} {{contact.firstName}}' }],
    },
    {
      name: 'Win-back 14 days after lapse',
      trigger: expiry(14),
      steps: [task('Gọi mời quay lại: {{contact.firstName}}', 60)],
    },
  ].map((r) => ({ ...r, resource: 'contacts' }));
}

/** Members with birthdays over 45 years (29 February included) and expiries over 425 days, four stages. */
async function buildMembers(db: Database) {
  await db.query(`
    INSERT INTO contacts (id, workspace_id, created_at, updated_at, search_text, first_name, last_name, emails, phones,
                          lifecycle_stage, owner_id, tags, consent, custom_fields, birthday)
    SELECT 'con_a' || lpad(i::text, 7, '0'), '${WS}', timestamptz '2025-01-01', timestamptz '2025-01-01',
           'member ' || i, 'Member' || i, 'Nguyễn', ARRAY['m' || i || '@example.vn'], ARRAY['+8490' || lpad(i::text, 7, '0')],
           (ARRAY['active','active','loyal','lost'])[1 + i % 4], 'usr_bench_front', '{}', '{}',
           jsonb_build_object('membershipExpiry', to_char(date '${FIRST_DAY}' - 60 + (i::bigint * 7919 % 425)::int, 'YYYY-MM-DD'),
                              'membershipPlan', (ARRAY['basic','premium','vip'])[1 + i % 3], 'visits', i % 40),
           date '1960-01-01' + (i::bigint * 104729 % 16436)::int
      FROM generate_series(1, ${MEMBERS}) AS i`);
  await db.query('ANALYZE contacts');
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function benchTarget(target: string) {
  const db = await benchDatabase(target, 'crmkit_bench_automation');
  try {
    await migrate(db);
    const clock = manualClock(new Date(instantAt(addDays(FIRST_DAY, -1), '12:00', TZ)));
    const ws = await provisionClub(db, {
      id: WS,
      clock,
      timeZone: TZ,
      extraUsers: [{ id: 'usr_bench_front', name: 'Front desk', email: 'front@bench.test', role: 'agent' }],
    });
    const t0 = performance.now();
    await buildMembers(db);
    const buildMs = performance.now() - t0;
    const server = await createCrmServer({ db, clock, onError: (e) => console.error(e) });
    const api = jsonApi(server, ws.keys.admin!);
    const pipeline = await api('POST', '/v1/pipelines', {
      name: 'Renewals',
      currency: 'VND',
      stages: [
        { name: 'Expiring', probability: 40, kind: 'open' },
        { name: 'Renewed', probability: 100, kind: 'won' },
        { name: 'Churned', probability: 0, kind: 'lost' },
      ],
    });
    const ruleSet = rules(pipeline.id as string);
    for (const r of ruleSet) await api('POST', '/v1/automation-rules', r);
    const ctx = (await workspaceContext(server.context, WS))!;

    const reset = async () => {
      await db.query("DELETE FROM jobs WHERE queue = 'automation.run'");
      await db.query('DELETE FROM automation_runs');
      await db.query('UPDATE automation_rules SET scanned_through = $1, runs = 0', [addDays(FIRST_DAY, -1)]);
    };
    const passes = async (label: string) => {
      await reset();
      const days = [];
      for (let i = 0; i < DAYS; i++) {
        const day = addDays(FIRST_DAY, i);
        clock.set(new Date(instantAt(day, '00:01', TZ)));
        const start = performance.now();
        const result = await runDatePass(ctx);
        days.push({ day, ms: round(performance.now() - start), rules: result.rules, enrolled: result.enrolled });
      }
      const ms = days.map((d) => d.ms);
      const summary = { medianMs: median(ms), maxMs: Math.max(...ms), minMs: Math.min(...ms), days };
      console.log(
        `  ${target} ${label}: median ${summary.medianMs} ms, max ${summary.maxMs} ms, enrolled/day ${days.map((d) => d.enrolled).join(' ')}`,
      );
      return summary;
    };

    const indexed = await passes('indexed');
    for (const name of Object.keys(INDEXES)) await db.query(`DROP INDEX ${name}`);
    const baseline = await passes('full scan (indexes dropped)');
    for (const sql of Object.values(INDEXES)) await db.query(sql);
    await db.query('ANALYZE contacts');
    const indexedAgain = await passes('indexed, again');
    const enrolledMatch = indexed.days.every((d, i) => d.enrolled === baseline.days[i]!.enrolled);

    // The runs of the last day, executed at 09:00 (information: no budget).
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM automation_runs WHERE status = 'waiting' AND next_step_at = $1",
      [new Date(instantAt(addDays(FIRST_DAY, DAYS - 1), '09:00', TZ)).toISOString()],
    );
    await db.query('DELETE FROM jobs WHERE queue = $1 AND run_at < $2', [
      'automation.run',
      new Date(instantAt(addDays(FIRST_DAY, DAYS - 1), '00:00', TZ)).toISOString(),
    ]);
    clock.set(new Date(instantAt(addDays(FIRST_DAY, DAYS - 1), '09:00', TZ)));
    const runStart = performance.now();
    const { jobs } = await server.automation.tick();
    const runMs = performance.now() - runStart;
    console.log(`  ${target} executing one day's ${rows[0]?.n} runs: ${Math.round(runMs)} ms (${jobs} jobs)`);

    const medians = [indexed.medianMs, indexedAgain.medianMs];
    return {
      database: target === 'pglite' ? 'PGlite (embedded, in memory)' : 'PostgreSQL (local server)',
      buildMembersMs: Math.round(buildMs),
      budgetMs: BUDGET_MS[target],
      indexed,
      indexedAgain,
      baseline,
      speedup: round(baseline.medianMs / Math.max(...medians)),
      sameEnrolments: enrolledMatch,
      runsOfOneDay: { runs: rows[0]?.n ?? 0, jobs, ms: Math.round(runMs) },
      pass: Math.max(...medians) <= BUDGET_MS[target]! && enrolledMatch,
    };
  } finally {
    await db.close();
  }
}

async function main() {
  const loadBefore = loadavg();
  const results: Record<string, Awaited<ReturnType<typeof benchTarget>>> = {};
  for (const target of TARGETS) {
    console.log(`${target}: ${MEMBERS.toLocaleString()} members, ${DAYS} daily passes…`);
    results[target] = await benchTarget(target);
  }
  const result = {
    benchmark: 'automation-dates',
    date: new Date().toISOString(),
    method:
      'Per database: members built with SQL, the rules created through the API; runDatePass for each of 7 consecutive days at 00:01 Asia/Ho_Chi_Minh (each pass enrols that day: runs + jobs written). Baseline in the same run: the same passes with contacts_birthday_md and contacts_custom_fields dropped (full scans). The budget is judged on the median pass of each indexed series.',
    machine: machine(),
    loadAverage: { before: loadBefore.map((x) => round(x)), after: loadavg().map((x) => round(x)) },
    members: MEMBERS,
    rules: rules('pip').map((r) => r.name),
    targets: results,
    pass: Object.values(results).every((r) => r.pass),
  };
  writeFileSync(new URL('./results/automation-dates.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ pass: result.pass, loadAverage: result.loadAverage }));
  process.exit(result.pass ? 0 : 1);
}

await main();
