/**
 * Node.js entry of the reference server: serves it on a port with `@hono/node-server`, runs the SLA timer,
 * and seeds an empty database on request. The `crmkit-server` CLI is built on it.
 *
 * @example
 * import { startCrmServer } from '@crmkit/server/node';
 * const running = await startCrmServer({ database: { dataDir: './data' }, port: 4321, seed: 'demo' });
 * console.log(running.url);
 * process.on('SIGTERM', () => running.close());
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type CrmServer, type CrmServerOptions, createCrmServer } from './app.js';
import { startJobs } from './core/jobs.js';
import { type Database, type OpenDatabaseOptions, openDatabase } from './db/database.js';
import { isEmptyDatabase, type SeedKind, seedDatabase } from './seeding.js';
import type { ProvisionedWorkspace } from './workspace/provision.js';

export { type ChannelAdapter, type OutboundMessage, PermanentSendError } from './channels/channel.js';
export { type HttpSmsOptions, httpSmsChannel } from './channels/http-sms.js';
export { type SmtpOptions, smtpEmailChannel } from './channels/smtp.js';
export { type DataDirHolder, DataDirLockedError } from './db/lock-error.js';
/** The API keys a seeded database remembers (what `crmkit-server keys` prints), e.g. for a demo to print at start. */
export { formatKeys, rememberedKeys, type WorkspaceKeys } from './workspace/remembered-keys.js';

/** Options of {@link startCrmServer}. */
export interface StartCrmServerOptions {
  /** Where the data lives: PGlite in memory by default, `{ dataDir }` on disk, `{ url }` for PostgreSQL. */
  database?: OpenDatabaseOptions;
  /** TCP port; 0 picks a free one (see `port` of the result). Default 4321. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  hostname?: string;
  /** Load this data set when the database has no workspace yet (a restart keeps the data). */
  seed?: SeedKind | null;
  /** Optional parts to switch off, and the rate limit. */
  capabilities?: CrmServerOptions['capabilities'];
  /** Listen for other processes' commits (PostgreSQL `LISTEN`); see `CrmServerOptions.listen`. Default true. */
  listen?: boolean;
  /** How often the SLA timer runs, in ms; 0 switches it off. Default 30 s. */
  slaSweepMs?: number;
  /** How long `close()` lets requests in flight finish before it cuts their connections, in ms. Default 10 s. */
  drainTimeoutMs?: number;
  /** How often automation runs what is due, in ms (and right after writes); 0 switches it off. Default 5 s. */
  automationTickMs?: number;
  /** Channels for messages to customers (e.g. `smtpEmailChannel`, `httpSmsChannel`). */
  automation?: CrmServerOptions['automation'];
  /** Unexpected errors (default: `console.error`). */
  onError?: (error: unknown) => void;
  /** Progress messages (seeding takes a few seconds). */
  log?: (message: string) => void;
}

/** A reference server listening on a port. */
export interface RunningCrmServer {
  server: CrmServer;
  db: Database;
  /** `http://host:port`. */
  url: string;
  port: number;
  /** The workspaces seeded at this start (null when nothing was seeded). */
  seeded: ProvisionedWorkspace[] | null;
  /**
   * Shuts down gracefully: stops the background jobs (waiting for a run in progress) and taking connections, answers
   * requests that still arrive with 503, ends change feeds with a `retry:` hint, lets the requests in flight finish (up
   * to `drainTimeoutMs`), then closes the connections and the database.
   */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), seeds it if asked and empty, and serves the API until `close()`.
 * Server-Sent Events stream through as they are written.
 */
export async function startCrmServer(options: StartCrmServerOptions = {}): Promise<RunningCrmServer> {
  const onError = options.onError ?? ((e: unknown) => console.error('[crmkit-server]', e));
  const db = await openDatabase(options.database ?? {});
  try {
    const server = await createCrmServer({
      db,
      capabilities: options.capabilities ?? {},
      onError,
      ...(options.listen === false ? { listen: false } : {}),
      ...(options.automation ? { automation: options.automation } : {}),
    });
    let seeded: ProvisionedWorkspace[] | null = null;
    if (options.seed && (await isEmptyDatabase(db))) {
      const started = performance.now();
      options.log?.(`Seeding the ${options.seed} data set…`);
      seeded = await seedDatabase(db, options.seed);
      options.log?.(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    }
    const hostname = options.hostname ?? '127.0.0.1';
    const http = serve({ fetch: server.fetch, port: options.port ?? 4321, hostname });
    const port = await new Promise<number>((resolve, reject) => {
      http.once('error', reject);
      http.once('listening', () => resolve((http.address() as AddressInfo).port));
    });
    const slaSweepMs = options.slaSweepMs ?? 30_000;
    const jobs = server.jobs.map((job) => (job.name === 'sla-sweep' ? { ...job, everyMs: slaSweepMs } : job));
    const stopJobs = startJobs(db, jobs, onError);
    const stopAutomation = startTicker(server, options.automationTickMs ?? 5_000, onError);
    const host = hostname.includes(':') ? `[${hostname}]` : hostname;
    let closing: Promise<void> | null = null;
    return {
      server,
      db,
      url: `http://${host}:${port}`,
      port,
      seeded,
      close: () => {
        closing ??= (async () => {
          await stopJobs();
          await stopAutomation();
          const started = Date.now();
          const grace = options.drainTimeoutMs ?? 10_000;
          let closed = false;
          const allClosed = new Promise<void>((resolve) =>
            http.close(() => {
              closed = true;
              resolve();
            }),
          );
          await server.drain(grace);
          // A handler that returned has its answer still being written: close each connection once it is idle.
          while (!closed && Date.now() - started < grace) {
            if ('closeIdleConnections' in http) http.closeIdleConnections();
            await new Promise((r) => setTimeout(r, 20));
          }
          if ('closeAllConnections' in http) http.closeAllConnections();
          await allClosed;
          await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

/**
 * Runs `server.automation.tick()` every `everyMs` and soon after each write with events (never two at once).
 * @returns a function that stops it and waits for a tick in progress
 */
function startTicker(server: CrmServer, everyMs: number, onError: (e: unknown) => void): () => Promise<void> {
  if (everyMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = server.automation
      .tick()
      .then(
        () => {},
        (e: unknown) => onError(e),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          setTimeout(tick, 0);
        }
      });
  };
  server.context.afterCommit = () => setTimeout(tick, 0);
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
