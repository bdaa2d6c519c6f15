import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CrmEvent } from '@crmkit/client';
import { type Database, migrate, openDatabase, provisionWorkspace } from '@crmkit/server';
import { Ledger } from './ledger.js';
import { ServerProcess, type ServerProcess as ServerProcessType, type SoakDatabase } from './server-process.js';
import { type MemorySample, memoryTrend, percentile } from './stats.js';
import { type Verification, verify } from './verify.js';
import { Actor, soakClient } from './workload.js';

/** Options of {@link runSoak}. */
export interface SoakOptions {
  /** PGlite in a data directory on disk, or a new database on the PostgreSQL server of `postgresUrl`. */
  database: 'pglite' | 'postgres';
  postgresUrl?: string;
  /** How long the clients write, in ms; the server is killed during the first `durationMs - steadyMs`. */
  durationMs: number;
  /** The last part of the run, without kills: memory is measured there. */
  steadyMs: number;
  /** The pause before each kill is drawn uniformly from this range, in ms. */
  killEveryMs: [number, number];
  /** Concurrent clients. */
  actors: number;
  log?: (line: string) => void;
}

/** The result of a soak run. */
export interface SoakReport extends Verification {
  database: 'pglite' | 'postgres';
  durationS: number;
  actors: number;
  operations: number;
  restarts: { survived: number; downtimeMs: { p50: number; max: number } };
  /** Resident memory of the server process, sampled every second: t (s since start), MB, and which life. */
  memory: {
    samples: MemorySample[];
    maxPerLifeMb: number[];
    /** The steady part (no kills), after its first quarter: where it started and ended, and the trend. */
    steady: { fromMb: number; toMb: number; slopeMbPerMin: number };
  };
  /** Reconnections of the live subscriber (each restart cuts its stream). */
  feedReconnects: number;
  machine: { cpus: number; memoryGb: number; node: string; loadavg: number[] };
  /** True when nothing was lost or duplicated and every check held. */
  pass: boolean;
}

const WS = 'ws_soak';

/** Creates the database and the workspace with one API key per client, and closes it (the server process opens it). */
async function prepare(
  options: SoakOptions,
  keysNeeded: number,
): Promise<{ target: SoakDatabase; keys: string[]; cleanup: () => Promise<void> }> {
  let target: SoakDatabase;
  let cleanup: () => Promise<void>;
  if (options.database === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'crmkit-soak-'));
    target = { kind: 'pglite', dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    if (!options.postgresUrl) throw new Error('postgresUrl is required for a soak on PostgreSQL');
    const admin = await openDatabase({ url: options.postgresUrl });
    const name = `crmkit_soak_${Date.now().toString(36)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = Object.assign(new URL(options.postgresUrl), { pathname: `/${name}` }).toString();
    target = { kind: 'postgres', url };
    cleanup = async () => {
      const a = await openDatabase({ url: options.postgresUrl });
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    };
  }
  const db = await open(target);
  await migrate(db);
  const ws = await provisionWorkspace(db, {
    id: WS,
    name: 'Soak',
    users: [{ name: 'Soak admin', email: 'admin@soak.test', role: 'admin' }],
    keys: Array.from({ length: keysNeeded }, (_, i) => ({
      label: `k${i}`,
      role: 'admin' as const,
      userEmail: 'admin@soak.test',
    })),
  });
  await db.close();
  return { target, keys: Array.from({ length: keysNeeded }, (_, i) => ws.keys[`k${i}`]!), cleanup };
}

const open = (target: SoakDatabase): Promise<Database> =>
  openDatabase(target.kind === 'pglite' ? { dataDir: target.dataDir } : { url: target.url });

/** Follows the change feed through `@crmkit/client` from `since`, recording every event id it is handed. */
function subscriber(baseUrl: string, key: string, since: number) {
  const ids: number[] = [];
  const seen = new Set<string>();
  let opens = 0;
  const crm = soakClient(baseUrl, key);
  const unsubscribe = crm.events.subscribe(
    (e: CrmEvent) => {
      ids.push(Number(e.id));
      seen.add(`${e.type}:${e.resourceId}`);
    },
    { since: String(since), onOpen: () => opens++, reconnect: { minDelay: 100, maxDelay: 1000 } },
  );
  return { ids, seen, opens: () => opens, position: () => Number(unsubscribe.position ?? since), stop: unsubscribe };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`soak: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A soak run: concurrent clients (through `@crmkit/client`) write a mixed workload — creates, If-Match updates, deal
 * moves, ticket replies, batches, deletes, lead conversions — while the server process is killed with SIGKILL at random
 * moments and started again; then a steady part without kills; then the clients' ledger is checked against the
 * database and the change feed (see {@link verify}).
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => {});
  const { target, keys, cleanup } = await prepare(options, options.actors + 3);
  const server: ServerProcessType = new ServerProcess(target);
  let passed = false;
  try {
    log(`soak on ${options.database}: starting the server`);
    await server.start();
    const setup = soakClient(server.url, keys[0]!);
    const pipeline = await setup.pipelines.create({
      name: 'Soak',
      isDefault: true,
      currency: 'VND',
      stages: ['Lead', 'Qualified', 'Proposal', 'Won'].map((name, i) => ({
        name,
        probability: i * 30,
        kind: i === 3 ? ('won' as const) : ('open' as const),
      })),
    });
    const stageIds = pipeline.stages.map((s) => s.id);
    const live = subscriber(server.url, keys[1]!, 0);

    const started = performance.now();
    const ledger = new Ledger(started);
    const runId = `s${Date.now().toString(36)}`;
    const stop = new AbortController();
    const actors = Array.from(
      { length: options.actors },
      (_, i) => new Actor(i, soakClient(server.url, keys[3 + i]!), ledger, runId, stageIds),
    );
    const running = Promise.all(actors.map((a) => a.run(stop.signal)));

    const samples: MemorySample[] = [];
    let life = 0;
    const sampler = setInterval(() => {
      const mb = server.rssMb();
      if (mb !== null)
        samples.push({ t: +((performance.now() - started) / 1000).toFixed(1), mb: +mb.toFixed(1), life });
    }, 1000);

    const downtimes: number[] = [];
    let resumeFrom: number | null = null;
    const killUntil = started + options.durationMs - options.steadyMs;
    for (;;) {
      const [min, max] = options.killEveryMs;
      const pause = min + Math.random() * (max - min);
      if (performance.now() + pause > killUntil) break;
      await sleep(pause);
      resumeFrom ??= live.position();
      const t0 = performance.now();
      await server.stop('SIGKILL');
      await server.start();
      life++;
      downtimes.push(performance.now() - t0);
      log(
        `soak on ${options.database}: restart ${life} after ${Math.round(downtimes.at(-1)!)} ms, ${ledger.entries.length} operations so far`,
      );
    }
    await sleep(Math.max(0, started + options.durationMs - performance.now()));
    stop.abort();
    await running;
    clearInterval(sampler);
    log(`soak on ${options.database}: ${ledger.entries.length} operations; waiting for the feed`);

    // The last write: once the feeds have its event, they have every event before it.
    const last = await setup.contacts.create({ firstName: 'Soak', lastName: `${runId}-final` });
    await waitFor(() => live.seen.has(`contact.created:${last.id}`), 60_000, 'the live feed to catch up');
    resumeFrom ??= 0;
    const resumed = subscriber(server.url, keys[2]!, resumeFrom);
    await waitFor(() => resumed.seen.has(`contact.created:${last.id}`), 60_000, 'the resumed feed to catch up');
    live.stop();
    resumed.stop();
    await server.stop('SIGTERM');

    const db = await open(target);
    const verification = await verify(db, WS, ledger, {
      since: 0,
      delivered: live.ids,
      resumeFrom,
      resumed: resumed.ids,
    });
    await db.close();
    const steadyFrom = (options.durationMs - options.steadyMs * 0.75) / 1000;
    const report: SoakReport = {
      database: options.database,
      durationS: Math.round(options.durationMs / 1000),
      actors: options.actors,
      operations: ledger.entries.length,
      ...verification,
      restarts: {
        survived: downtimes.length,
        downtimeMs: { p50: Math.round(percentile(downtimes, 50)), max: Math.round(Math.max(0, ...downtimes)) },
      },
      memory: {
        samples,
        maxPerLifeMb: Array.from({ length: life + 1 }, (_, i) =>
          Math.max(0, ...samples.filter((s) => s.life === i).map((s) => s.mb)),
        ),
        steady: memoryTrend(samples.filter((s) => s.t >= steadyFrom)),
      },
      feedReconnects: Math.max(0, live.opens() - 1),
      machine: {
        cpus: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadavg: loadavg().map((l) => +l.toFixed(2)),
      },
      pass: false,
    };
    report.pass =
      verification.lost === 0 && verification.duplicated === 0 && Object.values(verification.checks).every(Boolean);
    passed = report.pass;
    return report;
  } catch (error) {
    throw new Error(`${(error as Error).message}\nserver output:\n${server.tail()}`, { cause: error });
  } finally {
    await server.stop('SIGKILL');
    // A failed run keeps its data for a look (the path is in the log); a passed one is removed.
    if (passed) await cleanup();
    else log(`soak on ${options.database}: data kept at ${target.kind === 'pglite' ? target.dataDir : target.url}`);
  }
}
