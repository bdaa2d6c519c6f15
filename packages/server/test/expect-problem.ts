import { expect } from 'vitest';
import type { ApiResponse, TestServer } from './harness.js';

/**
 * Asserts an RFC 9457 problem response: the status, `application/problem+json`, `type`/`title`/`status`, and no
 * stack trace or SQL in the body. With `path`, one of `errors[].path` must equal it (or match it, for a RegExp).
 */
export function expectProblem(res: ApiResponse, status: number, path?: string | RegExp): void {
  const text = JSON.stringify(res.body);
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(typeof res.body.type).toBe('string');
  expect(typeof res.body.title).toBe('string');
  expect(res.body.status).toBe(status);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|stack|SELECT |INSERT |UPDATE /);
  if (path !== undefined) {
    const paths: string[] = (res.body.errors ?? []).map((e: { path: string }) => e.path);
    if (typeof path === 'string') expect(paths, text).toContain(path);
    else
      expect(
        paths.some((p) => path.test(p)),
        text,
      ).toBe(true);
  }
}

/** A fingerprint of everything stored (row counts and version sums of every CRM table, events, idempotency keys). */
export async function dbState(t: TestServer): Promise<string> {
  const tables = [
    'workspaces',
    'users',
    'teams',
    'companies',
    'contacts',
    'leads',
    'pipelines',
    'deals',
    'activities',
    'tickets',
  ];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const versioned = table !== 'workspaces';
      const { rows } = await t.db.query<{ n: number; v: number }>(
        `SELECT count(*)::int AS n, ${versioned ? 'COALESCE(sum(version), 0)::int' : '0'} AS v FROM ${table}`,
      );
      return `${table}:${rows[0]!.n}/${rows[0]!.v}`;
    }),
  );
  const events = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
  const keys = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
  return [...parts, `events:${events.rows[0]!.n}`, `idempotency:${keys.rows[0]!.n}`].join(' ');
}

/** Asserts that the server still answers a plain list after whatever came before. */
export async function expectServing(t: TestServer, key = t.a.keys.admin): Promise<void> {
  const res = await t.call(key, 'GET', '/v1/contacts?limit=1');
  expect(res.status).toBe(200);
  expect(Array.isArray(res.body.data)).toBe(true);
}
