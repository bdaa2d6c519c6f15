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
  systemClock,
} from '@crmkit/server';
import type { Role } from '@crmkit/spec';
import { cacheGet, cacheSet } from './data/cache.js';
import type { DatasetName } from './data/datasets.js';
import { prebuiltSnapshot } from './data/prebuilt.js';
import { buildSnapshot } from './data/snapshot.js';
import { tarballOf } from './data/tarball.js';
import type { Snapshot } from './data/types.js';

export { type CampaignSandbox, respondToCampaign, sendCampaign } from './campaigns.js';
export { addBigInbox, BIG_INBOX_SETTINGS, type BigInbox, type BigInboxOptions } from './data/big-inbox.js';
export { addBigPipeline, BIG_PIPELINE_STAGES, type BigPipeline, type BigPipelineOptions } from './data/big-pipeline.js';
export { DATASETS, type Dataset, type DatasetContext, type DatasetName } from './data/datasets.js';
export { registerPrebuiltSnapshots, type SnapshotLoader } from './data/prebuilt.js';
export { type BuildSnapshotOptions, buildSnapshot } from './data/snapshot.js';
export { fetchTarball } from './data/tarball.js';
export type { DataDir, Snapshot, SnapshotManifest } from './data/types.js';
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

/** The data a sandbox starts with: a data set of {@link DATASETS}. */
export type SandboxSeed = DatasetName;

/** The roles every sandbox workspace has an API key for. */
export type SandboxRole = 'admin' | 'agent' | 'viewer';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Default `empty`. */
  seed?: SandboxSeed;
  /**
   * The server's clock. Default: the system clock. `'seeded'`: the time the data was built at, running on from the
   * start — a snapshot built days ago then looks as it did when it was built (overdue tasks, SLA clocks, "2 days ago");
   * give the widgets the same clock (`now={sandbox.clock.now}` on the provider).
   */
  clock?: Clock | 'seeded';
  /** Switch optional server capabilities off, to test a core-level backend. */
  capabilities?: CrmServerOptions['capabilities'];
  /** Channel adapters (e.g. one that keeps what it is given, as a sink in a page) and campaign options. */
  automation?: CrmServerOptions['automation'];
  /**
   * The snapshot to start from. Default: the prebuilt one (see `@crmkit/sandbox/prebuilt`), else one built in this
   * page on first use and cached for the browser session.
   */
  snapshot?: Snapshot | Promise<Snapshot>;
  /**
   * In a browser, run PostgreSQL in a Web Worker (one per page, shared by its sandboxes), so starting it and running
   * queries do not hold up the page's main thread. Default `false` (in the page, as in Node).
   */
  worker?: boolean;
}

/** A running in-process reference server. */
export interface Sandbox {
  server: CrmServer;
  db: Database;
  /** The server's clock. */
  clock: Clock;
  /** When the data was built ("now" for the data set). */
  seededAt: Date;
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

/** Bump when a snapshot's shape changes in a way a cached one would hide (cached snapshots live for one session). */
const CACHE_VERSION = 2;

/** The snapshot of `seed`: the prebuilt one, else built in this page on first use and then taken from the cache. */
async function snapshotOf(seed: SandboxSeed): Promise<Snapshot> {
  const prebuilt = prebuiltSnapshot(seed);
  if (prebuilt) return prebuilt;
  const key = `v${CACHE_VERSION}:${seed}`;
  const cached = await cacheGet<Snapshot>(key);
  if (cached) return cached;
  const fresh = await buildSnapshot(seed);
  await cacheSet(key, fresh);
  return fresh;
}

/**
 * A User Timing mark of a start's progress (`crmkit:sandbox:demo:snapshot`), for profilers and `pnpm bench
 * storybook`: `start`, `snapshot` (data in hand), `database` (PGlite running on it), `ready` (server up).
 */
function mark(seed: SandboxSeed, step: 'start' | 'snapshot' | 'database' | 'ready'): void {
  globalThis.performance?.mark?.(`crmkit:sandbox:${seed}:${step}`);
}

/** A clock that reads `at` now and runs on from there. */
function clockFrom(at: Date): Clock {
  const offset = Date.now() - at.getTime();
  return { now: () => new Date(Date.now() - offset) };
}

/**
 * Starts the reference server in-process on a fresh copy of a seeded database.
 *
 * @example
 * const sandbox = await startSandbox({ seed: 'demo' });
 * const contacts = await sandbox.client({ role: 'viewer' }).contacts.list();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 'empty';
  mark(seed, 'start');
  const snapshot = Promise.resolve(options.snapshot ?? snapshotOf(seed));
  // The worker, PostgreSQL's code and the snapshot load side by side.
  const inWorker =
    options.worker && typeof Worker !== 'undefined'
      ? import('./worker/remote-database.js').then(({ openWorkerDatabase }) =>
          openWorkerDatabase(snapshot.then((s) => s.data)),
        )
      : undefined;
  inWorker?.catch(() => undefined);
  const { data, manifest } = await snapshot;
  mark(seed, 'snapshot');
  const { workspaces } = manifest;
  const seededAt = new Date(manifest.seededAt);
  const db = inWorker ? await inWorker : await openDatabase({ loadDataDir: await tarballOf(data) });
  mark(seed, 'database');
  const clock = options.clock === 'seeded' ? clockFrom(seededAt) : (options.clock ?? systemClock);
  const server = await createCrmServer({
    db,
    clock,
    capabilities: options.capabilities ?? {},
    ...(options.automation ? { automation: options.automation } : {}),
  });
  mark(seed, 'ready');
  const fetch: FetchLike = (input, init) => server.fetch(new Request(input, init));
  const baseUrl = 'http://crm.sandbox';
  return {
    server,
    db,
    clock,
    seededAt,
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

/**
 * A client of the sandbox's main workspace whose admin API key acts for no user — an integration's, as a back office
 * would hold — made on the spot (the seeded keys each act for a user). Widgets show such a caller what is theirs to
 * show ("Sign in as a user to see your tasks").
 *
 * @example
 * const crm = await integrationClient(sandbox);
 * (await crm.me.get()).user; // null
 */
export async function integrationClient(sandbox: Sandbox): Promise<CrmClient> {
  const key = `ck_integration_${crypto.randomUUID().replaceAll('-', '')}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  await sandbox.db.query(
    'INSERT INTO api_keys (id, workspace_id, key_hash, role, user_id, name, created_at) VALUES ($1,$2,$3,$4,NULL,$5,$6)',
    [
      `key_${key.slice(-12)}`,
      sandbox.workspaces[0]!.id,
      hash,
      'admin',
      'integration',
      sandbox.clock.now().toISOString(),
    ],
  );
  return sandbox.client({ auth: { apiKey: key } });
}
