/**
 * One data layer over PostgreSQL: PGlite (embedded; in memory or file-backed) or a real server by URL.
 * Both return rows with the same JS types: int8 as number, timestamptz as ISO strings, date as `YYYY-MM-DD`.
 */

/** Something that runs SQL: the database or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/** What {@link Database.exclusive} returns: the job's value, or that another holder of the lock ran it. */
export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/** A PostgreSQL database. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in a transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Connections of their own (two on PostgreSQL) for short reads that must not wait behind a busy pool's queue: the
   * change feed's one read per commit, which every open feed of the process waits for. PGlite: the database itself.
   */
  readonly priority: Queryable;
  /**
   * Runs `fn` while holding the lock `name` across every process that uses this database, or returns `{ ran: false }`
   * at once when someone else holds it. A process that dies releases its locks (PostgreSQL ends its session).
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<Exclusive<T>>;
  /**
   * Listens to `NOTIFY`s on `channel` from every connection (this process's included), over a connection of its own
   * that reconnects by itself. `onState(true)` when listening (again: notifications sent meanwhile were lost),
   * `onState(false)` when the connection dropped. PGlite has one process per data directory and nothing to listen to:
   * it reports `true` and delivers nothing. Resolves once the first attempt is over.
   */
  listen(channel: string, onMessage: (payload: string) => void, onState: (listening: boolean) => void): Promise<void>;
  close(): Promise<void>;
}

/** Options of `openDatabase`. */
export interface OpenDatabaseOptions {
  /** `postgres://...` for a real server; omit for PGlite. */
  url?: string;
  /** PostgreSQL: connections this process may open at most (default 10; see docs/deployment.md for sizing). */
  poolSize?: number;
  /** PGlite data directory; omit for in-memory. */
  dataDir?: string;
  /** PGlite: start from a data directory snapshot (see `snapshotDatabase`). */
  loadDataDir?: Blob | File;
}
