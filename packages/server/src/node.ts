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
  /** How often the SLA timer runs, in ms; 0 switches it off. Default 30 s. */
  slaSweepMs?: number;
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
  /** Stops the SLA timer, closes open connections (change feeds included) and the database. */
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
    const stopSweeps = startSlaTimer(server, options.slaSweepMs ?? 30_000, onError);
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
          await stopSweeps();
          await stopAutomation();
          await new Promise<void>((resolve) => {
            http.close(() => resolve());
            if ('closeAllConnections' in http) http.closeAllConnections();
          });
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

/**
 * Runs the server's timers (`server.sweep()`: SLA, snooze wake-ups, presence expiry) now and every `everyMs` (never two
 * at once; errors go to `onError`).
 * @returns a function that stops the timer and waits for a running sweep
 */
function startSlaTimer(server: CrmServer, everyMs: number, onError: (e: unknown) => void): () => Promise<void> {
  // Feature-detected: a server built without the SLA module has no timer to run.
  const timers = (server as Partial<CrmServer>).sweep ?? (server as Partial<CrmServer>).sla?.sweep;
  if (!timers || everyMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= timers()
      .then(
        () => {},
        (e: unknown) => onError(e),
      )
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
