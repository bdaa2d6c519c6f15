import { buildOpenApiDocument, resources, routes } from '@crmkit/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_DEFS } from '../src/registry.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * The server implements the contract's route table: every route of `routes` answers with something other than
 * "no such route". Routes of resources whose modules are not registered yet are skipped, so this test covers
 * them as soon as they are.
 */

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const registered = new Set(RESOURCE_DEFS.map((d) => d.spec.name));
const resourceNames = new Set(Object.keys(resources));

/** The resource a path belongs to (`/v1/deals/{id}/move` → deals), if it is a resource path. */
function resourceOf(path: string): string | undefined {
  const segment = path.split('/')[2];
  return segment && resourceNames.has(segment) ? segment : undefined;
}

const implemented = routes.filter((r) => {
  const resource = resourceOf(r.path);
  return resource === undefined || registered.has(resource);
});

async function request(method: string, path: string, key: string | null) {
  const abort = new AbortController();
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  const init: RequestInit = { method: method.toUpperCase(), headers, signal: abort.signal };
  if (method === 'post' || method === 'patch') {
    init.body = '{}';
    headers['content-type'] = 'application/json';
  }
  const res = await t.server.fetch(new Request(`http://crm.test${path}`, init));
  const type = res.headers.get('content-type') ?? '';
  let body: { detail?: string; type?: string } | null = null;
  if (type.includes('json')) body = await res.json();
  else {
    // A stream (the change feed) or HTML: do not wait for it to end.
    abort.abort();
    await res.body?.cancel();
  }
  return { status: res.status, type, body };
}

const concrete = (path: string) => path.replaceAll('{id}', 'zz_missing');

describe('route table', () => {
  it('covers the core resources at least', () => {
    for (const name of ['companies', 'contacts', 'users', 'teams', 'pipelines'])
      expect(registered.has(name)).toBe(true);
    expect(implemented.length).toBeGreaterThan(40);
  });

  it.each(implemented.map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s is implemented',
    async (_m, _p, route) => {
      const res = await request(route.method, concrete(route.path), route.auth ? t.a.keys.admin : null);
      const noRoute = res.status === 404 && (res.body?.detail ?? '').startsWith('No route');
      expect(noRoute, `${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBe(false);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status >= 400) expect(res.type).toMatch(/^application\/problem\+json/);
    },
  );

  it.each(implemented.filter((r) => r.auth).map((r) => [r.method.toUpperCase(), r.path, r] as const))(
    '%s %s needs authentication',
    async (_m, _p, route) => {
      const res = await request(route.method, concrete(route.path), null);
      expect(res.status).toBe(401);
    },
  );

  it('answers a problem for routes outside the table', async () => {
    for (const [method, path] of [
      ['get', '/v1/nothing'],
      ['put', '/v1/contacts/x'],
      ['get', '/nothing'],
    ] as const) {
      const res = await request(method, path, t.a.keys.admin);
      expect(res.status).toBe(404);
      expect(res.type).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('documentation and health, without auth', () => {
  it('/healthz', async () => {
    const res = await t.server.fetch(new Request('http://crm.test/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('/openapi.json is the contract document', async () => {
    const res = await t.server.fetch(new Request('http://crm.test/openapi.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = await res.json();
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const route of routes) expect(doc.paths[route.path]?.[route.method], route.operationId).toBeDefined();
  });

  it('/docs is HTML naming every operation', async () => {
    const res = await t.server.fetch(new Request('http://crm.test/docs'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/i);
    for (const route of routes) expect(html, route.operationId).toContain(`id="${route.operationId}"`);
    expect(html).not.toMatch(/<script/i);
    const root = await t.server.fetch(new Request('http://crm.test/'));
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/docs');
  });
});
