import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmServer, createCrmServer } from '../src/app.js';
import { manualClock } from '../src/core/clock.js';
import type { Database, Queryable } from '../src/db/types.js';
import { provisionWorkspace } from '../src/workspace/provision.js';
import { freshDatabase } from './harness.js';

/**
 * A process can die between any two statements. These tests make one statement fail as a crash would (the rest of the
 * request never runs) and check what is left committed: a request with an Idempotency-Key commits its writes, events
 * and stored answer together or not at all, and a batch never commits half of itself.
 */

/** `db`, where the statement matching `crashAt` (once armed) throws as if the process had died there. */
function crashingDatabase(db: Database) {
  let crashAt: { pattern: RegExp; skip: number } | null = null;
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      if (crashAt?.pattern.test(sql) && crashAt.skip-- === 0) {
        crashAt = null;
        return Promise.reject(new Error('simulated crash'));
      }
      return q.query(sql, params);
    },
  });
  const wrapped: Database = { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
  return { db: wrapped, crashAt: (pattern: RegExp, skip = 0) => (crashAt = { pattern, skip }) };
}

let server: CrmServer;
let raw: Database;
let drop: () => Promise<void>;
let crash: ReturnType<typeof crashingDatabase>;
let key: string;
const clock = manualClock('2026-11-23T02:00:00.000Z');

beforeAll(async () => {
  ({ db: raw, drop } = await freshDatabase());
  crash = crashingDatabase(raw);
  server = await createCrmServer({ db: crash.db, clock, onError: () => {} });
  const ws = await provisionWorkspace(raw, {
    id: 'ws_crash',
    name: 'Crash',
    clock,
    users: [{ name: 'Admin', email: 'admin@crash.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@crash.test' }],
  });
  key = ws.keys.admin!;
});
afterAll(() => drop());

const post = async (path: string, body: unknown, idempotencyKey?: string) => {
  const res = await server.fetch(
    new Request(`http://crm.test${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, headers: res.headers, body: await res.json() };
};
const count = async (lastName: string) =>
  (
    await raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM contacts WHERE workspace_id = 'ws_crash' AND last_name = $1",
      [lastName],
    )
  ).rows[0]!.n;
const events = async (lastName: string) =>
  (
    await raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE workspace_id = 'ws_crash' AND data->>'lastName' = $1",
      [lastName],
    )
  ).rows[0]!.n;

describe('a crash part-way through a request', () => {
  it('before the answer of a keyed create is stored: nothing committed, the retry creates it once', async () => {
    crash.crashAt(/^UPDATE idempotency_keys/);
    expect((await post('/v1/contacts', { firstName: 'A', lastName: 'answer-lost' }, 'k-1')).status).toBe(500);
    expect(await count('answer-lost')).toBe(0);
    // Long after the first attempt (when a claim of a dead process would be taken over), the retry runs once.
    clock.advance({ minutes: 10 });
    const retry = await post('/v1/contacts', { firstName: 'A', lastName: 'answer-lost' }, 'k-1');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('/v1/contacts', { firstName: 'A', lastName: 'answer-lost' }, 'k-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(retry.body.id);
    expect(await count('answer-lost')).toBe(1);
    expect(await events('answer-lost')).toBe(1);
  });

  it('in the middle of a batch: none of its operations are committed, the retry applies all of them once', async () => {
    const operations = [1, 2, 3, 4].map((i) => ({
      op: 'create',
      data: { firstName: `B${i}`, lastName: 'half-batch' },
    }));
    crash.crashAt(/^INSERT INTO contacts/, 2);
    expect((await post('/v1/contacts/batch', { operations }, 'k-2')).status).toBe(500);
    expect(await count('half-batch')).toBe(0);
    expect(await events('half-batch')).toBe(0);
    const retry = await post('/v1/contacts/batch', { operations }, 'k-2');
    expect(retry.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 201, 201]);
    expect(await count('half-batch')).toBe(4);
    expect(await events('half-batch')).toBe(4);
  });

  it('in the middle of a batch sent without a key: none of its operations are committed', async () => {
    const operations = [1, 2, 3].map((i) => ({ op: 'create', data: { firstName: `C${i}`, lastName: 'unkeyed' } }));
    crash.crashAt(/^INSERT INTO contacts/, 1);
    expect((await post('/v1/contacts/batch', { operations })).status).toBe(500);
    expect(await count('unkeyed')).toBe(0);
  });

  it('keeps the per-operation results of a batch: a failing operation leaves the others applied', async () => {
    const ok = { op: 'create', data: { firstName: 'D', lastName: 'mixed' } };
    const res = await post('/v1/contacts/batch', {
      operations: [ok, { op: 'update', id: 'con_missing', data: { title: 'x' } }, ok],
    });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 404, 201]);
    expect(await count('mixed')).toBe(2);
    expect(await events('mixed')).toBe(2);
  });
});
