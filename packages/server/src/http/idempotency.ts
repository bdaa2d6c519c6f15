import type { MiddlewareHandler } from 'hono';
import { withWrite } from '../core/context.js';
import { sha256Hex } from '../core/ids.js';
import type { Queryable } from '../db/types.js';
import { readBodyBytes } from './body.js';
import type { AppEnv } from './env.js';
import { badRequest, conflict } from './problem.js';

const REPLAYED_HEADERS = ['content-type', 'etag', 'location'];

/** How long a key is remembered; after that it may be reused for another request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** An unanswered claim (left by an earlier version of the server, which claimed keys outside the write) is released after this long. */
const ABANDONED_MS = 5 * 60 * 1000;

/**
 * Whether a request honours `Idempotency-Key`: a POST that writes, and a PATCH (whose retry after a lost answer would
 * otherwise fail its own `If-Match`). A search, a segment preview and an automation dry run are reads: they are safe
 * to retry without a key, and store nothing.
 */
const keyed = (method: string, path: string): boolean =>
  method === 'PATCH' || (method === 'POST' && !/\/(search|presence|preview|dry-run)$/.test(path));

/** Thrown inside the keyed request's transaction to roll it back while keeping the (failed) response. */
class Failed extends Error {}

interface StoredResponse {
  request_hash: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/**
 * `Idempotency-Key` on POST and PATCH. The first successful response (2xx/3xx) is stored for 24 hours; a retry with
 * the same key, body and `If-Match` replays it (`Idempotent-Replayed: true`) without running the request again; the
 * same key with another request is a 409. A failed request (4xx/5xx) changed nothing and is not stored, so the client
 * may fix it and retry with the same key.
 *
 * The key, the request's writes, their events and the stored response commit in one transaction: a process that dies
 * part-way leaves either all of them (the retry is replayed) or none (the retry runs), never a write without its
 * answer. A retry that arrives while the first attempt still runs waits for it, then is replayed.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    const ctx = c.get('ctx');
    if (key === undefined || !ctx.capabilities.idempotency) return next();
    const path = new URL(c.req.url).pathname;
    if (!keyed(c.req.method, path)) return next();
    if (key.length === 0 || key.length > 255) {
      throw badRequest('Idempotency-Key is 1 to 255 characters.', [{ path: 'Idempotency-Key', message: 'bad length' }]);
    }
    const ws = ctx.principal.workspaceId;
    const body = new TextDecoder().decode(await readBodyBytes(c));
    const ifMatch = c.req.header('if-match');
    const hash = await sha256Hex(
      `${c.req.method} ${path}\n${ctx.principal.userId ?? ''}\n${body}${ifMatch ? `\nIf-Match: ${ifMatch}` : ''}`,
    );
    const now = ctx.clock.now().getTime();
    let replay: Response | null = null;
    try {
      await withWrite(ctx, async (w) => {
        // Waits for a transaction that holds the same key (a concurrent attempt) to end.
        const claimed = await w.tx.query(
          `INSERT INTO idempotency_keys (workspace_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (workspace_id, key) DO UPDATE
             SET request_hash = EXCLUDED.request_hash, status = NULL, headers = NULL, body = NULL, created_at = EXCLUDED.created_at
             WHERE idempotency_keys.created_at < $5 OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at < $6)
           RETURNING key`,
          [
            ws,
            key,
            hash,
            new Date(now).toISOString(),
            new Date(now - IDEMPOTENCY_TTL_MS).toISOString(),
            new Date(now - ABANDONED_MS).toISOString(),
          ],
        );
        if (claimed.rows.length === 0) {
          replay = await storedResponse(w.tx, ws, key, hash);
          return;
        }
        // The handler's writes join this transaction (`withWrite` reuses it).
        c.set('ctx', w);
        await next();
        const res = c.res;
        if (c.error || res.status >= 400) throw new Failed();
        const headers = Object.fromEntries(
          REPLAYED_HEADERS.flatMap((h) => {
            const v = res.headers.get(h);
            return v === null ? [] : [[h, v]];
          }),
        );
        await w.tx.query(
          'UPDATE idempotency_keys SET status = $3, headers = $4, body = $5 WHERE workspace_id = $1 AND key = $2',
          [ws, key, res.status, JSON.stringify(headers), await res.clone().text()],
        );
      });
    } catch (error) {
      if (!(error instanceof Failed)) throw error;
    }
    if (replay) return replay;
  };
}

/** The stored answer to `key` as a replay, or a 409 when the key was used for another request or is still claimed. */
async function storedResponse(db: Queryable, ws: string, key: string, hash: string): Promise<Response> {
  const { rows } = await db.query<StoredResponse>(
    'SELECT request_hash, status, headers, body FROM idempotency_keys WHERE workspace_id = $1 AND key = $2',
    [ws, key],
  );
  const prior = rows[0];
  if (!prior || prior.request_hash !== hash) {
    throw conflict('This Idempotency-Key was used with another request.', 'idempotency-key-reused');
  }
  // Only a key stored by an earlier version of the server (which claimed keys outside the write) can be unanswered.
  if (prior.status === null) {
    throw conflict('A request with this Idempotency-Key is still in progress.', 'idempotency-in-progress');
  }
  return new Response(prior.body, {
    status: prior.status,
    headers: { ...prior.headers, 'Idempotent-Replayed': 'true' },
  });
}
