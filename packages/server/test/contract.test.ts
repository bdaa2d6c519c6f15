import { routes } from '@crmkit/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let contact: any;

beforeAll(async () => {
  t = await startTestServer();
  admin = t.a.keys.admin;
  contact = (await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Lan', lastName: 'Trần', emails: ['lan@x.vn'] }))
    .body;
  await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Second' });
});
afterAll(() => t.close());

/** Everything workspace A holds, to prove a bad request changed nothing. */
const snapshot = async () => JSON.stringify((await t.call(admin, 'GET', '/v1/contacts?limit=200')).body);

function expectProblem(res: { status: number; headers: Headers; body: any }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, type: expect.stringContaining('https://'), title: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|\.ts:\d+/);
}

describe('bad input gets a 4xx problem, changes nothing, and the server keeps serving', () => {
  const cases: [string, () => Promise<any>, number, string?][] = [
    ['malformed JSON', () => t.call(admin, 'POST', '/v1/contacts', '{"firstName": "x",'), 400],
    [
      'not JSON',
      () =>
        t.call(admin, 'POST', '/v1/contacts', 'firstName=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    ],
    ['wrong types', () => t.call(admin, 'POST', '/v1/contacts', { firstName: 42, emails: 'a@b.c' }), 400, 'firstName'],
    ['unknown fields', () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'x', isAdmin: true }), 400, 'isAdmin'],
    ['oversize body', () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'x'.repeat(1_100_000) }), 413],
    ['bad cursor', () => t.call(admin, 'GET', '/v1/contacts?cursor=not-a-cursor'), 400, 'cursor'],
    [
      'cursor for another sort',
      async () => {
        const page = await t.call(admin, 'GET', '/v1/contacts?limit=1&sort=firstName');
        return t.call(admin, 'GET', `/v1/contacts?limit=1&sort=-createdAt&cursor=${page.body.nextCursor}`);
      },
      400,
      'cursor',
    ],
    ['limit out of range', () => t.call(admin, 'GET', '/v1/contacts?limit=201'), 400, 'limit'],
    ['unknown sort', () => t.call(admin, 'GET', '/v1/contacts?sort=password'), 400, 'sort'],
    ['unknown filter field', () => t.call(admin, 'GET', '/v1/contacts?filter[password]=x'), 400],
    ['bad filter value', () => t.call(admin, 'GET', '/v1/contacts?filter[birthday][gte]=yesterday'), 400],
    ['unknown id', () => t.call(admin, 'PATCH', '/v1/contacts/con_missing', { firstName: 'x' }), 404],
    [
      'stale version',
      () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { firstName: 'x' }, { 'if-match': '"999"' }),
      412,
    ],
    [
      'malformed If-Match',
      () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { firstName: 'x' }, { 'if-match': 'yes please' }),
      400,
    ],
    ["another workspace's id in the path", () => t.call(t.b.keys.admin, 'DELETE', `/v1/contacts/${contact.id}`), 404],
    [
      "another workspace's id in a reference",
      async () => {
        const bCompany = (await t.call(t.b.keys.admin, 'POST', '/v1/companies', { name: 'B Co' })).body;
        return t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { companyId: bCompany.id });
      },
      400,
      'companyId',
    ],
    [
      'bad search tree',
      () =>
        t.call(admin, 'POST', '/v1/contacts/search', {
          filter: { and: [{ field: 'firstName', op: 'like', value: 'x' }] },
        }),
      400,
    ],
    [
      'too many batch operations',
      () =>
        t.call(admin, 'POST', '/v1/contacts/batch', {
          operations: Array.from({ length: 101 }, () => ({ op: 'delete', id: 'x' })),
        }),
      400,
    ],
  ];

  for (const [name, run, status, path] of cases) {
    it(name, async () => {
      const before = await snapshot();
      const res = await run();
      expectProblem(res, status);
      if (path) expect(res.body.errors.map((e: any) => e.path).join(' ')).toContain(path);
      expect(await snapshot()).toBe(before);
      expect((await t.call(admin, 'GET', '/v1/me')).status).toBe(200);
    });
  }

  it('stores SQL-looking strings as plain data', async () => {
    const evil = "Robert'); DROP TABLE contacts; --";
    const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: evil, tags: ["' OR 1=1 --"] });
    expect(res.status).toBe(201);
    expect(res.body.firstName).toBe(evil);
    const found = await t.call(
      admin,
      'GET',
      `/v1/contacts?q=${encodeURIComponent('drop table')}&filter[tags]=${encodeURIComponent("' OR 1=1 --")}`,
    );
    expect(found.body.data.map((c: any) => c.id)).toEqual([res.body.id]);
    expectProblem(await t.call(admin, 'GET', `/v1/contacts/${encodeURIComponent("x' OR '1'='1")}`), 404);
  });
});

describe('conventions', () => {
  it('sends ETags and honours If-Match', async () => {
    const created = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Etag' });
    expect(created.headers.get('etag')).toBe('"1"');
    const ok = await t.call(admin, 'PATCH', `/v1/contacts/${created.body.id}`, { title: 'CEO' }, { 'if-match': '"1"' });
    expect(ok.headers.get('etag')).toBe('"2"');
    expectProblem(
      await t.call(admin, 'DELETE', `/v1/contacts/${created.body.id}`, undefined, { 'if-match': '"1"' }),
      412,
    );
    expect(
      (await t.call(admin, 'DELETE', `/v1/contacts/${created.body.id}`, undefined, { 'if-match': '"2"' })).status,
    ).toBe(204);
  });

  it('answers CORS preflights before authentication and exposes the contract headers', async () => {
    const preflight = await t.server.fetch(
      new Request('http://crm.test/v1/contacts', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://portal.example',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization,if-match',
        },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    const res = await t.server.fetch(
      new Request(`http://crm.test/v1/contacts/${contact.id}`, {
        headers: { origin: 'https://portal.example', authorization: `Bearer ${admin}` },
      }),
    );
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('replays an Idempotency-Key and rejects it with another body', async () => {
    const key = { 'idempotency-key': 'k-1' };
    const first = await t.call(admin, 'POST', '/v1/companies', { name: 'Once' }, key);
    const retry = await t.call(admin, 'POST', '/v1/companies', { name: 'Once' }, key);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await t.call(admin, 'POST', '/v1/companies', { name: 'Other' }, key), 409);
    const list = await t.call(admin, 'GET', '/v1/companies?q=once');
    expect(list.body.data).toHaveLength(1);
  });

  it('enforces roles and authentication', async () => {
    expectProblem(await t.call('', 'GET', '/v1/contacts'), 401);
    expectProblem(await t.call('ck_not_a_real_key_at_all', 'GET', '/v1/contacts'), 401);
    expect((await t.call(t.a.keys.viewer, 'GET', '/v1/contacts')).status).toBe(200);
    expectProblem(await t.call(t.a.keys.viewer, 'POST', '/v1/contacts', { firstName: 'x' }), 403);
    expectProblem(await t.call(t.a.keys.agent, 'DELETE', `/v1/contacts/${contact.id}`), 403);
    const me = await t.call(t.a.keys.agent, 'GET', '/v1/me');
    expect(me.body.role).toBe('agent');
    expect(me.body.permissions).toContain('contacts:update');
    expect(me.body.permissions).not.toContain('contacts:delete');
  });

  it('lets only owners grant the owner role', async () => {
    expectProblem(await t.call(admin, 'POST', '/v1/users', { name: 'Boss', email: 'boss@a.test', role: 'owner' }), 403);
    const self = t.a.users['admin@a.test']!;
    expectProblem(await t.call(admin, 'PATCH', `/v1/users/${self}`, { role: 'owner' }), 403);
    expect(
      (await t.call(admin, 'POST', '/v1/users', { name: 'Mgr', email: 'mgr@a.test', role: 'manager' })).status,
    ).toBe(201);
  });

  it("mints embed tokens that carry at most the user's role and expire", async () => {
    const agentId = t.a.users['agent@a.test']!;
    expectProblem(await t.call(t.a.keys.agent, 'POST', '/v1/embed-tokens', { userId: agentId }), 403);
    expectProblem(await t.call(admin, 'POST', '/v1/embed-tokens', { userId: agentId, role: 'admin' }), 400);
    const minted = await t.call(admin, 'POST', '/v1/embed-tokens', { userId: agentId, expiresInSeconds: 600 });
    expect(minted.status).toBe(201);
    const me = await t.call(minted.body.token, 'GET', '/v1/me');
    expect(me.body).toMatchObject({ role: 'agent', user: { id: agentId }, workspace: { id: 'ws_a' } });
    expectProblem(await t.call(`${minted.body.token.slice(0, -4)}AAAA`, 'GET', '/v1/me'), 401);
    t.clock.advance({ minutes: 11 });
    expectProblem(await t.call(minted.body.token, 'GET', '/v1/me'), 401);
  });

  it('serves every route of the contract', async () => {
    for (const r of routes.filter((route) => route.path !== '/v1/events')) {
      const path = r.path.replace('{id}', 'x_missing');
      const res = await t.call(
        admin,
        r.method.toUpperCase(),
        path,
        r.method === 'post' || r.method === 'patch' ? {} : undefined,
      );
      if (res.body?.type?.endsWith('/not-found'))
        expect(res.body.detail, `${r.method} ${r.path}`).not.toMatch(/^No route/);
    }
    expect((await t.server.fetch(new Request('http://x/docs'))).headers.get('content-type')).toContain('text/html');
    expect((await (await t.server.fetch(new Request('http://x/openapi.json'))).json()).openapi).toBe('3.1.0');
    expect(await (await t.server.fetch(new Request('http://x/healthz'))).json()).toEqual({ ok: true });
  });
});

describe('change feed', () => {
  /** Reads SSE frames from `GET /v1/events` until `count` events arrived. */
  async function readEvents(
    key: string,
    count: number,
    during: () => Promise<void>,
    headers: Record<string, string> = {},
  ) {
    const abort = new AbortController();
    const res = await t.server.fetch(
      new Request('http://x/v1/events', {
        headers: { authorization: `Bearer ${key}`, ...headers },
        signal: abort.signal,
      }),
    );
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: any[] = [];
    let buffer = '';
    let started = false;
    const deadline = Date.now() + 5000;
    while (events.length < count && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      // The stream states its position (an `id:` without data) as soon as it is live.
      if (!started && /^id: \d+$/m.test(buffer)) {
        started = true;
        await during();
      }
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)));
      }
    }
    abort.abort();
    await reader.cancel().catch(() => {});
    return events;
  }

  it('delivers committed changes and resumes after Last-Event-ID without duplicates', async () => {
    const events = await readEvents(admin, 2, async () => {
      const c = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Feed' });
      await t.call(admin, 'PATCH', `/v1/contacts/${c.body.id}`, { title: 'Live' });
    });
    expect(events.map((e) => e.type)).toEqual(['contact.created', 'contact.updated']);
    expect(Number(events[1].id)).toBeGreaterThan(Number(events[0].id));
    const resumed = await readEvents(admin, 1, async () => {}, { 'last-event-id': events[0].id });
    expect(resumed[0]).toMatchObject({ id: events[1].id, type: 'contact.updated' });
    const other = await readEvents(t.b.keys.admin, 1, async () => {
      await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Not for B' });
      await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'For B' });
    });
    expect(other.map((e) => e.data.firstName)).toEqual(['For B']);
  });
});

describe('capabilities', () => {
  it('acts as a core-level server with optional parts off, and rate-limits with Retry-After', async () => {
    const core = await startTestServer({
      capabilities: {
        events: false,
        etags: false,
        idempotency: false,
        search: false,
        batch: false,
        aggregates: false,
        sla: false,
        rateLimit: { limit: 5, windowSeconds: 60 },
      },
    });
    try {
      const key = core.a.keys.admin;
      const schema = await core.call(key, 'GET', '/v1/schema');
      expect(schema.body.capabilities).toMatchObject({
        events: false,
        etags: false,
        search: false,
        rateLimit: { limit: 5, windowSeconds: 60 },
      });
      const created = await core.call(key, 'POST', '/v1/contacts', { firstName: 'Core' });
      expect(created.headers.get('etag')).toBeNull();
      expect(
        (await core.call(key, 'PATCH', `/v1/contacts/${created.body.id}`, { title: 'x' }, { 'if-match': '"99"' }))
          .status,
      ).toBe(200);
      expectProblem(await core.call(key, 'POST', '/v1/contacts/search', {}), 404);
      let limited = await core.call(key, 'GET', '/v1/me');
      for (let i = 0; i < 10 && limited.status !== 429; i++) limited = await core.call(key, 'GET', '/v1/me');
      expectProblem(limited, 429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      core.clock.advance({ seconds: 61 });
      expectProblem(await core.call(key, 'GET', '/v1/events'), 404);
    } finally {
      await core.close();
    }
  });
});
