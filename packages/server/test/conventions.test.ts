import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, expectProblem, expectServing } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/** Cross-cutting API conventions: ETags, problems, request ids, rate limits, modules, workspace isolation. */

let t: TestServer;
let key: string;

beforeAll(async () => {
  t = await startTestServer();
  key = t.a.keys.admin;
});
afterAll(() => t.close());

describe('ETag / If-Match', () => {
  it('GET, POST and PATCH return the version as ETag', async () => {
    const created = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Tag' });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe(`/v1/contacts/${created.body.id}`);
    const got = await t.call(key, 'GET', `/v1/contacts/${created.body.id}`);
    expect(got.headers.get('etag')).toBe('"1"');
    const patched = await t.call(key, 'PATCH', `/v1/contacts/${created.body.id}`, { title: 'x' });
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.body.version).toBe(2);
  });

  it('PATCH and DELETE with the current version succeed; a stale one is a 412 with the current record', async () => {
    const c = (await t.call(key, 'POST', '/v1/contacts', { firstName: 'Guarded' })).body;
    const ok = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'one' }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    // The same client retrying with its old ETag loses.
    const before = await dbState(t);
    const stale = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'lost update' }, { 'if-match': '"1"' });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ id: c.id, version: 2, title: 'one' });
    expectProblem(await t.call(key, 'DELETE', `/v1/contacts/${c.id}`, undefined, { 'if-match': '"1"' }), 412);
    expect(await dbState(t)).toBe(before);
    // Weak and bare forms, and *, are accepted.
    expect((await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'two' }, { 'if-match': 'W/"2"' })).status).toBe(
      200,
    );
    expect((await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'three' }, { 'if-match': '3' })).status).toBe(
      200,
    );
    expect((await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'four' }, { 'if-match': '*' })).status).toBe(
      200,
    );
    expect((await t.call(key, 'DELETE', `/v1/contacts/${c.id}`, undefined, { 'if-match': '"5"' })).status).toBe(204);
    expectProblem(await t.call(key, 'GET', `/v1/contacts/${c.id}`), 404);
  });

  it('without If-Match the last write wins', async () => {
    const c = (await t.call(key, 'POST', '/v1/contacts', { firstName: 'Free' })).body;
    await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'a' });
    const second = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'b' });
    expect(second.body).toMatchObject({ title: 'b', version: 3 });
  });

  it('applies to every resource', async () => {
    for (const [resource, body, patch] of [
      ['companies', { name: 'Acme' }, { industry: 'Retail' }],
      ['teams', { name: 'Ops' }, { description: 'Ops team' }],
      ['users', { name: 'Etag User', email: 'etag@a.test' }, { name: 'Renamed' }],
      ['pipelines', { name: 'P', stages: [{ name: 'New', probability: 10, kind: 'open' }] }, { name: 'P2' }],
    ] as const) {
      const created = await t.call(key, 'POST', `/v1/${resource}`, body);
      expect(created.headers.get('etag'), resource).toBe('"1"');
      expectProblem(
        await t.call(key, 'PATCH', `/v1/${resource}/${created.body.id}`, patch, { 'if-match': '"7"' }),
        412,
      );
      const ok = await t.call(key, 'PATCH', `/v1/${resource}/${created.body.id}`, patch, { 'if-match': '"1"' });
      expect(ok.status, resource).toBe(200);
      expect(ok.headers.get('etag')).toBe('"2"');
    }
  });

  it('with the capability off, no ETag is sent and If-Match is ignored', async () => {
    const core = await startTestServer({ capabilities: { etags: false } });
    try {
      const k = core.a.keys.admin;
      const created = await core.call(k, 'POST', '/v1/contacts', { firstName: 'NoTag' });
      expect(created.status).toBe(201);
      expect(created.headers.get('etag')).toBeNull();
      expect((await core.call(k, 'GET', `/v1/contacts/${created.body.id}`)).headers.get('etag')).toBeNull();
      const patched = await core.call(
        k,
        'PATCH',
        `/v1/contacts/${created.body.id}`,
        { title: 'x' },
        { 'if-match': '"99"' },
      );
      expect(patched.status).toBe(200);
      expect(patched.headers.get('etag')).toBeNull();
      const garbage = await core.call(
        k,
        'PATCH',
        `/v1/contacts/${created.body.id}`,
        { title: 'y' },
        { 'if-match': 'junk' },
      );
      expect(garbage.status).toBe(200);
      const batch = await core.call(k, 'POST', '/v1/contacts/batch', {
        operations: [{ op: 'update', id: created.body.id, ifVersion: 42, data: { title: 'z' } }],
      });
      expect(batch.body.results[0].status).toBe(200);
      expect(
        (await core.call(k, 'DELETE', `/v1/contacts/${created.body.id}`, undefined, { 'if-match': '"1"' })).status,
      ).toBe(204);
      const schema = await core.call(k, 'GET', '/v1/schema');
      expect(schema.body.capabilities.etags).toBe(false);
    } finally {
      await core.close();
    }
  });
});

describe('problems and request ids', () => {
  it('every error is problem+json with type, title, status, instance and requestId', async () => {
    const res = await t.call(key, 'GET', '/v1/contacts/con_missing', undefined, { 'x-request-id': 'req-123' });
    expectProblem(res, 404);
    expect(res.body).toMatchObject({
      type: 'https://crmkit.dev/problems/not-found',
      title: 'Not found',
      instance: '/v1/contacts/con_missing',
      requestId: 'req-123',
    });
    expect(res.headers.get('x-request-id')).toBe('req-123');
  });

  it('validation problems list every offending path', async () => {
    const res = await t.call(key, 'POST', '/v1/contacts', {
      firstName: 1,
      emails: ['ok@a.vn', 'bad'],
      lifecycleStage: 'x',
      extra: true,
    });
    expectProblem(res, 400);
    expect(res.body.type).toBe('https://crmkit.dev/problems/validation-failed');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['emails.1', 'extra', 'firstName', 'lifecycleStage'].sort(),
    );
  });

  it('every response carries a request id', async () => {
    const res = await t.call(key, 'GET', '/v1/contacts');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past the limit, and recovers after the window', async () => {
    const limited = await startTestServer({ capabilities: { rateLimit: { limit: 5, windowSeconds: 60 } } });
    try {
      const k = limited.a.keys.agent;
      for (let i = 0; i < 5; i++) {
        const ok = await limited.call(k, 'GET', '/v1/contacts');
        expect(ok.status).toBe(200);
        expect(ok.headers.get('ratelimit-limit')).toBe('5');
        expect(ok.headers.get('ratelimit-remaining')).toBe(String(4 - i));
      }
      const sixth = await limited.call(k, 'POST', '/v1/contacts', { firstName: 'Too many' });
      expectProblem(sixth, 429);
      const retryAfter = Number(sixth.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Nothing was created by the refused request.
      const { rows } = await limited.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts');
      expect(rows[0]!.n).toBe(0);
      // Another token has its own budget.
      expect((await limited.call(limited.a.keys.admin, 'GET', '/v1/contacts')).status).toBe(200);
      limited.clock.advance({ seconds: retryAfter });
      expect((await limited.call(k, 'GET', '/v1/contacts')).status).toBe(200);
      const schema = await limited.call(k, 'GET', '/v1/schema');
      expect(schema.body.capabilities.rateLimit).toEqual({ limit: 5, windowSeconds: 60 });
      // /healthz is never limited.
      for (let i = 0; i < 10; i++) {
        expect((await limited.server.fetch(new Request('http://crm.test/healthz'))).status).toBe(200);
      }
    } finally {
      await limited.close();
    }
  });
});

describe('modules', () => {
  it('a module switched off answers 404 problems', async () => {
    const off = await startTestServer({ settings: { modules: { company: false } } });
    try {
      const res = await off.call(off.a.keys.admin, 'GET', '/v1/companies');
      expectProblem(res, 404);
      expect(res.body.type).toMatch(/module-disabled$/);
      expectProblem(await off.call(off.a.keys.admin, 'POST', '/v1/companies', { name: 'X' }), 404);
      expect((await off.call(off.a.keys.admin, 'GET', '/v1/contacts')).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});

describe('workspace isolation', () => {
  it("lists, gets, searches and batches never reveal another workspace's records", async () => {
    const b = t.b.keys.admin;
    const bIds = [
      (await t.call(b, 'POST', '/v1/companies', { name: 'B company' })).body.id,
      (await t.call(b, 'POST', '/v1/contacts', { firstName: 'B contact' })).body.id,
      (await t.call(b, 'POST', '/v1/teams', { name: 'B team' })).body.id,
      (
        await t.call(b, 'POST', '/v1/pipelines', {
          name: 'B pipe',
          stages: [{ name: 'S', probability: 5, kind: 'open' }],
        })
      ).body.id,
      t.b.users['admin@b.test']!,
    ];
    expect(bIds.every(Boolean)).toBe(true);
    for (const resource of ['companies', 'contacts', 'teams', 'pipelines', 'users']) {
      const list = await t.call(key, 'GET', `/v1/${resource}?limit=200`);
      const search = await t.call(key, 'POST', `/v1/${resource}/search`, { q: 'b', limit: 200 });
      for (const res of [list, search]) {
        expect(res.status).toBe(200);
        expect(
          res.body.data.some((r: { id: string }) => bIds.includes(r.id)),
          resource,
        ).toBe(false);
        expect(JSON.stringify(res.body)).not.toContain('ws_b');
      }
      for (const id of bIds) {
        expect((await t.call(key, 'GET', `/v1/${resource}/${id}`)).status).toBe(404);
      }
    }
    const before = await dbState(t);
    const batch = await t.call(key, 'POST', '/v1/contacts/batch', {
      operations: [
        { op: 'update', id: bIds[1], data: { title: 'x' } },
        { op: 'delete', id: bIds[1] },
      ],
    });
    expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([404, 404]);
    expect(await dbState(t)).toBe(before);
    const teamInB = await t.call(key, 'POST', '/v1/users', { name: 'X', email: 'x@a.test', teamIds: [bIds[2]] });
    expectProblem(teamInB, 400, 'teamIds');
    await expectServing(t);
  });
});
