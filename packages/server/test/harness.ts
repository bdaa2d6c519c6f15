import { inject } from 'vitest';
import { type CrmServer, type CrmServerOptions, createCrmServer } from '../src/app.js';
import { type Clock, manualClock } from '../src/core/clock.js';
import type { WorkspaceSettingsInput } from '../src/core/settings.js';
import { type Database, openDatabase, type Queryable } from '../src/db/database.js';
import { type ProvisionedWorkspace, provisionWorkspace } from '../src/workspace/provision.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base64 of a migrated, empty PGlite data directory (see global-setup.ts). */
    pgliteSnapshot: string;
  }
}

/** A JSON response, decoded. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestServer {
  server: CrmServer;
  db: Database;
  clock: Clock & {
    set(at: string | Date): void;
    advance(by: { minutes?: number; hours?: number; seconds?: number }): void;
  };
  /** Main workspace: keys `admin`, `manager`, `agent`, `viewer`; users by email (`agent@a.test`); team `Support`. */
  a: TestWorkspace<(typeof ROLES)[number]>;
  /** Second workspace: key `admin`, user `admin@b.test`. */
  b: TestWorkspace<'admin'>;
  /** The SQL statements the server sends while `fn` runs, in order (a transaction's BEGIN and COMMIT not counted). */
  statementsOf(fn: () => Promise<unknown>): Promise<string[]>;
  /** Calls the server in-process with `Authorization: Bearer <key>`; the body is sent as JSON unless a string. */
  call<T = any>(
    key: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;

/** A provisioned workspace whose keys, users and teams are known to exist. */
export type TestWorkspace<K extends string> = ProvisionedWorkspace & {
  keys: Record<K, string>;
  users: Record<string, string>;
  teams: Record<string, string>;
};

/**
 * Opens a fresh, empty database (migrations not yet applied): a new database on the PostgreSQL server of `CRMKIT_TEST_DATABASE_URL`, else PGlite from the snapshot. */
export async function freshDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  const url = process.env.CRMKIT_TEST_DATABASE_URL;
  if (url) {
    const admin = await openDatabase({ url });
    const name = `crmkit_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString() });
    return {
      db,
      drop: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  const snapshot = inject('pgliteSnapshot');
  const db = await openDatabase(snapshot ? { loadDataDir: new Blob([Buffer.from(snapshot, 'base64')]) } : {});
  return { db, drop: () => db.close() };
}

/** `db`, with a way to see the statements sent through it (and its transactions) while a function runs. */
function recordingDatabase(db: Database) {
  let log: string[] | null = null;
  const recorded = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      log?.push(sql.replace(/\s+/g, ' ').trim());
      return q.query(sql, params);
    },
  });
  const wrapped: Database = {
    kind: db.kind,
    query: recorded(db).query,
    transaction: (fn) => db.transaction((tx) => fn(recorded(tx))),
    close: () => db.close(),
  };
  const statementsOf = async (fn: () => Promise<unknown>) => {
    const mine: string[] = [];
    log = mine;
    try {
      await fn();
    } finally {
      log = null;
    }
    return mine;
  };
  return { db: wrapped, statementsOf };
}

/**
 * Starts the reference server in-process on a fresh database with two workspaces, for tests.
 *
 * @example
 * const t = await startTestServer();
 * const res = await t.call(t.a.keys.admin, 'POST', '/v1/contacts', { firstName: 'An' });
 */
export async function startTestServer(
  options: { settings?: WorkspaceSettingsInput; capabilities?: CrmServerOptions['capabilities']; now?: string } = {},
): Promise<TestServer> {
  const { db, drop } = await freshDatabase();
  const clock = manualClock(options.now ?? '2026-11-23T02:00:00.000Z');
  const recorder = recordingDatabase(db);
  const server = await createCrmServer({
    db: recorder.db,
    clock,
    capabilities: options.capabilities ?? {},
    onError: (e) => console.error(e),
  });
  const a = await provisionWorkspace(db, {
    id: 'ws_a',
    name: 'Workspace A',
    settings: options.settings ?? {},
    clock,
    teams: [{ name: 'Support' }],
    users: ROLES.map((role) => ({ name: `${role} user`, email: `${role}@a.test`, role })),
    keys: ROLES.map((role) => ({ label: role, role, userEmail: `${role}@a.test` })),
  });
  const b = await provisionWorkspace(db, {
    id: 'ws_b',
    name: 'Workspace B',
    clock,
    users: [{ name: 'B admin', email: 'admin@b.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@b.test' }],
  });
  const call: TestServer['call'] = async (key, method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${key}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await server.fetch(new Request(`http://crm.test${path}`, init));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, headers: res.headers, body: parsed as never };
  };
  return {
    server,
    db,
    clock,
    a: a as TestServer['a'],
    b: b as TestServer['b'],
    statementsOf: recorder.statementsOf,
    call,
    close: drop,
  };
}
