import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { can } from '../auth/permissions.js';
import { frameOf, type TailEvent, Waker } from '../core/event-tail.js';
import { requireCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, forbidden } from '../http/problem.js';

const HEARTBEAT_MS = 15_000;
const BATCH = 500;
/** The reconnection delay a feed asks for when the server shuts down: another process, or this one restarted. */
const SHUTDOWN_RETRY_MS = 500;

/** The frames as one chunk (one socket write for a batch of events). */
function concat(frames: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(frames.reduce((n, f) => n + f.byteLength, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f, at);
    at += f.byteLength;
  }
  return out;
}

/** Matches `types=contact.*,deal.moved`. */
function typeFilter(raw: string | undefined): (e: TailEvent) => boolean {
  if (!raw) return () => true;
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return () => true;
  return (e) => parts.some((p) => (p === '*' || p.endsWith('.*') ? e.type.startsWith(p.slice(0, -1)) : e.type === p));
}

/**
 * `GET /v1/events`: the workspace's change feed as Server-Sent Events, resumable with `Last-Event-ID`. The stream
 * states its position from its first bytes: an `id:` block (no data) on connect, after events a `types` filter skipped,
 * and as the heartbeat, so a client that reconnects with the last id it saw loses nothing, even before its first event.
 *
 * Every feed of a workspace in this process reads from one tail of the log (one query per commit, each event
 * serialised once); a feed that resumes from further back reads the log itself until it has caught up. Commits in
 * other processes arrive through the bus (PostgreSQL `NOTIFY`), or by polling while it is down. When the server shuts
 * down, the feed ends with a `retry:` hint so clients reconnect at once.
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
    const start = resume === null ? await ctx.events.latestId(ctx.db, ws) : Number(resume);
    const waker = new Waker();
    const { tail, leave } = await ctx.events.tails.join(ctx.db.priority, ws, waker);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      // Ends on whichever comes first: the client cancels the body, the request is aborted, or the server shuts down.
      const stop = new AbortController();
      stream.onAbort(() => stop.abort());
      const requestSignal = c.req.raw.signal;
      const onRequestAbort = () => stop.abort();
      requestSignal.addEventListener('abort', onRequestAbort);
      const shutdown = ctx.events.tails.shutdown;
      try {
        let last = start;
        /** The position the client was last told. */
        let told = last;
        let lastWrite = Date.now();
        // How long to wait before reconnecting, and the position: the feed is live after it.
        await stream.write(`retry: 2000\nid: ${last}\n\n`);
        while (!stop.signal.aborted && !stream.closed && !shutdown.aborted) {
          const fromTail = tail.after(last);
          const batch = fromTail ?? (await ctx.events.read(ctx.db, ws, last, BATCH)).map(frameOf);
          const frames: Uint8Array[] = [];
          for (const e of batch) {
            last = e.id;
            if (!matches(e)) continue;
            frames.push(e.frame);
            told = last;
          }
          if (frames.length > 0) {
            await stream.write(frames.length === 1 ? frames[0]! : concat(frames));
            lastWrite = Date.now();
          }
          if (!fromTail && batch.length === BATCH) continue;
          // The position moved past filtered-out events, or a heartbeat is due: state it.
          if (told !== last || Date.now() - lastWrite >= HEARTBEAT_MS) {
            await stream.write(`id: ${last}\n\n`);
            told = last;
            lastWrite = Date.now();
          }
          await waker.wait(HEARTBEAT_MS - (Date.now() - lastWrite), stop.signal);
        }
        if (shutdown.aborted && !stop.signal.aborted && !stream.closed) {
          await stream.write(`: the server is shutting down; reconnect\nretry: ${SHUTDOWN_RETRY_MS}\nid: ${last}\n\n`);
        }
      } finally {
        leave();
        requestSignal.removeEventListener('abort', onRequestAbort);
      }
    });
  });
}
