import {
  type CrmServer,
  type CrmServerOptions,
  createCrmServer,
  type Database,
  manualClock,
  migrate,
  mintEmbedToken,
  openDatabase,
  type ProvisionedWorkspace,
  provisionWorkspace,
  snapshotDatabase,
} from '@crmkit/server';
import type { Role } from '@crmkit/spec';
import { type CrmClient, type CrmClientOptions, createCrmClient, type FetchLike } from '../src/index.js';

export const BASE_URL = 'http://crm.test';
const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;

let migrated: Promise<Blob> | undefined;

/** A migrated, empty PGlite data directory, made once per test worker, so each server starts in milliseconds. */
function emptyDatabase(): Promise<Blob> {
  migrated ??= (async () => {
    const db = await openDatabase();
    await migrate(db);
    const blob = await snapshotDatabase(db);
    await db.close();
    return blob;
  })();
  return migrated;
}

/** The reference server in-process on a fresh PGlite, with workspaces A (one key and user per role) and B. */
export interface TestServer {
  server: CrmServer;
  db: Database;
  clock: ReturnType<typeof manualClock>;
  a: ProvisionedWorkspace & { keys: Record<(typeof ROLES)[number], string> };
  b: ProvisionedWorkspace & { keys: { admin: string } };
  /** The server's `fetch` handler as a client `fetch`. */
  fetch: FetchLike;
  /** A client of workspace A (admin key unless `auth` says otherwise) over `fetch` (or the given one). */
  client(options?: Partial<CrmClientOptions>): CrmClient;
  /** An embed token for a user of workspace A, expiring `seconds` after the server clock's now. */
  embedToken(email: string, role: Role, seconds?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the reference server in-process through `@crmkit/server`'s public API only. The server clock is a manual
 * clock set to the real time, so embed-token expiry agrees between client and server until a test moves it.
 */
export async function startServer(
  options: { capabilities?: CrmServerOptions['capabilities'] } = {},
): Promise<TestServer> {
  const db = await openDatabase({ loadDataDir: await emptyDatabase() });
  const clock = manualClock(new Date());
  const server = await createCrmServer({ db, clock, capabilities: options.capabilities ?? {}, onError: console.error });
  const a = await provisionWorkspace(db, {
    id: 'ws_a',
    name: 'Workspace A',
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
  const fetch: FetchLike = (input, init) => server.fetch(new Request(input, init));
  return {
    server,
    db,
    clock,
    a: a as TestServer['a'],
    b: b as TestServer['b'],
    fetch,
    client: (o = {}) =>
      createCrmClient({
        baseUrl: BASE_URL,
        fetch,
        auth: { apiKey: a.keys.admin },
        retry: { minDelay: 5, maxDelay: 50 },
        ...o,
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
    close: () => db.close(),
  };
}

/** Waits until `check` passes (polling), or fails with its last error after `ms`. */
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

/** Creates the default sales pipeline of workspace A (deals need one). */
export async function createPipeline(crm: CrmClient) {
  return crm.pipelines.create({
    name: 'Sales',
    isDefault: true,
    currency: 'VND',
    stages: [
      { name: 'Lead', probability: 10, kind: 'open' },
      { name: 'Proposal', probability: 60, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
}
