import { type CrmClient, type CrmClientOptions, createCrmClient, type FetchLike } from '@crmkit/client';
import {
  type Clock,
  type CrmServer,
  type CrmServerOptions,
  createCrmServer,
  type Database,
  mintEmbedToken,
  openDatabase,
  type ProvisionedWorkspace,
  provisionWorkspace,
  seedDatabase,
  snapshotDatabase,
  systemClock,
} from '@crmkit/server';
import type { Role } from '@crmkit/spec';
import { cacheGet, cacheSet } from './cache.js';
import { freshDatabase } from './test-server.js';

export {
  type ApiResponse,
  createSalesPipeline,
  eventually,
  freshDatabase,
  SALES_STAGES,
  startTestServer,
  TEST_BASE_URL,
  TEST_ROLES,
  type TestDatabaseSource,
  type TestRole,
  type TestServer,
  type TestServerOptions,
  type TestWorkspace,
} from './test-server.js';

/** The data a sandbox starts with. */
export type SandboxSeed = 'demo' | 'fitness' | 'empty';

/** The roles every sandbox workspace has an API key for. */
export type SandboxRole = 'admin' | 'agent' | 'viewer';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Default `empty`. */
  seed?: SandboxSeed;
  /** The server's clock (default: the system clock). Seeds are placed around the real now either way. */
  clock?: Clock;
  /** Switch optional server capabilities off, to test a core-level backend. */
  capabilities?: CrmServerOptions['capabilities'];
}

/** A running in-process reference server. */
export interface Sandbox {
  server: CrmServer;
  db: Database;
  /** The server's `fetch` handler, as a client `fetch`. */
  fetch: FetchLike;
  /** The seeded workspaces (the first one is the main one), with their plain API keys by role. */
  workspaces: ProvisionedWorkspace[];
  /** The base URL clients use (nothing listens on it: requests go to `fetch`). */
  baseUrl: string;
  /** A client of a workspace (default the first) with the API key of `role` (default `admin`). */
  client(options?: { role?: SandboxRole; workspace?: number } & Partial<CrmClientOptions>): CrmClient;
  /** An embed token for a user of the first workspace. */
  embedToken(userId: string, role: Role, seconds?: number): Promise<string>;
  close(): Promise<void>;
}

interface Snapshot {
  data: Blob;
  workspaces: ProvisionedWorkspace[];
}

/** Bump when a seed's shape changes in a way a cached snapshot would hide (snapshots live for one browser session). */
const CACHE_VERSION = 1;

async function build(seed: SandboxSeed): Promise<Snapshot> {
  const { db } = await freshDatabase();
  const workspaces =
    seed === 'empty'
      ? [
          await provisionWorkspace(db, {
            id: 'ws_test',
            name: 'Test Workspace',
            teams: [{ name: 'Support' }, { name: 'Sales' }],
            users: (['admin', 'manager', 'agent', 'viewer'] as const).map((role) => ({
              id: `usr_test_${role}`,
              name: `${role[0]!.toUpperCase()}${role.slice(1)} User`,
              email: `${role}@test.example`,
              role,
            })),
            keys: (['admin', 'agent', 'viewer'] as const).map((role) => ({
              label: role,
              role,
              userEmail: `${role}@test.example`,
            })),
          }),
        ]
      : await seedDatabase(db, seed, { clock: systemClock });
  const data = await snapshotDatabase(db);
  await db.close();
  return { data, workspaces };
}

/** The migrated and seeded snapshot of `seed`: built on first use, then taken from the cache. */
async function snapshot(seed: SandboxSeed): Promise<Snapshot> {
  const key = `v${CACHE_VERSION}:${seed}`;
  const cached = await cacheGet<Snapshot>(key);
  if (cached) return cached;
  const fresh = await build(seed);
  await cacheSet(key, fresh);
  return fresh;
}

/**
 * Starts the reference server in-process on a fresh copy of a seeded database.
 *
 * @example
 * const sandbox = await startSandbox({ seed: 'demo' });
 * const contacts = await sandbox.client({ role: 'viewer' }).contacts.list();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { data, workspaces } = await snapshot(options.seed ?? 'empty');
  const db = await openDatabase({ loadDataDir: data });
  const clock = options.clock ?? systemClock;
  const server = await createCrmServer({ db, clock, capabilities: options.capabilities ?? {} });
  const fetch: FetchLike = (input, init) => server.fetch(new Request(input, init));
  const baseUrl = 'http://crm.sandbox';
  return {
    server,
    db,
    fetch,
    workspaces,
    baseUrl,
    client: ({ role = 'admin', workspace = 0, ...rest } = {}) =>
      createCrmClient({
        baseUrl,
        fetch,
        auth: { apiKey: workspaces[workspace]!.keys[role] },
        retry: { minDelay: 5, maxDelay: 50 },
        ...rest,
      }),
    embedToken: async (userId, role, seconds = 900) =>
      (
        await mintEmbedToken({
          secret: workspaces[0]!.embedSecret,
          workspaceId: workspaces[0]!.id,
          userId,
          role,
          expiresInSeconds: seconds,
          now: clock.now(),
        })
      ).token,
    close: () => db.close(),
  };
}
