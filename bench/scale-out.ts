/**
 * Benchmark: several crmkit-server processes on one PostgreSQL, behind nothing but their ports. Writes go to the
 * processes in turn while change-feed subscribers on every process time each event's arrival: same-process and
 * cross-process delivery latency (p50/p99), with PostgreSQL LISTEN/NOTIFY and with polling only (`--no-listen`), for
 * two and three processes. Then, on three real processes: one keyed request sent to all of them at once creates one
 * record, and a token's rate limit holds across them.
 *
 *   pnpm bench scale-out
 *
 * Writes bench/results/scale-out.json; exits 1 when a delivery is missing or a cross-process check fails.
 */
import { writeFileSync } from 'node:fs';
import { ServerProcess } from '@crmkit/soak';
import { openDatabase } from '../packages/server/src/db/database.js';
import { machine, summary } from './lib/machine.js';
import { type FeedConnection, openFeed } from './lib/sse.js';
import { timedCreates } from './lib/timed-creates.js';
import { writerWorkspace } from './lib/writer-workspace.js';

const RATE = Number(process.env.CRMKIT_SCALE_RATE ?? 50);
const SECONDS = Number(process.env.CRMKIT_SCALE_SECONDS ?? 15);
const SUBSCRIBERS_PER_PROCESS = 5;

async function startAll(url: string, n: number, args: string[] = []): Promise<ServerProcess[]> {
  const servers = Array.from({ length: n }, () => new ServerProcess({ kind: 'postgres', url }, args));
  await Promise.all(servers.map((s) => s.start()));
  return servers;
}

const post = (server: ServerProcess, key: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Writes through the processes in turn; every subscriber times every event. */
async function latency(url: string, key: string, n: number, mode: 'notify' | 'poll') {
  const servers = await startAll(url, n, mode === 'poll' ? ['--no-listen'] : []);
  const tag = `${mode}${n}-`;
  const total = RATE * SECONDS;
  const writerOf = new Int8Array(total);
  const same: number[] = [];
  const cross: number[] = [];
  const feeds: FeedConnection[] = [];
  for (const [p, server] of servers.entries()) {
    for (let k = 0; k < SUBSCRIBERS_PER_PROCESS; k++) {
      feeds.push(
        openFeed(server.url, key, (marker, at, title) => {
          if (!marker.startsWith(tag)) return;
          const i = Number(marker.slice(tag.length));
          (writerOf[i] === p ? same : cross).push(performance.timeOrigin + at - Number(title));
        }),
      );
    }
  }
  await Promise.all(feeds.map((f) => f.open));
  const { acks, errors } = await timedCreates(RATE, SECONDS, tag, (i, body) => {
    writerOf[i] = i % n;
    return post(servers[i % n]!, key, body);
  });
  const expected = (total - errors) * feeds.length;
  const until = performance.now() + 10_000;
  while (same.length + cross.length < expected && performance.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  for (const f of feeds) f.close();
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  return {
    processes: n,
    mode,
    writes: total,
    writeErrors: errors,
    missing: expected - same.length - cross.length,
    sameProcess: summary(same),
    crossProcess: summary(cross),
    writeAck: summary(acks),
  };
}

/** One keyed create sent to every process at once, for `keys` keys: one record per key, one id per key's answers. */
async function idempotencyAcross(url: string, key: string, keys: number) {
  const servers = await startAll(url, 3);
  let records = 0;
  let disagreements = 0;
  const statuses: Record<number, number> = {};
  for (let k = 0; k < keys; k++) {
    const answers = await Promise.all(
      servers.map((s) =>
        post(s, key, { firstName: 'Once', lastName: `idem-${k}` }, { 'idempotency-key': `across-${k}` }),
      ),
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    for (const r of answers) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (new Set(bodies.map((b) => b.id)).size !== 1) disagreements++;
  }
  const db = await openDatabase({ url });
  records = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM contacts WHERE last_name LIKE 'idem-%'"))
    .rows[0]!.n;
  await db.close();
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  return {
    keys,
    processes: 3,
    records,
    statuses,
    answersWithAnotherId: disagreements,
    pass: records === keys && disagreements === 0,
  };
}

/** A limit of `limit` requests a minute, `2 × limit` requests spread over three processes within one window. */
async function rateLimitAcross(url: string, key: string, limit: number) {
  const servers = await startAll(url, 3, ['--rate-limit', String(limit)]);
  // The window is a fixed minute: start early in one.
  while (Date.now() % 60_000 > 40_000) await new Promise((r) => setTimeout(r, 500));
  const statuses = await Promise.all(
    Array.from({ length: 2 * limit }, (_, i) =>
      fetch(`${servers[i % 3]!.url}/v1/contacts?limit=1`, { headers: { authorization: `Bearer ${key}` } }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
      ),
    ),
  );
  await Promise.all(servers.map((s) => s.stop('SIGTERM')));
  const ok = statuses.filter((s) => s === 200).length;
  const limited = statuses.filter((s) => s === 429).length;
  return { limit, requests: 2 * limit, processes: 3, ok, limited, pass: ok === limit && limited === limit };
}

const { url, key } = await writerWorkspace('crmkit_scaleout');
const before = machine();
const runs = [];
for (const n of [2, 3]) for (const mode of ['notify', 'poll'] as const) runs.push(await latency(url, key, n, mode));
const idempotency = await idempotencyAcross(url, key, 30);
const rateLimit = await rateLimitAcross(url, key, 60);
const result = {
  benchmark: 'scale-out',
  date: new Date().toISOString(),
  method:
    `crmkit-server processes (the CLI, pool of 10 each) on one PostgreSQL 15, on loopback ports; ${SUBSCRIBERS_PER_PROCESS} ` +
    `change-feed subscribers on each process (plain node:http in the benchmark process) and an open-loop writer of ` +
    `${RATE} contact creates per second for ${SECONDS} s, sent to the processes in turn. Latency runs from the moment ` +
    'a write is sent to the moment a subscriber has its event: same-process (the subscriber is on the process that ' +
    "took the write) and cross-process. Modes: 'notify' (LISTEN/NOTIFY, the default) and 'poll' (--no-listen: " +
    'feeds poll every second). Then, on three processes: 30 keyed creates each sent to all three at once, and a rate ' +
    'limit of 60 a minute against 120 requests spread over the three.',
  dataset: 'an empty workspace; the writes create contacts',
  machine: { ...machine(), loadavgBefore: before.loadavg },
  runs,
  idempotency,
  rateLimit,
};
writeFileSync(new URL('./results/scale-out.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
process.exit(runs.every((r) => r.missing === 0) && idempotency.pass && rateLimit.pass ? 0 : 1);
