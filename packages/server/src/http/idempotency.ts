import type { MiddlewareHandler } from 'hono';
import { sha256Hex } from '../core/ids.js';
import type { AppEnv } from './env.js';
import { badRequest, conflict } from './problem.js';

const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

/**
 * `Idempotency-Key` on POST: the first response (not 5xx) is stored; a retry with the same key and body
 * replays it (`Idempotent-Replayed: true`); the same key with another body, or while the first is still
 * running, is a 409.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const ctx = c.get('ctx');
    if (c.req.method !== 'POST' || !key || !ctx.capabilities.idempotency) return next();
    if (key.length > 255)
      throw badRequest('Idempotency-Key is at most 255 characters.', [
        { path: 'Idempotency-Key', message: 'too long' },
      ]);
    const ws = ctx.principal.workspaceId;
    const body = await c.req.raw.clone().text();
    const hash = await sha256Hex(
      `${c.req.method} ${new URL(c.req.url).pathname}\n${ctx.principal.userId ?? ''}\n${body}`,
    );
    const claimed = await ctx.db.query(
      'INSERT INTO idempotency_keys (workspace_id, key, request_hash, created_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING key',
      [ws, key, hash, ctx.clock.now().toISOString()],
    );
    if (claimed.rows.length === 0) {
      const { rows } = await ctx.db.query<{
        request_hash: string;
        status: number | null;
        headers: Record<string, string> | null;
        body: string | null;
      }>('SELECT request_hash, status, headers, body FROM idempotency_keys WHERE workspace_id = $1 AND key = $2', [
        ws,
        key,
      ]);
      const prior = rows[0];
      if (!prior || prior.request_hash !== hash) {
        throw conflict('This Idempotency-Key was used with another request.', 'idempotency-key-reused');
      }
      if (prior.status === null)
        throw conflict('A request with this Idempotency-Key is still in progress.', 'idempotency-in-progress');
      return new Response(prior.body, {
        status: prior.status,
        headers: { ...prior.headers, 'Idempotent-Replayed': 'true' },
      });
    }
    try {
      await next();
    } catch (error) {
      await ctx.db.query('DELETE FROM idempotency_keys WHERE workspace_id = $1 AND key = $2', [ws, key]);
      throw error;
    }
    const res = c.res;
    if (res.status >= 500) {
      await ctx.db.query('DELETE FROM idempotency_keys WHERE workspace_id = $1 AND key = $2', [ws, key]);
      return;
    }
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.flatMap((h) => (res.headers.get(h) ? [[h, res.headers.get(h)!]] : [])),
    );
    await ctx.db.query(
      'UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE workspace_id = $1 AND key = $2',
      [ws, key, res.status, JSON.stringify(headers), await res.clone().text()],
    );
  };
}
