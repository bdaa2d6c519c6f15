import type { ServerContext } from '../core/context.js';
import { IDEMPOTENCY_TTL_MS } from './idempotency.js';
import type { RateLimiter } from './rate-limit.js';

/** Rows deleted per statement, so that no transaction holds many locks for long. */
const BATCH = 5000;

/**
 * Forgets what has expired: idempotency keys older than 24 hours and rate-limit windows that ended. Run by the
 * `housekeeping` job (see `startJobs`), in one process at a time.
 */
export async function housekeeping(server: ServerContext, limiter: RateLimiter | null): Promise<{ keys: number }> {
  const now = server.clock.now().getTime();
  const before = new Date(now - IDEMPOTENCY_TTL_MS).toISOString();
  let keys = 0;
  for (;;) {
    const { rows } = await server.db.query<{ n: number }>(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys WHERE created_at < $1 LIMIT ${BATCH}) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before],
    );
    keys += rows[0]!.n;
    if (rows[0]!.n < BATCH) break;
  }
  await limiter?.prune(now);
  return { keys };
}
