/** The messages between a page and the database worker (`database-worker.ts`). */
import type { DataDir } from '../data/types.js';

/**
 * A request to the worker; `id` matches it to its reply. Ids of requests and databases start with the id of the page
 * that sends them: a worker started by Storybook's manager page outlives the preview pages that use it.
 */
export type WorkerRequest =
  /** Start a database on the tarball at `url` now, for a later `open` of that `url` to take. */
  | { id: string; op: 'preopen'; url: string }
  | { id: string; op: 'open'; db: string; data: DataDir }
  | { id: string; op: 'query'; db: string; tx?: number; sql: string; params?: readonly unknown[] }
  | { id: string; op: 'begin'; db: string; tx: number }
  | { id: string; op: 'end'; db: string; tx: number; commit: boolean }
  | { id: string; op: 'close'; db: string };

/** A database error as it crosses to the page: PostgreSQL's fields (`code` first) survive. */
export interface WorkerError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** The worker's reply to the request with the same `id`. */
export type WorkerReply = { id: string; ok: true; value?: unknown } | { id: string; ok: false; error: WorkerError };
