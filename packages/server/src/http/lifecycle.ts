import type { Context, MiddlewareHandler } from 'hono';
import type { ServerContext } from '../core/context.js';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** What a server is doing (`CrmServer.status()`, and part of `/readyz`). */
export interface ServerStatus {
  /** API requests being handled (open change feeds not counted). */
  inFlight: number;
  /** Open change feeds. */
  feeds: number;
  /** Shutting down: refusing new requests. */
  draining: boolean;
}

/** How long a readiness probe waits for the database. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * A server's life after start: counts the requests in flight so a shutdown lets them finish, answers requests that
 * arrive while it drains with 503 (`Retry-After`, `Connection: close`: retry on another process), ends the change
 * feeds with a retry hint, and answers the readiness probe. Counts only `/v1/*` requests: probes and documents are
 * answered while it drains.
 */
export class Lifecycle {
  private inFlight = 0;
  private draining = false;
  private idle: (() => void) | null = null;

  constructor(private readonly server: ServerContext) {}

  /** Counts requests in flight; refuses new ones while draining. */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (this.draining) {
        c.header('Connection', 'close');
        throw new ProblemError(
          503,
          'shutting-down',
          'Service unavailable',
          { detail: 'This server is shutting down; retry (another process may answer).' },
          { 'Retry-After': '1', Connection: 'close' },
        );
      }
      this.inFlight++;
      try {
        await next();
      } finally {
        if (--this.inFlight === 0) this.idle?.();
      }
    };
  }

  /**
   * Stops taking requests, ends the change feeds (with a `retry:` hint), and resolves when the requests in flight have
   * finished, or after `timeoutMs` with the number still running.
   */
  async drain(timeoutMs: number): Promise<{ unfinished: number }> {
    this.draining = true;
    this.server.events.tails.close();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return { unfinished: this.inFlight };
  }

  status(): ServerStatus {
    return { inFlight: this.inFlight, feeds: this.server.events.tails.feeds, draining: this.draining };
  }

  /**
   * `GET /readyz`: 200 when this process should get traffic — not draining, the database answers — else 503. Says
   * whether the change feed hears other processes' commits at once (`live`) or polls (`polling`).
   */
  async ready(c: Context<AppEnv>): Promise<Response> {
    const database = this.draining ? 'not checked' : await this.probe();
    const ok = !this.draining && database === 'up';
    const feed = this.server.events.live ? 'live' : 'polling';
    return c.json({ ok, database, feed, ...this.status() }, ok ? 200 : 503);
  }

  private async probe(): Promise<'up' | 'down'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'down'>((resolve) => {
      timer = setTimeout(() => resolve('down'), PROBE_TIMEOUT_MS);
    });
    const query = this.server.db.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
