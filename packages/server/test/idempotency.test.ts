import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, expectProblem } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/** `Idempotency-Key` on POST and PATCH. */

let t: TestServer;
let key: string;

beforeAll(async () => {
  t = await startTestServer();
  key = t.a.keys.admin;
});
afterAll(() => t.close());

const count = async (k = key) => (await t.call(k, 'GET', '/v1/contacts?limit=200')).body.data.length as number;
const post = (body: unknown, idemKey: string, k = key, path = '/v1/contacts') =>
  t.call(k, 'POST', path, body, { 'idempotency-key': idemKey });

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, creating nothing twice', async () => {
    const before = await count();
    const first = await post({ firstName: 'Once' }, 'key-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post({ firstName: 'Once' }, 'key-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('location')).toBe(`/v1/contacts/${first.body.id}`);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    // Even after the record changed, the replay is the original response.
    await t.call(key, 'PATCH', `/v1/contacts/${first.body.id}`, { title: 'Changed' });
    const third = await post({ firstName: 'Once' }, 'key-1');
    expect(third.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
  });

  it('answers 409 for the same key with another body or path', async () => {
    await post({ firstName: 'Original' }, 'key-2');
    const state = await dbState(t);
    const other = await post({ firstName: 'Different' }, 'key-2');
    expectProblem(other, 409);
    expect(other.body.type).toMatch(/idempotency-key-reused$/);
    expectProblem(await post({ name: 'Original' }, 'key-2', key, '/v1/companies'), 409);
    // Another user of the same workspace cannot replay someone else's response.
    expectProblem(await post({ firstName: 'Original' }, 'key-2', t.a.keys.manager), 409);
    expect(await dbState(t)).toBe(state);
  });

  it('keeps keys per workspace', async () => {
    const a = await post({ firstName: 'Shared key' }, 'key-3');
    const b = await post({ firstName: 'Shared key' }, 'key-3', t.b.keys.admin);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('does not keep a failed request, so a corrected retry with the same key runs', async () => {
    const bad = await post({ firstName: 5 }, 'key-4');
    expectProblem(bad, 400);
    const retry = await post({ firstName: 'Fixed' }, 'key-4');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const replay = await post({ firstName: 'Fixed' }, 'key-4');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('forgets a key after 24 hours', async () => {
    const first = await post({ firstName: 'Old' }, 'key-5');
    t.clock.advance({ hours: 23 });
    expect((await post({ firstName: 'Old' }, 'key-5')).headers.get('idempotent-replayed')).toBe('true');
    t.clock.advance({ hours: 2 });
    const reused = await post({ firstName: 'New' }, 'key-5');
    expect(reused.status).toBe(201);
    expect(reused.body.id).not.toBe(first.body.id);
  });

  it('creates one record when the same request races itself', async () => {
    const before = await count();
    const results = await Promise.all([1, 2, 3].map(() => post({ firstName: 'Racer' }, 'key-6')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('rejects an overlong key and ignores keys on DELETE', async () => {
    expectProblem(await post({ firstName: 'X' }, 'k'.repeat(256)), 400, 'Idempotency-Key');
    const c = (await post({ firstName: 'Deleted' }, 'key-7')).body;
    const h = { 'idempotency-key': 'key-8' };
    expect((await t.call(key, 'DELETE', `/v1/contacts/${c.id}`, undefined, h)).status).toBe(204);
    expectProblem(await t.call(key, 'DELETE', `/v1/contacts/${c.id}`, undefined, h), 404);
  });

  it('replays a PATCH retried after its answer was lost, instead of failing its own If-Match', async () => {
    const c = (await post({ firstName: 'Patched' }, 'key-10')).body;
    const h = { 'idempotency-key': 'key-11', 'if-match': '"1"' };
    const first = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'a' }, h);
    expect(first.body.version).toBe(2);
    const retry = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'a' }, h);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe('"2"');
    // The same key with another patch or another If-Match is another request.
    expectProblem(await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'b' }, h), 409);
    expectProblem(await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'a' }, { ...h, 'if-match': '"2"' }), 409);
    // Without a key, the same PATCH fails its If-Match as before.
    expectProblem(await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'a' }, { 'if-match': '"1"' }), 412);
    expect((await t.call(key, 'GET', `/v1/contacts/${c.id}`)).body.version).toBe(2);
  });

  it('stores nothing for a search, with or without a key', async () => {
    const rows = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n;
    const before = await rows();
    const search = { filter: { field: 'firstName', op: 'eq', value: 'Once' } };
    const plain = await t.call(key, 'POST', '/v1/contacts/search', search);
    const keyed = await t.call(key, 'POST', '/v1/contacts/search', search, { 'idempotency-key': 'key-12' });
    expect([plain.status, keyed.status]).toEqual([200, 200]);
    expect(keyed.headers.get('idempotent-replayed')).toBeNull();
    expect(keyed.body).toEqual(plain.body);
    expect(await rows()).toBe(before);
  });

  it('answers reads sent as POST (a segment preview, a rule dry run) under a key, storing nothing', async () => {
    const rows = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n;
    const before = await rows();
    const filter = { field: 'firstName', op: 'eq', value: 'Once' };
    const preview = await t.call(key, 'POST', '/v1/segments/preview', { filter }, { 'idempotency-key': 'key-13' });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toEqual({ value: 1, exact: true });
    const rule = {
      name: 'Tag',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'add_tag', tag: 't' }],
    };
    const dryRun = await t.call(key, 'POST', '/v1/automation-rules/dry-run', { rule }, { 'idempotency-key': 'key-14' });
    expect(dryRun.status).toBe(200);
    expect(await rows()).toBe(before);
  });

  it('commits a keyed write that is not a record (notifications read) with its key', async () => {
    const read = await t.call(key, 'POST', '/v1/notifications/read-all', {}, { 'idempotency-key': 'key-15' });
    expect(read.status).toBe(200);
    const again = await t.call(key, 'POST', '/v1/notifications/read-all', {}, { 'idempotency-key': 'key-15' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('applies to other POST routes, e.g. batch', async () => {
    const body = { operations: [{ op: 'create', data: { firstName: 'Batched' } }] };
    const before = await count();
    const first = await t.call(key, 'POST', '/v1/contacts/batch', body, { 'idempotency-key': 'key-9' });
    const again = await t.call(key, 'POST', '/v1/contacts/batch', body, { 'idempotency-key': 'key-9' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(before + 1);
  });
});

describe('with the capability off', () => {
  it('does not replay', async () => {
    const core = await startTestServer({ capabilities: { idempotency: false } });
    try {
      const k = core.a.keys.admin;
      const h = { 'idempotency-key': 'same' };
      const first = await core.call(k, 'POST', '/v1/contacts', { firstName: 'Twice' }, h);
      const second = await core.call(k, 'POST', '/v1/contacts', { firstName: 'Twice' }, h);
      const third = await core.call(k, 'POST', '/v1/contacts', { firstName: 'Other' }, h);
      expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
      expect(second.body.id).not.toBe(first.body.id);
      expect((await core.call(k, 'GET', '/v1/contacts')).body.data).toHaveLength(3);
    } finally {
      await core.close();
    }
  });
});
