/**
 * Benchmark: change-feed fan-out. 1,000 feed subscribers on one crmkit-server process (PostgreSQL), 100 writes per
 * second; how long each event takes from the write being sent to each subscriber having it (p50/p99), whether every
 * subscriber got every event, and the server's CPU. A run with 10 subscribers in the same run is the baseline.
 *
 *   pnpm bench feed-fanout
 *   CRMKIT_FANOUT_SUBSCRIBERS=2000 CRMKIT_FANOUT_RATE=200 pnpm bench feed-fanout
 *
 * Writes bench/results/feed-fanout.json.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ServerProcess } from '@crmkit/soak';
import { machine, summary } from './lib/machine.js';
import { timedCreates } from './lib/timed-creates.js';
import { writerWorkspace } from './lib/writer-workspace.js';

const SUBSCRIBERS = Number(process.env.CRMKIT_FANOUT_SUBSCRIBERS ?? 1000);
const BASELINE = 10;
const RATE = Number(process.env.CRMKIT_FANOUT_RATE ?? 100);
const SECONDS = Number(process.env.CRMKIT_FANOUT_SECONDS ?? 20);

/** Subscriber processes, so that parsing a hundred thousand events a second does not starve the writer. */
const PROCESSES = Number(process.env.CRMKIT_FANOUT_PROCESSES ?? 4);
const subscriberScript = fileURLToPath(new URL('./lib/fanout-subscriber.ts', import.meta.url));

interface Subscriber {
  child: ChildProcess;
  /** Events received so far (reported every 500 ms). */
  progress: () => number;
  done: Promise<{ received: number; latencies: number[] }>;
}

/** Starts `count` feed connections in a child process, resolving once they are all open. */
async function subscribers(origin: string, key: string, count: number, tag: string): Promise<Subscriber> {
  const child = fork(subscriberScript, { execArgv: ['--conditions=@crmkit/source', '--import', 'tsx'] });
  child.send({ origin, key, count, tag });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`subscriber process exited (${code})`)));
  });
  let progress = 0;
  const done = new Promise<{ received: number; latencies: number[] }>((resolve) => {
    const onMessage = (m: { progress?: number; latencies?: number[]; received?: number }) => {
      if (m.latencies) {
        child.off('message', onMessage);
        resolve(m as { received: number; latencies: number[] });
      } else progress = m.progress ?? progress;
    };
    child.on('message', onMessage);
  });
  return { child, progress: () => progress, done };
}

/** `count` feeds, `RATE` creates per second for `SECONDS`; every delivery's latency from its write's send. */
async function run(server: ServerProcess, key: string, count: number, tag: string) {
  const total = RATE * SECONDS;
  const per = Math.ceil(count / PROCESSES);
  const subs: Subscriber[] = [];
  for (let open = 0; open < count; open += per)
    subs.push(await subscribers(server.url, key, Math.min(per, count - open), tag));
  await new Promise((r) => setTimeout(r, 500));
  const cpu = server.cpuMs() ?? 0;
  const start = performance.now();
  const { acks, errors } = await timedCreates(RATE, SECONDS, tag, (_i, body) =>
    fetch(`${server.url}/v1/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const serverCpu = ((server.cpuMs() ?? 0) - cpu) / 1000;
  // Until every event has arrived (or nothing more arrives for 5 s): the server's CPU counted until then.
  const expected = (total - errors) * count;
  let last = -1;
  let still = performance.now();
  for (;;) {
    const got = subs.reduce((n, s) => n + s.progress(), 0);
    if (got >= expected) break;
    if (got !== last) [last, still] = [got, performance.now()];
    else if (performance.now() - still > 5000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const allCpuMs = (server.cpuMs() ?? 0) - cpu;
  for (const s of subs) s.child.send({ stop: true });
  const results = await Promise.all(subs.map((s) => s.done));
  const delivered = results.flatMap((r) => r.latencies);
  return {
    subscribers: count,
    subscriberProcesses: subs.length,
    writesPerSecond: RATE,
    seconds: SECONDS,
    writes: total,
    writeErrors: errors,
    deliveries: delivered.length,
    missing: (total - errors) * count - delivered.length,
    delivery: summary(delivered),
    writeAck: summary(acks),
    serverCpuShare: +(serverCpu / seconds).toFixed(2),
    /** The server's CPU time per write and its deliveries, from the first write until the last delivery. */
    serverCpuUsPerWrite: Math.round((allCpuMs * 1000) / total),
  };
}

const { url, key } = await writerWorkspace('crmkit_fanout');
const server = new ServerProcess({ kind: 'postgres', url });
await server.start();
const before = machine();
const baseline = await run(server, key, BASELINE, 'b');
const fanout = await run(server, key, SUBSCRIBERS, 'f');
await server.stop('SIGTERM');
const result = {
  benchmark: 'feed-fanout',
  date: new Date().toISOString(),
  method:
    `One crmkit-server process on PostgreSQL 15; ${SUBSCRIBERS} change-feed connections (plain node:http, spread over ` +
    `${PROCESSES} subscriber processes that parse only each event's marker and send time) and an open-loop writer of ` +
    `${RATE} contact creates per second for ${SECONDS} s, all on this machine. Delivery latency runs from the moment a ` +
    'write is sent to the moment a subscriber has its event (so it includes the write itself: see writeAck). ' +
    `Baseline: ${BASELINE} subscribers, same run, same rate.`,
  dataset: 'an empty workspace; the writes create contacts',
  machine: { ...machine(), loadavgBefore: before.loadavg },
  baseline,
  fanout,
};
writeFileSync(new URL('./results/feed-fanout.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
process.exit(fanout.missing === 0 && fanout.writeErrors === 0 ? 0 : 1);
