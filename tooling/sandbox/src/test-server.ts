import { type CrmClient, type CrmClientOptions, createCrmClient, type FetchLike } from '@crmkit/client';
import {
  type CrmServer,
  type CrmServerOptions,
  createCrmServer,
  type Database,
  manualClock,
  mintEmbedToken,
  type ProvisionedWorkspace,
  provisionWorkspace,
  type Queryable,
  type WorkspaceSettingsInput,
} from '@crmkit/server';
import type { Role } from '@crmkit/spec';
import { freshDatabase, type TestDatabaseSource } from './data/fresh-database.js';

export { freshDatabase, type TestDatabaseSource } from './data/fresh-database.js';

/** The roles workspace A has a user (`<role>@a.test`) and an API key for. */
export const TEST_ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type TestRole = (typeof TEST_ROLES)[number];

/** A provisioned workspace whose keys, users (by email) and teams (by name) are known to exist. */
export type TestWorkspace<K extends string> = ProvisionedWorkspace & {
  keys: Record<K, string>;
  users: Record<string, string>;
  teams: Record<string, string>;
};

/** A JSON response, decoded (the body as text when it is not JSON). */
// biome-ignore lint/suspicious/noExplicitAny: tests read the decoded JSON body field by field.
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  /** Settings of workspace A (custom fields, SLA policies, lead sources…). */
  settings?: WorkspaceSettingsInput;
  /** Switch optional capabilities off, to test a core-level backend, or set a rate limit. */
  capabilities?: CrmServerOptions['capabilities'];
  /** Where the server's manual clock starts. Default: the real now (so tokens agree with the test's own clock). */
  now?: string | Date;
  database?: TestDatabaseSource;
  /** Channel adapters (a local SMTP sink's) and campaign options of the server. */
  automation?: CrmServerOptions['automation'];
}

/**
 * The reference server in-process on a fresh database, with the two workspaces the tests of the server, the client
 * and the hooks share: A (`ws_a`: a user and API key per role of {@link TEST_ROLES}, team `Support`) and B (`ws_b`:
 * one admin), to check that nothing crosses between workspaces.
 */
export interface TestServer {
  server: CrmServer;
  db: Database;
  clock: ReturnType<typeof manualClock>;
  a: TestWorkspace<TestRole>;
  b: TestWorkspace<'admin'>;
  /** The server's `fetch` handler, as a client `fetch`. */
  fetch: FetchLike;
  /** Calls the server with `Authorization: Bearer <key>`; a body is sent as JSON unless it is a string. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the decoded JSON body field by field.
  call<T = any>(
    key: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  /** A client of workspace A with the key of `role` (default `admin`; workspace B has only `admin`), over `fetch`. */
  client(options?: { role?: TestRole; workspace?: 'a' | 'b' } & Partial<CrmClientOptions>): CrmClient;
  /** An embed token for the user of workspace A with `email`, expiring `seconds` after the server clock's now. */
  embedToken(email: string, role: Role, seconds?: number): Promise<string>;
  /** The SQL statements the server sends while `fn` runs, in order (a transaction's BEGIN and COMMIT not counted). */
  statementsOf(fn: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

export const TEST_BASE_URL = 'http://crm.test';

/** `db`, and a way to see the statements sent through it (and its transactions) while a function runs. */
function recordingDatabase(db: Database) {
  let log: string[] | null = null;
  const recorded = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      log?.push(sql.replace(/\s+/g, ' ').trim());
      return q.query(sql, params);
    },
  });
  const wrapped: Database = {
    ...db,
    query: recorded(db).query,
    transaction: (fn) => db.transaction((tx) => fn(recorded(tx))),
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
 * Starts the reference server in-process with workspaces A and B (see {@link TestServer}), through
 * `@crmkit/server`'s public API only. Runs in Node and in browsers.
 *
 * @example
 * const t = await startTestServer();
 * const res = await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'An' });
 * const contacts = await t.client({ role: 'viewer' }).contacts.list();
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { db, drop } = await freshDatabase(options.database);
  const clock = manualClock(options.now ?? new Date());
  const recorder = recordingDatabase(db);
  const server = await createCrmServer({
    db: recorder.db,
    clock,
    capabilities: options.capabilities ?? {},
    ...(options.automation ? { automation: options.automation } : {}),
    onError: (e) => console.error(e),
  });
  const a = (await provisionWorkspace(db, {
    id: 'ws_a',
    name: 'Workspace A',
    settings: options.settings ?? {},
    clock,
    teams: [{ name: 'Support' }],
    users: TEST_ROLES.map((role) => ({ name: `${role} user`, email: `${role}@a.test`, role })),
    keys: TEST_ROLES.map((role) => ({ label: role, role, userEmail: `${role}@a.test` })),
  })) as TestServer['a'];
  const b = (await provisionWorkspace(db, {
    id: 'ws_b',
    name: 'Workspace B',
    clock,
    users: [{ name: 'B admin', email: 'admin@b.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@b.test' }],
  })) as TestServer['b'];
  const fetch: FetchLike = (input, init) => server.fetch(new Request(input, init));
  const call: TestServer['call'] = async (key, method, path, body, headers = {}) => {
    const init: RequestInit & { headers: Record<string, string> } = {
      method,
      headers: { authorization: `Bearer ${key}`, ...headers },
    };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers['content-type'] ??= 'application/json';
    }
    const res = await server.fetch(new Request(`${TEST_BASE_URL}${path}`, init));
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
    a,
    b,
    fetch,
    call,
    client: ({ role = 'admin', workspace = 'a', ...rest } = {}) =>
      createCrmClient({
        baseUrl: TEST_BASE_URL,
        fetch,
        auth: { apiKey: (workspace === 'a' ? a.keys[role] : b.keys.admin)! },
        retry: { minDelay: 5, maxDelay: 50 },
        ...rest,
      }),
    embedToken: async (email, role, seconds = 900) =>
      (
        await mintEmbedToken({
          secret: a.embedSecret,
          workspaceId: a.id,
          userId: a.users[email]!,
          role,
          expiresInSeconds: seconds,
          now: clock.now(),
        })
      ).token,
    statementsOf: recorder.statementsOf,
    close: drop,
  };
}

/** The stages of the sales pipeline the tests share (VND, the default pipeline). */
export const SALES_STAGES = [
  { name: 'Lead', probability: 10, kind: 'open' },
  { name: 'Proposal', probability: 60, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

/**
 * Creates the default sales pipeline ({@link SALES_STAGES}) through `crm` (deals need one) and returns it with its
 * stages by name.
 */
export async function createSalesPipeline(crm: CrmClient) {
  const pipeline = await crm.pipelines.create({
    name: 'Sales',
    isDefault: true,
    currency: 'VND',
    stages: SALES_STAGES.map((s) => ({ ...s })),
  });
  const [lead, proposal, won, lost] = pipeline.stages;
  return { pipeline, lead: lead!, proposal: proposal!, won: won!, lost: lost! };
}

/** Waits until `check` passes (polling every 10 ms), or fails with its last error after `ms`. */
export async function eventually(check: () => void | Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
