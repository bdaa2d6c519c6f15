import type { Database, Exclusive } from '../db/types.js';

/**
 * A background job of the server, run every `everyMs` by {@link startJobs} in each server process. The seam for every
 * periodic task (the SLA sweep, housekeeping, and later automation): add one to `CrmServer.jobs`.
 *
 * With several processes on one PostgreSQL, an `exclusive` job runs in one process at a time: the others skip their
 * turn while it runs (a lock on the database, released when its process dies). A job that is not exclusive runs in
 * every process at once and must claim its own work, e.g. rows taken with `SELECT … FOR UPDATE SKIP LOCKED` and
 * marked done in the same transaction as their effect, so that no item is ever handled twice.
 *
 * @example
 * const job: Job = { name: 'reminders', everyMs: 60_000, exclusive: true, run: () => sendDueReminders(ctx) };
 */
export interface Job {
  /** Unique among the server's jobs; also the name of its lock. */
  name: string;
  /** How often it runs, in ms; 0 switches it off. */
  everyMs: number;
  /** One process at a time (true), or every process (false, the job claims its own items). */
  exclusive: boolean;
  run(): Promise<unknown>;
}

/**
 * Runs `job` once: under its lock when it is exclusive (`{ ran: false }` when another process, or another run in this
 * one, holds it).
 */
export function runJob(db: Database, job: Job): Promise<Exclusive<unknown>> {
  if (job.exclusive) return db.exclusive(`job:${job.name}`, () => job.run());
  return job.run().then((value) => ({ ran: true as const, value }));
}

/**
 * Runs each job now and then every `everyMs` (never two runs of one job at once in this process; errors go to
 * `onError`, and the job runs again at its next turn).
 *
 * @returns a function that stops the timers and waits for the runs in progress
 */
export function startJobs(db: Database, jobs: readonly Job[], onError: (e: unknown) => void): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers = jobs
    .filter((job) => job.everyMs > 0)
    .map((job) => {
      const tick = () => {
        if (running.has(job.name)) return;
        const run = runJob(db, job).then(
          () => {},
          (e: unknown) => onError(e),
        );
        running.set(job.name, run);
        void run.finally(() => running.delete(job.name));
      };
      tick();
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      return timer;
    });
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(running.values());
  };
}
