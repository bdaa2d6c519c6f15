import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabaseOptions, openDatabase } from '../src/db/database.js';
import { type RunningCrmServer, startCrmServer } from '../src/node.js';
import { provisionWorkspace } from '../src/workspace/provision.js';

/** Readiness and graceful shutdown of a server on a port (PGlite, or PostgreSQL with CRMKIT_TEST_DATABASE_URL). */

const url = process.env.CRMKIT_TEST_DATABASE_URL;
let admin: Awaited<ReturnType<typeof openDatabase>> | null = null;
let dbName: string | null = null;

async function database(): Promise<OpenDatabaseOptions> {
  if (!url) return {};
  admin = await openDatabase({ url });
  dbName = `crmkit_life_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return { url: u.toString() };
}

/** Waits until `check()` holds (or fails the test after 10 s). */
async function until(check: () => boolean | Promise<boolean>, what: string) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let running: RunningCrmServer;
let options: OpenDatabaseOptions;
let key: string;
const headers = () => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

beforeAll(async () => {
  options = await database();
  running = await startCrmServer({ database: options, port: 0, slaSweepMs: 0, drainTimeoutMs: 5000 });
  const ws = await provisionWorkspace(running.db, {
    id: 'ws_life',
    name: 'Life',
    users: [{ name: 'Admin', email: 'admin@life.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@life.test' }],
  });
  key = ws.keys.admin!;
});
afterAll(async () => {
  await running.close();
  if (admin && dbName) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin?.close();
});

describe('a server on a port', () => {
  it('is ready while its database answers', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      database: 'up',
      feed: 'live',
      inFlight: 0,
      feeds: 0,
      draining: false,
    });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('shuts down gracefully: the request in flight finishes, feeds end with a retry hint, new requests are refused', async () => {
    const created = await (
      await fetch(`${running.url}/v1/contacts`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify({ firstName: 'Inflight' }),
      })
    ).json();
    const feed = await fetch(`${running.url}/v1/events`, { headers: headers() });
    let feedText = '';
    const feedRead = (async () => {
      const decoder = new TextDecoder();
      const reader = feed.body!.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        feedText += decoder.decode(r.value, { stream: true });
      }
    })();
    await until(() => running.server.status().feeds === 1, 'the feed');

    // Hold the contact's row (PostgreSQL) or the one connection (PGlite), so that an update stays in flight.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let holding = false;
    const holder = running.db.transaction(async (tx) => {
      if (running.db.kind === 'postgres') {
        await tx.query('SELECT 1 FROM contacts WHERE id = $1 FOR UPDATE', [created.id]);
      }
      holding = true;
      await gate;
    });
    await until(() => holding, 'the lock');
    const update = fetch(`${running.url}/v1/contacts/${created.id}`, {
      method: 'PATCH',
      headers: { ...headers(), 'if-match': '"1"' },
      body: JSON.stringify({ title: 'Finished during shutdown' }),
    });
    await until(() => running.server.status().inFlight === 1, 'the update in flight');

    const closing = running.close();
    await until(() => running.server.status().draining, 'draining');
    await feedRead;
    expect(feedText).toMatch(/: the server is shutting down; reconnect\nretry: 500\nid: \d+\n\n$/);
    // A new request is refused: no new connection is accepted, and one kept alive gets a 503.
    const late = await fetch(`${running.url}/v1/contacts`, { headers: headers() }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect([503, 'refused']).toContain(late);

    release();
    await holder;
    const res = await update;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: 'Finished during shutdown', version: 2 });
    await closing;
    if (options.url) {
      const db = await openDatabase(options);
      const { rows } = await db.query<{ title: string }>('SELECT title FROM contacts WHERE id = $1', [created.id]);
      await db.close();
      expect(rows[0]?.title).toBe('Finished during shutdown');
    }
  });
});
