import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintEmbedToken } from '../src/auth/tokens.js';
import { dbState, expectProblem, expectServing } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Calls with an arbitrary (or no) Authorization header. */
async function withAuth(authorization: string | null, path = '/v1/contacts') {
  const headers: Record<string, string> = authorization === null ? {} : { authorization };
  const res = await t.server.fetch(new Request(`http://crm.test${path}`, { headers }));
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function mint(userEmail: string, extra: Record<string, unknown> = {}, key = t.a.keys.admin) {
  return t.call(key, 'POST', '/v1/embed-tokens', { userId: t.a.users[userEmail], ...extra });
}

const CREATE_BODIES: Record<string, unknown> = {
  companies: { name: 'Acme' },
  contacts: { firstName: 'Lan' },
  teams: { name: 'Sales' },
  pipelines: { name: 'Sales', stages: [{ name: 'New', probability: 10, kind: 'open' }] },
  users: { name: 'New user', email: 'new@a.test' },
};

describe('API keys and the Authorization header', () => {
  it.each([
    ['missing', null],
    ['empty', ''],
    ['not Bearer', 'Basic YWRtaW46YWRtaW4='],
    ['Bearer without a token', 'Bearer'],
    ['Bearer with two tokens', 'Bearer abcdefghij klmnopqrs'],
    ['too short', 'Bearer abc'],
  ])('%s Authorization → 401 with WWW-Authenticate', async (_name, header) => {
    const res = await withAuth(header);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('an unknown API key → 401', async () => {
    const res = await withAuth('Bearer ck_thisKeyDoesNotExist0000000000');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('a garbage token that looks like a JWT → 401', async () => {
    for (const token of ['eyJhbGciOi.eyJ3aWQiOiJ3c19hIn0.sig', 'a.b.c.d.e.f.g', '%%%%%%%%%%']) {
      const res = await withAuth(`Bearer ${token}`);
      expect(res.status).toBe(401);
    }
    await expectServing(t);
  });

  it('does not need auth for /healthz, /openapi.json and /docs', async () => {
    for (const path of ['/healthz', '/openapi.json', '/docs']) {
      const res = await t.server.fetch(new Request(`http://crm.test${path}`));
      expect(res.status, path).toBe(200);
    }
  });
});

describe('embed tokens', () => {
  it('are minted with an admin API key and work as Bearer tokens', async () => {
    const minted = await mint('agent@a.test');
    expect(minted.status).toBe(201);
    expect(minted.body.expiresAt).toBe('2026-11-23T02:15:00.000Z');
    const me = await t.call(minted.body.token, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('agent@a.test');
    expect(me.body.role).toBe('agent');
    expect(me.body.workspace).toEqual({ id: 'ws_a', name: 'Workspace A' });
    const created = await t.call(minted.body.token, 'POST', '/v1/contacts', { firstName: 'From embed' });
    expect(created.status).toBe(201);
  });

  it('cannot be minted with a non-admin key, nor with an embed token', async () => {
    for (const key of [t.a.keys.agent, t.a.keys.manager, t.a.keys.viewer]) {
      expectProblem(await mint('agent@a.test', {}, key), 403);
    }
    const adminToken = (await mint('admin@a.test')).body.token;
    expectProblem(await mint('agent@a.test', {}, adminToken), 403);
  });

  it("cannot be minted for another workspace's user, nor above the user's role", async () => {
    expectProblem(
      await t.call(t.a.keys.admin, 'POST', '/v1/embed-tokens', { userId: t.b.users['admin@b.test'] }),
      400,
      'userId',
    );
    expectProblem(await mint('agent@a.test', { role: 'admin' }), 400, 'role');
    expectProblem(await mint('agent@a.test', { expiresInSeconds: 5 }), 400, 'expiresInSeconds');
    expectProblem(await mint('agent@a.test', { scope: 'all' }), 400, 'scope');
    const lower = await mint('manager@a.test', { role: 'viewer' });
    expect((await t.call(lower.body.token, 'GET', '/v1/me')).body.role).toBe('viewer');
  });

  it('expire: after the expiry (manual clock) → 401', async () => {
    const { token } = (await mint('agent@a.test', { expiresInSeconds: 120 })).body;
    expect((await t.call(token, 'GET', '/v1/me')).status).toBe(200);
    t.clock.advance({ seconds: 119 });
    expect((await t.call(token, 'GET', '/v1/me')).status).toBe(200);
    t.clock.advance({ seconds: 2 });
    const expired = await t.call(token, 'GET', '/v1/me');
    expectProblem(expired, 401);
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('with a tampered signature or payload → 401', async () => {
    const { token } = (await mint('agent@a.test')).body;
    const [header, payload, signature] = token.split('.');
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expectProblem(await t.call(`${header}.${payload}.${flipped}`, 'GET', '/v1/me'), 401);
    const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/')));
    const forged = btoa(JSON.stringify({ ...claims, role: 'owner' }))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');
    expectProblem(await t.call(`${header}.${forged}.${signature}`, 'GET', '/v1/me'), 401);
    // Signed with another workspace's secret but claiming workspace A.
    const foreign = await mintEmbedToken({
      secret: t.b.embedSecret,
      workspaceId: 'ws_a',
      userId: t.a.users['admin@a.test']!,
      role: 'admin',
      now: t.clock.now(),
    });
    expectProblem(await t.call(foreign.token, 'GET', '/v1/me'), 401);
    // alg "none".
    const none = `${btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')}.${payload}.`;
    expectProblem(await t.call(none, 'GET', '/v1/me'), 401);
  });

  it('for a user that no longer exists → 401', async () => {
    const created = await t.call(t.a.keys.admin, 'POST', '/v1/users', { name: 'Temp', email: 'temp@a.test' });
    const { token } = (await t.call(t.a.keys.admin, 'POST', '/v1/embed-tokens', { userId: created.body.id })).body;
    expect((await t.call(token, 'GET', '/v1/me')).status).toBe(200);
    expect((await t.call(t.a.keys.admin, 'DELETE', `/v1/users/${created.body.id}`)).status).toBe(204);
    expectProblem(await t.call(token, 'GET', '/v1/me'), 401);
  });

  it("of workspace A never see workspace B's records", async () => {
    const bContact = (await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'Only in B' })).body;
    const { token } = (await mint('admin@a.test')).body;
    expectProblem(await t.call(token, 'GET', `/v1/contacts/${bContact.id}`), 404);
    const list = await t.call(token, 'GET', '/v1/contacts?limit=200&q=only in b');
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
  });

  it("claiming a higher role than the user's gets only the user's role", async () => {
    const { token } = await mintEmbedToken({
      secret: t.a.embedSecret,
      workspaceId: 'ws_a',
      userId: t.a.users['agent@a.test']!,
      role: 'owner',
      now: t.clock.now(),
    });
    const me = await t.call(token, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.role).toBe('agent');
    expect(me.body.permissions).not.toContain('contacts:delete');
    const contact = (await t.call(token, 'POST', '/v1/contacts', { firstName: 'X' })).body;
    expectProblem(await t.call(token, 'DELETE', `/v1/contacts/${contact.id}`), 403);
    expectProblem(await t.call(token, 'POST', '/v1/users', { name: 'Evil', email: 'evil@a.test' }), 403);
  });
});

describe('roles', () => {
  it('a viewer can read but not write', async () => {
    const contact = (await t.call(t.a.keys.admin, 'POST', '/v1/contacts', { firstName: 'Viewed' })).body;
    const v = t.a.keys.viewer;
    expect((await t.call(v, 'GET', '/v1/contacts')).status).toBe(200);
    expect((await t.call(v, 'GET', `/v1/contacts/${contact.id}`)).status).toBe(200);
    expect((await t.call(v, 'POST', '/v1/contacts/search', {})).status).toBe(200);
    const before = await dbState(t);
    expectProblem(await t.call(v, 'POST', '/v1/contacts', { firstName: 'No' }), 403);
    expectProblem(await t.call(v, 'PATCH', `/v1/contacts/${contact.id}`, { title: 'No' }), 403);
    expectProblem(await t.call(v, 'DELETE', `/v1/contacts/${contact.id}`), 403);
    const batch = await t.call(v, 'POST', '/v1/contacts/batch', {
      operations: [
        { op: 'create', data: { firstName: 'No' } },
        { op: 'delete', id: contact.id },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([403, 403]);
    expect(await dbState(t)).toBe(before);
  });

  it('an agent cannot delete contacts, a manager can', async () => {
    const contact = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Agent made' })).body;
    expect((await t.call(t.a.keys.agent, 'PATCH', `/v1/contacts/${contact.id}`, { title: 'Ok' })).status).toBe(200);
    expectProblem(await t.call(t.a.keys.agent, 'DELETE', `/v1/contacts/${contact.id}`), 403);
    expect((await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${contact.id}`)).status).toBe(200);
    expect((await t.call(t.a.keys.manager, 'DELETE', `/v1/contacts/${contact.id}`)).status).toBe(204);
    expectProblem(await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${contact.id}`), 404);
  });

  it('GET /v1/me permissions match the role', async () => {
    const expected: Record<string, { has: string[]; lacks: string[] }> = {
      viewer: {
        has: ['contacts:read', 'companies:read', 'users:read', 'teams:read', 'pipelines:read'],
        lacks: ['contacts:create', 'contacts:update', 'contacts:delete', 'users:create', 'embed-tokens:create'],
      },
      agent: {
        has: ['contacts:read', 'contacts:create', 'contacts:update', 'companies:update', 'pipelines:read'],
        lacks: ['contacts:delete', 'companies:delete', 'pipelines:create', 'users:create', 'teams:create'],
      },
      manager: {
        has: ['contacts:delete', 'companies:delete', 'pipelines:create', 'teams:create', 'users:read'],
        lacks: ['users:create', 'users:delete', 'pipelines:delete', 'embed-tokens:create'],
      },
      admin: {
        has: ['users:create', 'users:delete', 'pipelines:delete', 'embed-tokens:create', 'contacts:delete'],
        lacks: [],
      },
    };
    for (const [role, { has, lacks }] of Object.entries(expected)) {
      const me = await t.call(t.a.keys[role as 'admin'], 'GET', '/v1/me');
      expect(me.status).toBe(200);
      expect(me.body.role).toBe(role);
      expect(me.body.user.email).toBe(`${role}@a.test`);
      for (const p of has) expect(me.body.permissions, `${role} has ${p}`).toContain(p);
      for (const p of lacks) expect(me.body.permissions, `${role} lacks ${p}`).not.toContain(p);
    }
  });

  it('what /v1/me allows is exactly what the server enforces', async () => {
    let n = 0;
    for (const role of ['viewer', 'agent', 'manager', 'admin'] as const) {
      const key = t.a.keys[role];
      const { permissions } = (await t.call(key, 'GET', '/v1/me')).body as { permissions: string[] };
      for (const [resource, body] of Object.entries(CREATE_BODIES)) {
        const unique =
          resource === 'users' ? { ...(body as object), email: `u${n++}@a.test` } : (body as Record<string, unknown>);
        const created = await t.call(key, 'POST', `/v1/${resource}`, unique);
        const may = permissions.includes(`${resource}:create`);
        expect(created.status, `${role} POST ${resource}`).toBe(may ? 201 : 403);
        // Something to update and delete, made by an admin.
        const target = may
          ? created.body
          : (
              await t.call(t.a.keys.admin, 'POST', `/v1/${resource}`, {
                ...unique,
                ...(resource === 'users' ? { email: `u${n++}@a.test` } : {}),
              })
            ).body;
        const patch = resource === 'contacts' ? { title: 'T' } : { name: `Renamed ${n++}` };
        const updated = await t.call(key, 'PATCH', `/v1/${resource}/${target.id}`, patch);
        expect(updated.status, `${role} PATCH ${resource}`).toBe(
          permissions.includes(`${resource}:update`) ? 200 : 403,
        );
        if (resource === 'pipelines') {
          // The first pipeline is the default, which cannot be deleted: make this one the default's sibling.
          await t.call(t.a.keys.admin, 'POST', '/v1/pipelines', { ...(body as object), isDefault: true });
        }
        const deleted = await t.call(key, 'DELETE', `/v1/${resource}/${target.id}`);
        expect(deleted.status, `${role} DELETE ${resource}`).toBe(
          permissions.includes(`${resource}:delete`) ? 204 : 403,
        );
      }
    }
  });
});
