import type { ServerContext } from '../core/context.js';
import { claim, errorText, type Job, LeaseLostError, settle } from './queue.js';

/** What runs the jobs of one queue. */
export interface QueueHandler {
  queue: string;
  /**
   * Does the job. It must settle it ({@link settle}) in the transaction of its effect: delete it when done, or put it
   * back for a later time (a delay). Throwing rolls the effect back and retries the job (see `retryAfterMs`).
   */
  run(job: Job): Promise<void>;
  /** How long to wait before the next attempt after `error`; null gives up. */
  retryAfterMs(job: Job, error: unknown): number | null;
  /** Gives up on the job (after its last attempt): logs the failure and settles the job, in one transaction. */
  giveUp(job: Job, error: unknown): Promise<void>;
  /** Logs a failed attempt that will be retried at `next` (before the job is put back). */
  onRetry?(job: Job, error: unknown, next: Date): Promise<void>;
}

/** Options of {@link drainQueues}. */
export interface DrainOptions {
  /** Jobs claimed at once. Default 20. */
  batch?: number;
  /** Stop after this many jobs (the rest wait for the next call). Default 2,000. */
  maxJobs?: number;
  /** How long a claim holds a job before another process may take it. Default 5 minutes. */
  leaseMs?: number;
}

/**
 * Exponential backoff with full jitter: about `baseMs × 2^(attempt−1)`, at most `maxMs`, a random part of it.
 *
 * @example
 * backoffMs(3, 60_000, 3_600_000, Math.random) // between 2 and 4 minutes
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs the due jobs of the handlers' queues, at the server clock's now, until none is due (or `maxJobs` ran).
 * Safe from several processes at once: each job is claimed by one of them.
 * @returns how many jobs ran
 */
export async function drainQueues(
  server: ServerContext,
  handlers: readonly QueueHandler[],
  options: DrainOptions = {},
): Promise<number> {
  const byQueue = new Map(handlers.map((h) => [h.queue, h]));
  const queues = [...byQueue.keys()];
  const max = options.maxJobs ?? 2000;
  let ran = 0;
  while (ran < max) {
    const jobs = await claim(server.db, queues, server.clock.now(), options.batch ?? 20, options.leaseMs ?? 300_000);
    if (jobs.length === 0) break;
    for (const job of jobs) {
      ran++;
      const handler = byQueue.get(job.queue)!;
      try {
        await handler.run(job);
      } catch (error) {
        if (error instanceof LeaseLostError) continue;
        await fail(server, handler, job, error);
      }
    }
  }
  return ran;
}

async function fail(server: ServerContext, handler: QueueHandler, job: Job, error: unknown): Promise<void> {
  try {
    const wait = handler.retryAfterMs(job, error);
    if (wait === null) {
      await handler.giveUp(job, error);
      return;
    }
    const next = new Date(server.clock.now().getTime() + wait);
    await handler.onRetry?.(job, error, next);
    await settle(server.db, job, next, errorText(error));
  } catch (second) {
    // The lease ran out meanwhile: whoever holds the job now settles it.
    if (!(second instanceof LeaseLostError)) throw second;
  }
}
