/**
 * Benchmark: soak and crash. Concurrent clients (through `@crmkit/client`) write a mixed workload while the server
 * process is killed with SIGKILL at random moments and restarted, on PGlite (a data directory) and on PostgreSQL; then
 * every acknowledged write is verified. Writes bench/results/soak.json (or the file CRMKIT_SOAK_OUT names); exits 1
 * when anything was lost or duplicated or a check failed. Loopback only; stops by itself.
 *
 *   pnpm bench soak                                   # 3 minutes per database
 *   CRMKIT_SOAK_SECONDS=600 CRMKIT_SOAK_ACTORS=12 pnpm bench soak
 *   CRMKIT_SOAK_DATABASES=pglite pnpm bench soak      # one database only
 *   CRMKIT_SOAK_SECONDS=480 CRMKIT_SOAK_STEADY_SECONDS=300 CRMKIT_SOAK_OUT=soak-memory.json pnpm bench soak
 *                                                     # a long calm end after the kills, for memory
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { runSoak, type SoakReport } from '@crmkit/soak';

const SECONDS = Number(process.env.CRMKIT_SOAK_SECONDS ?? 180);
const ACTORS = Number(process.env.CRMKIT_SOAK_ACTORS ?? 8);
const STEADY_SECONDS = Number(process.env.CRMKIT_SOAK_STEADY_SECONDS ?? Math.min(60, Math.round(SECONDS / 3)));
/** The results file in bench/results/ (a long memory run keeps its own, next to the default run's). */
const OUT = process.env.CRMKIT_SOAK_OUT ?? 'soak.json';
const KILL_EVERY_MS: [number, number] = [5_000, 20_000];
const url = process.env.CRMKIT_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const databases = (process.env.CRMKIT_SOAK_DATABASES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];

const loadBefore = loadavg();
const runs: SoakReport[] = [];
for (const database of databases) {
  const report = await runSoak({
    database,
    postgresUrl: url,
    durationMs: SECONDS * 1000,
    steadyMs: STEADY_SECONDS * 1000,
    killEveryMs: KILL_EVERY_MS,
    actors: ACTORS,
    log: (line) => console.log(line),
  });
  runs.push(report);
  const { memory, ...rest } = report;
  console.log(JSON.stringify({ ...rest, memory: { ...memory, samples: `${memory.samples.length} samples` } }, null, 2));
}

const result = {
  benchmark: 'soak',
  date: new Date().toISOString(),
  method:
    `${ACTORS} concurrent clients (@crmkit/client, retries up to ~1 min) run a mixed workload for ${SECONDS} s per database ` +
    '(contact creates 20 %, If-Match updates 20 %, deal moves next to a random neighbour 16 %, ticket replies 10 %, ' +
    'batches of 2 creates + an update or delete 10 %, deletes 6 %, deal creates 6 %, lead creates/conversions 8 %, ' +
    `ticket creates 4 %); the crmkit-server process is killed with SIGKILL every ${KILL_EVERY_MS[0] / 1000}–${KILL_EVERY_MS[1] / 1000} s ` +
    `(uniform) and restarted on the same port and data, except in the last ${STEADY_SECONDS} s (memory is measured ` +
    'there). A client subscribed to the change feed from position 0 for the whole run; a second one resumes from the ' +
    "position saved before the first kill. Then the database and the feed are checked against the clients' ledger.",
  dataset: 'one workspace, empty at start; every record is created by the run',
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    shared: 'a 2-core machine shared with other engineers (see loadavg)',
  },
  loadavg: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadavg().map((l) => +l.toFixed(2)) },
  runs: runs.map((r) => ({
    ...r,
    memory: { ...r.memory, samples: r.memory.samples.filter((_, i) => i % 5 === 0) },
  })),
  pass: runs.every((r) => r.pass),
};
writeFileSync(new URL(`./results/${OUT}`, import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  runs
    .map(
      (r) =>
        `${r.database}: acknowledged ${r.acknowledged}, verified ${r.verified}, lost ${r.lost}, duplicated ${r.duplicated}, ` +
        `unknown ${r.unknown.total} (${r.unknown.applied} applied), restarts survived ${r.restarts.survived}, ` +
        `memory steady ${r.memory.steady.fromMb}→${r.memory.steady.toMb} MB (${r.memory.steady.slopeMbPerMin} MB/min)`,
    )
    .join('\n'),
);
process.exit(result.pass ? 0 : 1);
