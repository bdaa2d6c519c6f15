import type { CrmEvent } from '@crmkit/spec';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { can } from '../auth/permissions.js';
import type { Queryable } from '../db/types.js';
import { requireCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, forbidden } from '../http/problem.js';

/** How often a feed re-reads the log when nothing woke it (other processes on the same Postgres). */
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;
const BATCH = 500;

/** Matches `types=contact.*,deal.moved`. */
function typeFilter(raw: string | undefined): (e: CrmEvent) => boolean {
  if (!raw) return () => true;
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return () => true;
  return (e) => parts.some((p) => (p === '*' || p.endsWith('.*') ? e.type.startsWith(p.slice(0, -1)) : e.type === p));
}

/**
 * Waits until `wake()` is called (a commit in this process), `ms` pass, or `signal` aborts, leaving no timer
 * behind. A wake that comes while nobody waits is remembered, so a commit between two reads is never missed.
 */
class Waker {
  private pending = false;
  private resolve: (() => void) | null = null;

  wake(): void {
    if (this.resolve) this.resolve();
    else this.pending = true;
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.resolve = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.resolve = done;
    });
  }
}

/**
 * `GET /v1/events`: the workspace's change feed as Server-Sent Events, resumable with `Last-Event-ID`. The stream
 * states its position from its first bytes: an `id:` block (no data) on connect, after events a `types` filter skipped,
 * and as the heartbeat, so a client that reconnects with the last id it saw loses nothing, even before its first event.
 */
export function registerEventRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/events', async (c) => {
    requireCapability(c, 'events');
    const ctx = c.get('ctx');
    if (!can(ctx.principal.role, 'contacts', 'read')) throw forbidden('This role may not read the change feed.');
    const resume = c.req.header('last-event-id')?.trim() || c.req.query('since') || null;
    if (resume !== null && !/^\d{1,15}$/.test(resume)) {
      throw badRequest('Last-Event-ID must be an event id.', [{ path: 'Last-Event-ID', message: 'not an event id' }]);
    }
    const types = c.req.query('types');
    if (types !== undefined && types.length > 2000) {
      throw badRequest('types is at most 2000 characters.', [{ path: 'types', message: 'too long' }]);
    }
    const matches = typeFilter(types);
    const ws = ctx.principal.workspaceId;
    // Read before the stream opens: a failure is then an error response, not a broken stream.
    const start = resume === null ? await latestId(ctx.db, ws) : Number(resume);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      // Ends on whichever comes first: the client cancels the body, or the request is aborted.
      const stop = new AbortController();
      stream.onAbort(() => stop.abort());
      const requestSignal = c.req.raw.signal;
      const onRequestAbort = () => stop.abort();
      requestSignal.addEventListener('abort', onRequestAbort);
      const waker = new Waker();
      const unsubscribe = ctx.events.subscribe(ws, () => waker.wake());
      try {
        let last = start;
        /** The position the client was last told. */
        let told = last;
        let lastWrite = Date.now();
        // How long to wait before reconnecting, and the position: the feed is live after it.
        await stream.write(`retry: 2000\nid: ${last}\n\n`);
        while (!stop.signal.aborted && !stream.closed) {
          const batch = await ctx.events.read(ctx.db, ws, last, BATCH);
          for (const e of batch) {
            if (stop.signal.aborted) return;
            last = Number(e.id);
            if (!matches(e)) continue;
            await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(e) });
            told = last;
            lastWrite = Date.now();
          }
          if (batch.length === BATCH) continue;
          // The position moved past filtered-out events, or a heartbeat is due: state it.
          if (told !== last || Date.now() - lastWrite > HEARTBEAT_MS) {
            await stream.write(`id: ${last}\n\n`);
            told = last;
            lastWrite = Date.now();
          }
          await waker.wait(POLL_MS, stop.signal);
        }
      } finally {
        unsubscribe();
        requestSignal.removeEventListener('abort', onRequestAbort);
      }
    });
  });
}

async function latestId(db: Queryable, ws: string): Promise<number> {
  const { rows } = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events WHERE workspace_id = $1', [
    ws,
  ]);
  return rows[0]?.id ?? 0;
}
