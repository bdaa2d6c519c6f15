/** The messages between a page and the database worker (`database-worker.ts`). */
import type { DataDir } from '../data/types.js';

/** A request to the worker; `id` matches it to its reply. */
export type WorkerRequest =
  /** Start a database on the tarball at `url` now, for a later `open` of that `url` to take. */
  | { id: number; op: 'preopen'; url: string }
  | { id: number; op: 'open'; db: number; data: DataDir }
  | { id: number; op: 'query'; db: number; tx?: number; sql: string; params?: readonly unknown[] }
  | { id: number; op: 'begin'; db: number; tx: number }
  | { id: number; op: 'end'; db: number; tx: number; commit: boolean }
  | { id: number; op: 'close'; db: number };

/** A database error as it crosses to the page: PostgreSQL's fields (`code` first) survive. */
export interface WorkerError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/** The worker's reply to the request with the same `id`. */
export type WorkerReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: WorkerError };
