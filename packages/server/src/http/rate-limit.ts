import { ProblemError } from './problem.js';

/** Fixed-window request counter per token, in memory (per process). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  /** Counts a request by `key` at `now`; throws a 429 problem with `Retry-After` when over the limit. */
  hit(key: string, now: number): { remaining: number; resetSeconds: number } {
    const windowMs = this.windowSeconds * 1000;
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now - (now % windowMs), count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(now);
    }
    w.count++;
    const resetSeconds = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
    if (w.count > this.limit) {
      throw new ProblemError(
        429,
        'rate-limited',
        'Too many requests',
        { detail: `At most ${this.limit} requests per ${this.windowSeconds} s; retry in ${resetSeconds} s.` },
        { 'Retry-After': String(resetSeconds), ...this.headers(0, resetSeconds) },
      );
    }
    return { remaining: this.limit - w.count, resetSeconds };
  }

  /** The `RateLimit-*` headers every answer to a counted request carries. */
  headers(remaining: number, resetSeconds: number): Record<string, string> {
    return {
      'RateLimit-Limit': String(this.limit),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(resetSeconds),
    };
  }

  private prune(now: number) {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowSeconds * 1000) this.windows.delete(k);
  }
}
