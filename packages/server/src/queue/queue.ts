import type { Database, Queryable } from '../db/types.js';

/**
 * A durable job queue in the server's own database (PGlite or PostgreSQL): the `jobs` table.
 *
 * - A job is enqueued inside the transaction of the write that causes it, so it exists exactly when that write
 *   committed; `(queue, key)` is unique, so enqueueing the same work twice keeps one job.
 * - Due jobs (`run_at` ≤ the server clock's now) are claimed with `FOR UPDATE SKIP LOCKED` under a lease: several
 *   processes on one PostgreSQL never claim the same job, and a job whose process died is claimed again once its lease
 *   ran out (runs survive a restart; nothing is lost).
 * - A handler settles its job in the same transaction as its effect, fenced by the lease it holds ({@link Job.settle}):
 *   when the lease was lost meanwhile, the settle fails and the effect rolls back, so no effect is applied twice.
 *
 * Why not pg-boss: see docs/adr/0007-automation-job-queue.md (Node 20, an injectable clock, the browser).
 */

/** A claimed job. */
export interface Job {
  id: number;
  queue: string;
  key: string;
  workspaceId: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  /** This attempt's number, from 1. */
  attempt: number;
  lastError: string | null;
  /** The lease this claim holds (the fencing token). */
  lease: string;
}

/** What to enqueue. */
export interface NewJob {
  queue: string;
  /** Unique within the queue: enqueueing an existing key does nothing (or moves it, see `replace`). */
  key: string;
  workspaceId?: string | null;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** Replace the due time and payload of an existing job with this key (when it is not claimed). */
  replace?: boolean;
}

/** Thrown when a job's lease was lost (another process claimed it): its transaction must roll back. */
export class LeaseLostError extends Error {
  constructor(id: number) {
    super(`job ${id} was claimed by someone else`);
  }
}

/** Adds a job in `tx`; returns whether a new job was added. */
export async function enqueue(tx: Queryable, job: NewJob, now: Date): Promise<boolean> {
  const conflict = job.replace
    ? 'ON CONFLICT (queue, key) DO UPDATE SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload WHERE jobs.locked_until IS NULL'
    : 'ON CONFLICT (queue, key) DO NOTHING';
  const { rows } = await tx.query(
    `INSERT INTO jobs (queue, key, workspace_id, payload, run_at, created_at) VALUES ($1,$2,$3,$4,$5,$6) ${conflict} RETURNING id`,
    [
      job.queue,
      job.key,
      job.workspaceId ?? null,
      JSON.stringify(job.payload ?? {}),
      job.runAt.toISOString(),
      now.toISOString(),
    ],
  );
  return rows.length > 0;
}

/** Removes the job `key` of `queue` if it is not claimed (e.g. a run that was cancelled). */
export async function dequeue(tx: Queryable, queue: string, key: string): Promise<void> {
  await tx.query('DELETE FROM jobs WHERE queue = $1 AND key = $2 AND locked_until IS NULL', [queue, key]);
}

interface JobRow {
  id: number;
  queue: string;
  key: string;
  workspace_id: string | null;
  payload: Record<string, unknown>;
  run_at: string;
  attempts: number;
  last_error: string | null;
}

/** Claims up to `limit` due jobs of `queues` for `leaseMs`, oldest due first. */
export async function claim(
  db: Database,
  queues: readonly string[],
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<Job[]> {
  // A lease unique to this claim: the due time plus a random number of microseconds, compared exactly when settling.
  const lease = new Date(now.getTime() + leaseMs).toISOString().replace('Z', `${randomMicros()}Z`);
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET locked_until = $3::timestamptz, attempts = attempts + 1
      WHERE id IN (SELECT id FROM jobs WHERE queue = ANY($1::text[]) AND run_at <= $2::timestamptz
                     AND (locked_until IS NULL OR locked_until <= $2::timestamptz)
                   ORDER BY run_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)
      RETURNING id, queue, key, workspace_id, payload, run_at, attempts, last_error`,
    [queues, now.toISOString(), lease, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    queue: r.queue,
    key: r.key,
    workspaceId: r.workspace_id,
    payload: r.payload,
    runAt: r.run_at,
    attempt: r.attempts,
    lastError: r.last_error,
    lease,
  }));
}

function randomMicros(): string {
  return String(crypto.getRandomValues(new Uint16Array(1))[0]! % 1000).padStart(3, '0');
}

/**
 * Settles a claimed job in `tx`: deletes it (`next` null: done) or puts it back to run at `next`. Throws
 * {@link LeaseLostError} when the claim's lease is no longer this job's (the caller's transaction then rolls back).
 */
export async function settle(tx: Queryable, job: Job, next: Date | null, error: string | null = null): Promise<void> {
  const { rows } =
    next === null
      ? await tx.query('DELETE FROM jobs WHERE id = $1 AND locked_until = $2::timestamptz RETURNING id', [
          job.id,
          job.lease,
        ])
      : await tx.query(
          `UPDATE jobs SET run_at = $3, locked_until = NULL, last_error = $4,
             attempts = CASE WHEN $4::text IS NULL THEN 0 ELSE attempts END
           WHERE id = $1 AND locked_until = $2::timestamptz RETURNING id`,
          [job.id, job.lease, next.toISOString(), error?.slice(0, 2000) ?? null],
        );
  if (rows.length === 0) throw new LeaseLostError(job.id);
}

/** The message of an error, for a log (at most 2,000 characters). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2000) || 'unknown error';
}
