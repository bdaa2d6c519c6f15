import type { SlaPolicy } from '@crmkit/spec';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CrmServer, createCrmServer } from '../src/app.js';
import { manualClock } from '../src/core/clock.js';
import { runJob } from '../src/core/jobs.js';
import { openDatabase } from '../src/db/database.js';
import type { Database } from '../src/db/types.js';
import { provisionWorkspace } from '../src/workspace/provision.js';

/**
 * Several server processes on one PostgreSQL, each with its own pool, bus and memory, as separate processes would be
 * (the soak and scale-out benchmarks run real processes): they start together, a write through one reaches a change
 * feed on another through LISTEN/NOTIFY, and the rate limit, idempotency keys and SLA sweeps hold across them.
 */

const url = process.env.CRMKIT_TEST_DATABASE_URL;
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const clock = manualClock(MONDAY_0900);
const none = { firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null };
/** Mon–Fri 09:00–18:00 in Ho Chi Minh City: Monday 09:00 there is MONDAY_0900. */
const calendar = {
  id: 'cal_vn',
  name: 'HCMC office',
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: [],
};
const policy: SlaPolicy = {
  id: 'sla_fast',
  name: 'Fast',
  position: 1,
  calendarId: 'cal_vn',
  conditions: {},
  targets: {
    low: none,
    normal: { firstResponseMinutes: 10, nextResponseMinutes: null, resolutionMinutes: null },
    high: none,
    urgent: none,
  },
  warnBeforeMinutes: 0,
};

let admin: Database;
let name: string;
const dbs: Database[] = [];
let servers: CrmServer[] = [];
let key: string;

/** A server "process": its own pool on the shared database. */
async function startProcess(options: Parameters<typeof createCrmServer>[0]['capabilities'] = {}) {
  const u = new URL(url!);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString() });
  dbs.push(db);
  return createCrmServer({ db, clock, capabilities: options, onError: () => {} });
}

const call = async (server: CrmServer, method: string, path: string, body?: unknown, headers = {}) => {
  const res = await server.fetch(
    new Request(`http://crm.test${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: res.status, headers: res.headers, body: await res.json() };
};

/** Opens the change feed on `server` and collects its events' ids and types, until `stop()`. */
async function follow(server: CrmServer) {
  const abort = new AbortController();
  const res = await server.fetch(
    new Request('http://crm.test/v1/events', { headers: { authorization: `Bearer ${key}` }, signal: abort.signal }),
  );
  const events: { id: string; type: string; data: { id?: string } }[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    events,
    stop: async () => {
      abort.abort();
      await reader.cancel().catch(() => {});
      await reading;
    },
  };
}

/** Waits until `check()` holds or `ms` pass, without timers (some tests fake them). */
const until = async (check: () => boolean, ms: number) => {
  const start = performance.now();
  while (!check() && performance.now() - start < ms) await new Promise((r) => setImmediate(r));
  return check();
};

describe.skipIf(!url)('several processes on one PostgreSQL', () => {
  beforeAll(async () => {
    admin = await openDatabase({ url: url! });
    name = `crmkit_scale_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    // Three processes starting at once on an empty database: one migrates, the others wait for it.
    servers = await Promise.all([startProcess(), startProcess(), startProcess()]);
    const ws = await provisionWorkspace(dbs[0]!, {
      id: 'ws_scale',
      name: 'Scale',
      clock,
      settings: { businessCalendars: [calendar], slaPolicies: [policy] },
      users: [{ name: 'Admin', email: 'admin@scale.test', role: 'admin' }],
      keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@scale.test' }],
    });
    key = ws.keys.admin!;
  });
  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.close()));
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  it('all start on an empty database at once, migrated once', async () => {
    const { rows } = await dbs[0]!.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
    for (const s of servers) expect((await s.fetch(new Request('http://crm.test/readyz'))).status).toBe(200);
  });

  it('delivers a write through one process to feeds on the others, woken by LISTEN/NOTIFY, not by polling', async () => {
    const [a, b, c] = servers as [CrmServer, CrmServer, CrmServer];
    const ready = await b.fetch(new Request('http://crm.test/readyz'));
    expect(await ready.json()).toMatchObject({ ok: true, feed: 'live' });
    // No timer fires in this test, so no feed can poll: only a notification can wake it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const onB = await follow(b);
    const onC = await follow(c);
    try {
      const created = await call(a, 'POST', '/v1/contacts', { firstName: 'Across' });
      expect(created.status).toBe(201);
      const arrived = (f: Awaited<ReturnType<typeof follow>>) => f.events.some((e) => e.data.id === created.body.id);
      expect(await until(() => arrived(onB) && arrived(onC), 10_000)).toBe(true);
    } finally {
      await onB.stop();
      await onC.stop();
      vi.useRealTimers();
    }
  });

  it('polls every second where LISTEN is not available (a pooler in transaction mode, say)', async () => {
    const [a] = servers as [CrmServer];
    const u = new URL(url!);
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString() });
    dbs.push(db);
    const deaf = await createCrmServer({
      db: { ...db, listen: async (_channel, _onMessage, onState) => onState(false) },
      clock,
      onError: () => {},
    });
    expect(await (await deaf.fetch(new Request('http://crm.test/readyz'))).json()).toMatchObject({ feed: 'polling' });
    const feed = await follow(deaf);
    try {
      const created = await call(a, 'POST', '/v1/contacts', { firstName: 'Polled' });
      expect(await until(() => feed.events.some((e) => e.data.id === created.body.id), 5000)).toBe(true);
    } finally {
      await feed.stop();
    }
  });

  it('misses nothing while the LISTEN connection is cut, and listens again', async () => {
    const [a, b] = servers as [CrmServer, CrmServer];
    const onB = await follow(b);
    try {
      // Cut every LISTEN connection of the database, as a PostgreSQL failover or a network cut would.
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'",
        [name],
      );
      const created = await call(a, 'POST', '/v1/contacts', { firstName: 'While down' });
      expect(await until(() => onB.events.some((e) => e.data.id === created.body.id), 8000)).toBe(true);
      expect(await until(() => b.context.events.live, 8000)).toBe(true);
      const after = await call(a, 'POST', '/v1/contacts', { firstName: 'Back up' });
      expect(await until(() => onB.events.some((e) => e.data.id === after.body.id), 3000)).toBe(true);
    } finally {
      await onB.stop();
    }
  });

  it('positions events in commit order without a lock on writers, and catches up on a process that died before', async () => {
    const [a, b] = servers as [CrmServer, CrmServer];
    const feed = await follow(b);
    try {
      // Many writes of one workspace at once, through two processes: the feed gets each once, positions growing.
      const created = await Promise.all(
        Array.from({ length: 40 }, (_, i) => call(servers[i % 2]!, 'POST', '/v1/contacts', { firstName: `C${i}` })),
      );
      expect(created.every((r) => r.status === 201)).toBe(true);
      const ids = new Set(created.map((r) => r.body.id));
      expect(await until(() => feed.events.filter((e) => ids.has(e.data.id)).length === 40, 10_000)).toBe(true);
      const positions = feed.events.map((e) => Number(e.id));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(new Set(positions).size).toBe(positions.length);

      // A process that commits and dies before positioning its events: they have none until the sequencer job runs.
      await dbs[0]!.query(
        `INSERT INTO events (workspace_id, type, resource, resource_id, data, occurred_at)
         VALUES ('ws_scale', 'contact.updated', 'contacts', 'con_orphan', '{"id":"con_orphan"}', now())`,
      );
      const job = a.jobs.find((j) => j.name === 'event-sequencer')!;
      expect(await runJob(a.context.db, job)).toEqual({ ran: true, value: 1 });
      expect(await until(() => feed.events.some((e) => e.data.id === 'con_orphan'), 5000)).toBe(true);
    } finally {
      await feed.stop();
    }
  });

  it('creates one record when the same keyed request reaches two processes at once', async () => {
    const [a, b] = servers as [CrmServer, CrmServer];
    const body = { firstName: 'Once', lastName: 'across' };
    const headers = { 'idempotency-key': 'same-key-across' };
    const [ra, rb] = await Promise.all([
      call(a, 'POST', '/v1/contacts', body, headers),
      call(b, 'POST', '/v1/contacts', body, headers),
    ]);
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(ra.body.id).toBe(rb.body.id);
    expect([ra.headers.get('idempotent-replayed'), rb.headers.get('idempotent-replayed')].sort()).toEqual([
      null,
      'true',
    ]);
    const { rows } = await dbs[0]!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM contacts WHERE workspace_id = 'ws_scale' AND last_name = 'across'",
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('counts the rate limit of a token across processes', async () => {
    const limited = await Promise.all([
      startProcess({ rateLimit: { limit: 10, windowSeconds: 60 } }),
      startProcess({ rateLimit: { limit: 10, windowSeconds: 60 } }),
    ]);
    clock.set('2026-11-23T02:10:00.000Z'); // the start of a window
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => call(limited[i % 2]!, 'GET', '/v1/contacts?limit=1').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    clock.advance({ minutes: 1 });
    expect((await call(limited[0]!, 'GET', '/v1/contacts?limit=1')).status).toBe(200);
  });

  it('sweeps SLAs in one process at a time, and never announces a breach twice', async () => {
    clock.set(MONDAY_0900);
    const [a, b, c] = servers as [CrmServer, CrmServer, CrmServer];
    const requester = (await call(a, 'POST', '/v1/contacts', { firstName: 'Requester' })).body.id;
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(servers[i % 3]!, 'POST', '/v1/tickets', { subject: `Due ${i}`, requesterId: requester }),
      ),
    );
    expect(tickets.every((t) => t.status === 201)).toBe(true);
    clock.advance({ minutes: 11 });
    // The job: one process runs it, the others skip their turn.
    const runs = await Promise.all(
      [a, b, c].map((s) => runJob(s.context.db, s.jobs.find((j) => j.name === 'sla-sweep')!)),
    );
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    // Even swept by all of them at once (bypassing the lock), each breach is announced once.
    clock.advance({ minutes: 60 });
    await Promise.all([a, b, c].map((s) => s.sla.sweep()));
    const { rows } = await dbs[0]!.query<{ resource_id: string; n: number }>(
      "SELECT resource_id, count(*)::int AS n FROM events WHERE workspace_id = 'ws_scale' AND type = 'ticket.sla.breached' GROUP BY resource_id",
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
