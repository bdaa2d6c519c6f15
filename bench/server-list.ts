/**
 * Benchmark: the reference server on PostgreSQL with 1,000,000 contacts — lists, searches and writes — side by side
 * with the floor: the very SQL the server sends for each request, sent straight to PostgreSQL by the same generator at
 * the same rate, in the same run. The ratio server ÷ floor is what the server's own work costs, and it holds on any
 * machine; the absolute budget (p99 ≤ 25 ms at 200 req/s) needs a load generator with cores of its own.
 *
 *   CRMKIT_BENCH_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres pnpm bench server-list
 *   CRMKIT_BENCH_PROFILE=1 pnpm bench server-list     # also a CPU profile of the server under load, summarised
 *   CRMKIT_BENCH_ONLY=overhead pnpm bench server-list # only the server's own work per request (seconds, not minutes)
 *
 * Writes bench/results/server-list.json; exits 1 when the server's list p99 is over 2× the floor's at 200 req/s.
 * The data set is built once (database `crmkit_bench`) and reused by later runs.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ServerProcess } from '@crmkit/soak';
import { createCrmServer } from '../packages/server/src/app.js';
import { openDatabase } from '../packages/server/src/db/database.js';
import { answeringDatabase, type Captured, capturingDatabase, insertedIds, replay } from './lib/capture.js';
import { type LoadResult, openLoop, type Send } from './lib/load.js';
import { machine, median, summary } from './lib/machine.js';
import { measureOverhead } from './lib/overhead.js';
import { summarizeProfileDir } from './lib/profile.js';
import { CONTACTS, cleanUpWrites, type Prepared, prepare } from './lib/server-dataset.js';

const BUDGET_RATE = 200;
const BUDGET_P99_MS = 25;
const SECONDS = Number(process.env.CRMKIT_BENCH_SECONDS ?? 8);
const REPEATS = Number(process.env.CRMKIT_BENCH_REPEATS ?? 5);
const RATES = (process.env.CRMKIT_BENCH_RATES ?? '50,100,150,200,300,400').split(',').map(Number);
const WRITE_RATE = 30;
const WRITE_REPEATS = 3;
const PROFILE = process.env.CRMKIT_BENCH_PROFILE === '1';

/** A request of the mix: method, path and body. */
type RequestSpec = { method: string; path: string; body?: unknown; headers?: Record<string, string> };

function readRequests(firstCursor: string): Record<string, RequestSpec> {
  const list = (query: string): RequestSpec => ({ method: 'GET', path: `/v1/contacts?limit=50${query}` });
  return {
    'list default': list(''),
    'list next page': list(`&cursor=${firstCursor}`),
    'list -updatedAt': list('&sort=-updatedAt'),
    'filter stage': list('&filter[lifecycleStage]=loyal'),
    'filter owner': list('&filter[ownerId]=usr_b7'),
    'q search': list('&q=mai.wright'),
    // A name as displayed, its words in another order than stored ("Mai Wright" is stored first name first).
    'q name words': list(`&q=${encodeURIComponent('Wright, Mai')}`),
    'search tree': {
      method: 'POST',
      path: '/v1/contacts/search',
      body: {
        filter: {
          and: [
            { field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] },
            { field: 'tags', op: 'eq', value: 'vip' },
          ],
        },
        limit: 50,
      },
    },
  };
}

async function send(origin: string, key: string, spec: RequestSpec): Promise<Response> {
  return fetch(`${origin}${spec.path}`, {
    method: spec.method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...spec.headers },
    body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
  });
}

/** The statements the server sends for each request, captured from an in-process server on the same database. */
async function captureSql(p: Prepared) {
  const cap = capturingDatabase(await openDatabase({ url: p.url }));
  const server = await createCrmServer({ db: cap.db, onError: (e) => console.error(e) });
  const call = async (spec: RequestSpec) => {
    const res = await server.fetch(
      new Request(`http://bench${spec.path}`, {
        method: spec.method,
        headers: { authorization: `Bearer ${p.key}`, 'content-type': 'application/json', ...spec.headers },
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      }),
    );
    if (res.status >= 300) throw new Error(`${spec.method} ${spec.path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const first = await call({ method: 'GET', path: '/v1/contacts?limit=50' });
  const reads = readRequests(first.nextCursor);
  const sql: Record<string, Captured[]> = {};
  for (const [name, spec] of Object.entries(reads)) sql[name] = await cap.record(() => call(spec));
  // Writes as @crmkit/client sends them: an Idempotency-Key on each, If-Match on updates and moves.
  const contact = p.contacts[0]!;
  const deal = p.deals[0]!;
  const writes = {
    create: createSpec('key-create'),
    update: updateSpec(contact, 'key-update'),
    move: moveSpec(deal, p.stages, 'key-move'),
  };
  sql.create = await cap.record(() => call(writes.create));
  sql.update = await cap.record(async () => {
    contact.version = (await call(writes.update)).version;
  });
  sql.move = await cap.record(async () => {
    deal.version = (await call(writes.move)).version;
  });
  await cap.db.close();
  return {
    reads,
    writes,
    sql,
    swaps: {
      create: { key: 'key-create' },
      update: { id: contact.id, key: 'key-update' },
      move: { id: deal.id, key: 'key-move' },
    },
  };
}

const createSpec = (key: string): RequestSpec => ({
  method: 'POST',
  path: '/v1/contacts',
  body: { firstName: 'Bench', lastName: 'BenchWrite', emails: ['write@bench.test'] },
  headers: { 'idempotency-key': key },
});
const updateSpec = (c: { id: string; version: number }, key: string): RequestSpec => ({
  method: 'PATCH',
  path: `/v1/contacts/${c.id}`,
  body: { title: `Title ${c.version}` },
  headers: { 'idempotency-key': key, 'if-match': `"${c.version}"` },
});
const moveSpec = (d: { id: string; version: number; stage: number }, stages: string[], key: string): RequestSpec => {
  d.stage = 1 - d.stage;
  return {
    method: 'POST',
    path: `/v1/deals/${d.id}/move`,
    body: { stageId: stages[d.stage] },
    headers: { 'idempotency-key': key, 'if-match': `"${d.version}"` },
  };
};

const stats = (r: LoadResult) => ({
  ...summary(Object.values(r.samples).flat()),
  errors: r.errors,
  rate: r.achievedRate,
});
const ratio = (a: number, b: number) => +(a / b).toFixed(2);

async function main() {
  const p = await prepare();
  const { reads, writes: writeSpecs, sql, swaps } = await captureSql(p);

  console.log("the server's own work per request (in process, SQL answered at once)…");
  const answering = answeringDatabase(await openDatabase({ url: p.url }), Object.values(sql).flat());
  const inProcess = await createCrmServer({ db: answering.db });
  answering.missed.length = 0; // the start-up's migration check is no request
  const overhead = await measureOverhead(
    inProcess,
    Object.fromEntries(
      Object.entries({ ...reads, ...writeSpecs }).map(([kind, spec]) => [
        kind,
        () =>
          new Request(`http://bench${spec.path}`, {
            method: spec.method,
            headers: {
              authorization: `Bearer ${p.key}`,
              'content-type': 'application/json',
              ...spec.headers,
              ...(spec.headers?.['idempotency-key'] ? { 'idempotency-key': crypto.randomUUID() } : {}),
            },
            body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          }),
      ]),
    ),
    1000,
    answering.missed,
  );
  await answering.db.close();
  if (process.env.CRMKIT_BENCH_ONLY === 'overhead') {
    console.log(JSON.stringify(overhead, null, 2));
    return;
  }

  const profileDir = fileURLToPath(new URL('./results/profile', import.meta.url));
  if (PROFILE) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  const server = new ServerProcess(
    { kind: 'postgres', url: p.url },
    [],
    PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
  );
  const startMs = await server.start();
  const direct = await openDatabase({ url: p.url }); // the same driver and pool size (10) as the server
  const origin = server.url;
  const ok = (status: number) => async (res: Response) => {
    await res.arrayBuffer();
    return res.status === status;
  };
  const serverReads: Record<string, Send> = Object.fromEntries(
    Object.entries(reads).map(([name, spec]) => [name, () => send(origin, p.key, spec).then(ok(200))]),
  );
  const directReads: Record<string, Send> = Object.fromEntries(
    Object.keys(reads).map((name) => [name, () => replay(direct, sql[name]!)]),
  );
  let n = 0;
  const fresh = () => `bench-${Date.now().toString(36)}-${n++}`;
  // The server and the floor change disjoint halves of the records: the server's If-Match versions stay right.
  const half = <T>(list: T[], second: boolean) =>
    list.slice(second ? list.length / 2 : 0, second ? undefined : list.length / 2);
  const rotation = <T>(list: T[]) => {
    let i = 0;
    return () => list[i++ % list.length]!;
  };
  const nextContact = rotation(half(p.contacts, false));
  const nextDeal = rotation(half(p.deals, false));
  const floorContact = rotation(half(p.contacts, true));
  const floorDeal = rotation(half(p.deals, true));
  const serverWrites: Record<string, Send> = {
    create: () => send(origin, p.key, createSpec(fresh())).then(ok(201)),
    update: async () => {
      const c = nextContact();
      const res = await send(origin, p.key, updateSpec(c, fresh()));
      const body = await res.json();
      c.version = res.status === 200 ? body.version : (body.current?.version ?? c.version);
      return res.status === 200;
    },
    move: async () => {
      const d = nextDeal();
      const res = await send(origin, p.key, moveSpec(d, p.stages, fresh()));
      const body = await res.json();
      d.version = res.status === 200 ? body.version : (body.current?.version ?? d.version);
      return res.status === 200;
    },
  };
  /** Fresh ids for the records a write inserts (the created contact, a timeline entry), and a fresh key. */
  const renew = (captured: Captured[], key: string) => ({
    ...Object.fromEntries(insertedIds(captured).map((id) => [id, `${id.slice(0, 4)}${fresh()}`])),
    [key]: fresh(),
  });
  const directWrites: Record<string, Send> = {
    create: () => replay(direct, sql.create!, renew(sql.create!, swaps.create.key)),
    update: () =>
      replay(direct, sql.update!, { ...renew(sql.update!, swaps.update.key), [swaps.update.id]: floorContact().id }),
    move: () => replay(direct, sql.move!, { ...renew(sql.move!, swaps.move.key), [swaps.move.id]: floorDeal().id }),
  };

  // Warm up both paths (connections, plans, JIT).
  await openLoop(serverReads, 100, 3);
  await openLoop(directReads, 100, 3);

  /** The server and the floor at `rate`, one after the other (alternating which goes first). */
  const pair = async (
    mixes: [Record<string, Send>, Record<string, Send>],
    rate: number,
    seconds: number,
    i: number,
  ) => {
    const out: LoadResult[] = [];
    let cpuUs = 0;
    for (const which of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const cpu = server.cpuMs() ?? 0;
      out[which] = await openLoop(mixes[which]!, rate, seconds);
      if (which === 0) cpuUs = Math.round((((server.cpuMs() ?? 0) - cpu) * 1000) / (rate * seconds));
    }
    return {
      server: { ...stats(out[0]!), cpuUsPerRequest: cpuUs },
      direct: stats(out[1]!),
      byKind: out[0]!.samples,
      directByKind: out[1]!.samples,
    };
  };

  console.log(`lists at ${BUDGET_RATE} req/s, ${REPEATS} × ${SECONDS} s, server and floor alternating…`);
  const budgetRuns: Awaited<ReturnType<typeof pair>>[] = [];
  for (let i = 0; i < REPEATS; i++) budgetRuns.push(await pair([serverReads, directReads], BUDGET_RATE, SECONDS, i));
  const med = (pick: (r: (typeof budgetRuns)[number]) => number) => median(budgetRuns.map(pick));
  const budget = {
    rate: BUDGET_RATE,
    runs: budgetRuns.map(({ server, direct }) => ({ server, direct, ratioP99: ratio(server.p99, direct.p99) })),
    median: {
      server: {
        p50: med((r) => r.server.p50),
        p99: med((r) => r.server.p99),
        cpuUsPerRequest: med((r) => r.server.cpuUsPerRequest),
      },
      direct: { p50: med((r) => r.direct.p50), p99: med((r) => r.direct.p99) },
      ratioP50: med((r) => r.server.p50 / r.direct.p50),
      ratioP99: med((r) => r.server.p99 / r.direct.p99),
    },
    byKind: Object.fromEntries(
      Object.keys(reads).map((k) => [
        k,
        {
          server: summary(budgetRuns.flatMap((r) => r.byKind[k]!)),
          direct: summary(budgetRuns.flatMap((r) => r.directByKind[k]!)),
        },
      ]),
    ),
  };
  budget.median.ratioP50 = +budget.median.ratioP50.toFixed(2);
  budget.median.ratioP99 = +budget.median.ratioP99.toFixed(2);

  console.log(`rate sweep ${RATES.join(', ')} req/s…`);
  const sweep = [];
  for (const [i, rate] of RATES.entries()) {
    const r = await pair([serverReads, directReads], rate, SECONDS, i);
    sweep.push({ rate, server: r.server, direct: r.direct, ratioP99: ratio(r.server.p99, r.direct.p99) });
  }
  const withinBudget = sweep.filter((s) => s.server.p99 <= BUDGET_P99_MS && s.server.errors === 0);
  const highestRateWithinBudget = withinBudget.length ? Math.max(...withinBudget.map((s) => s.rate)) : null;

  console.log(`writes at ${WRITE_RATE}/s…`);
  const writeRuns: Awaited<ReturnType<typeof pair>>[] = [];
  for (let i = 0; i < WRITE_REPEATS; i++)
    writeRuns.push(await pair([serverWrites, directWrites], WRITE_RATE, SECONDS, i));
  const writes = {
    rate: WRITE_RATE,
    byKind: Object.fromEntries(
      Object.keys(serverWrites).map((k) => {
        const server = summary(writeRuns.flatMap((r) => r.byKind[k]!));
        const floor = summary(writeRuns.flatMap((r) => r.directByKind[k]!));
        return [
          k,
          { server, direct: floor, ratioP50: ratio(server.p50, floor.p50), ratioP99: ratio(server.p99, floor.p99) },
        ];
      }),
    ),
    errors: writeRuns.reduce((s, r) => s + r.server.errors, 0),
    directErrors: writeRuns.reduce((s, r) => s + r.direct.errors, 0),
  };

  await server.stop('SIGTERM');
  await direct.close();
  await cleanUpWrites(p.url);

  const result = {
    benchmark: 'server-list',
    date: new Date().toISOString(),
    method:
      'Open-loop load from one Node process (latency from send to the end of the answer); the server is crmkit-server ' +
      '(one process, pool of 10) on PostgreSQL 15 on the same machine. The floor sends, for each request, exactly the ' +
      'statements the server sent for it (captured from the server itself; transactions as transactions; fresh ids ' +
      'and idempotency keys for writes) through the same driver and pool size, from the same generator at the same ' +
      `rate, alternating with the server. Lists: the mix of ${Object.keys(reads).length} requests in turn; ` +
      `${REPEATS} runs of ${SECONDS} s at ${BUDGET_RATE} req/s (medians), then one run per rate of the sweep. Writes ` +
      '(as @crmkit/client sends them: Idempotency-Key, If-Match): contact create, contact update, deal move across stages.',
    dataset: `${CONTACTS.toLocaleString('en')} contacts in one workspace (40 × 40 names, 4 stages, 20 owners, tags on 10 %), 200 deals in 2 stages`,
    machine: machine(),
    budget,
    goal: { ratioP99: 2, pass: budget.median.ratioP99 <= 2 },
    absoluteBudget: { rate: BUDGET_RATE, p99: BUDGET_P99_MS, pass: budget.median.server.p99 <= BUDGET_P99_MS },
    sweep,
    highestRateWithinBudget,
    writes,
    overhead,
    profile: PROFILE ? summarizeProfileDir(profileDir, startMs + 1000) : null,
  };
  writeFileSync(new URL('./results/server-list.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ ...result, budget: { ...budget, byKind: undefined } }, null, 2));
  process.exit(result.goal.pass ? 0 : 1);
}

await main();
