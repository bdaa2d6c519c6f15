/**
 * One data layer over PostgreSQL: PGlite (embedded; in memory or file-backed) or a real server by URL.
 * Both return rows with the same JS types: int8 as number, timestamptz as ISO strings, date as `YYYY-MM-DD`.
 */

/** Something that runs SQL: the database or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/** A PostgreSQL database. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** `postgres://...` for a real server; omit for PGlite. */
  url?: string;
  /** PGlite data directory; omit for in-memory. */
  dataDir?: string;
  /** PGlite: start from a data directory snapshot (see `snapshotDatabase`). */
  loadDataDir?: Blob | File;
}
