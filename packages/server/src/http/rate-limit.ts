import type { Queryable } from '../db/types.js';
import { ProblemError } from './problem.js';

/** Where the request counts of fixed windows live. */
export interface RateLimitStore {
  /** Counts one request of `key` in the window that starts at `windowStart` (ms) and returns the window's count. */
  hit(key: string, windowStart: number): Promise<number>;
  /** Forgets the windows that started before `before` (ms). */
  prune(before: number): Promise<void>;
}

/** Counts in this process's memory: right for one process (PGlite is always one). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async hit(key: string, windowStart: number): Promise<number> {
    let w = this.windows.get(key);
    if (!w || w.start < windowStart) {
      w = { start: windowStart, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) await this.prune(windowStart);
    }
    return ++w.count;
  }

  async prune(before: number): Promise<void> {
    for (const [k, w] of this.windows) if (w.start < before) this.windows.delete(k);
  }
}

/**
 * Counts in the database (an unlogged table), shared by every server process on it: the limit holds for the token
 * whichever process its requests reach. One upsert per request; a clock a little behind counts into the current window.
 */
export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: Queryable) {}

  async hit(key: string, windowStart: number): Promise<number> {
    const { rows } = await this.db.query<{ hits: number }>(
      `INSERT INTO rate_limit_windows AS w (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN w.window_start < EXCLUDED.window_start THEN 1 ELSE w.hits + 1 END,
         window_start = GREATEST(w.window_start, EXCLUDED.window_start)
       RETURNING hits`,
      [key, windowStart],
    );
    return rows[0]!.hits;
  }

  async prune(before: number): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_windows WHERE window_start < $1', [before]);
  }
}

/** A fixed-window request limit per token (counted by the token's hash), in a {@link RateLimitStore}. */
export class RateLimiter {
  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
    readonly store: RateLimitStore = new MemoryRateLimitStore(),
  ) {}

  /** Counts a request by `key` at `now`; throws a 429 problem with `Retry-After` when over the limit. */
  async hit(key: string, now: number): Promise<{ remaining: number; resetSeconds: number }> {
    const windowMs = this.windowSeconds * 1000;
    const start = now - (now % windowMs);
    const count = await this.store.hit(key, start);
    const resetSeconds = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
    if (count > this.limit) {
      throw new ProblemError(
        429,
        'rate-limited',
        'Too many requests',
        { detail: `At most ${this.limit} requests per ${this.windowSeconds} s; retry in ${resetSeconds} s.` },
        { 'Retry-After': String(resetSeconds), ...this.headers(0, resetSeconds) },
      );
    }
    return { remaining: this.limit - count, resetSeconds };
  }

  /** The `RateLimit-*` headers every answer to a counted request carries. */
  headers(remaining: number, resetSeconds: number): Record<string, string> {
    return {
      'RateLimit-Limit': String(this.limit),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(resetSeconds),
    };
  }

  /** Forgets the windows that ended before `now`. */
  prune(now: number): Promise<void> {
    const windowMs = this.windowSeconds * 1000;
    return this.store.prune(now - (now % windowMs));
  }
}
