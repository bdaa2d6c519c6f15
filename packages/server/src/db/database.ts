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

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const NUMERIC = 1700;

/** `2026-11-23 02:00:00.123+07` (PostgreSQL text output) to `2026-11-23T02:00:00.123Z`. */
export function toIso(v: string): string {
  let s = v.replace(' ', 'T');
  if (/[+-]\d\d$/.test(s)) s += ':00';
  else if (/[+-]\d\d\d\d$/.test(s)) s = `${s.slice(0, -2)}:${s.slice(-2)}`;
  else if (!/(Z|[+-]\d\d:\d\d)$/.test(s)) s += 'Z';
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? v : d.toISOString();
}

/** Text parsers shared by both drivers, keyed by type OID. */
export const TYPE_PARSERS: Record<number, (v: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [TIMESTAMPTZ]: toIso,
  [TIMESTAMP]: toIso,
  [DATE]: (v) => v,
};

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** `postgres://...` for a real server; omit for PGlite. */
  url?: string;
  /** PGlite data directory; omit for in-memory. */
  dataDir?: string;
  /** PGlite: start from a data directory snapshot (see `snapshotDatabase`). */
  loadDataDir?: Blob | File;
}

/**
 * Opens a database: a real PostgreSQL server when `url` is given, PGlite otherwise.
 *
 * @example
 * const db = await openDatabase({ dataDir: './data' });
 * const { rows } = await db.query('select 1 as one');
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(options.url);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options);
}
