import type { CrmEvent } from '@crmkit/spec';
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { can } from '../auth/permissions.js';
import type { AppEnv } from '../http/env.js';
import { badRequest, forbidden } from '../http/problem.js';
import { requireCapability } from '../resources/crud-routes.js';

/** How often a feed re-reads the log when nothing woke it (other processes on the same Postgres). */
const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;

/** Matches `types=contact.*,deal.moved`. */
function typeFilter(raw: string | undefined): (e: CrmEvent) => boolean {
  if (!raw) return () => true;
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (e) => parts.some((p) => (p.endsWith('.*') ? e.type.startsWith(p.slice(0, -1)) : e.type === p));
}

/** `GET /v1/events`: the workspace's change feed as Server-Sent Events, resumable with `Last-Event-ID`. */
export function registerEventRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/events', (c) => {
    requireCapability(c, 'events');
    const ctx = c.get('ctx');
    if (!can(ctx.principal.role, 'contacts', 'read')) throw forbidden('This role may not read the change feed.');
    const resume = c.req.header('last-event-id') ?? c.req.query('since') ?? null;
    if (resume !== null && !/^\d{1,18}$/.test(resume)) {
      throw badRequest('Last-Event-ID must be an event id.', [{ path: 'Last-Event-ID', message: 'not an event id' }]);
    }
    const matches = typeFilter(c.req.query('types'));
    const ws = ctx.principal.workspaceId;
    c.header('Cache-Control', 'no-cache');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let last = resume === null ? await latestId(ctx.db, ws) : Number(resume);
      let wake: (() => void) | null = null;
      const unsubscribe = ctx.events.subscribe(ws, () => wake?.());
      const aborted = new Promise<void>((resolve) => stream.onAbort(resolve));
      let lastWrite = Date.now();
      // Tell the client how long to wait before reconnecting, and that the feed is live.
      await stream.write(`retry: 2000\n: connected after ${last}\n\n`);
      try {
        while (!stream.aborted && !stream.closed) {
          const batch = await ctx.events.read(ctx.db, ws, last);
          for (const e of batch) {
            last = Number(e.id);
            if (!matches(e)) continue;
            await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(e) });
            lastWrite = Date.now();
          }
          if (batch.length === 500) continue;
          if (Date.now() - lastWrite > HEARTBEAT_MS) {
            await stream.write(': keep-alive\n\n');
            lastWrite = Date.now();
          }
          await Promise.race([
            new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, POLL_MS);
            }),
            aborted,
          ]);
          wake = null;
        }
      } finally {
        unsubscribe();
      }
    });
  });
}

async function latestId(db: AppEnv['Variables']['server']['db'], ws: string): Promise<number> {
  const { rows } = await db.query<{ id: number | null }>('SELECT max(id) AS id FROM events WHERE workspace_id = $1', [
    ws,
  ]);
  return rows[0]?.id ?? 0;
}
