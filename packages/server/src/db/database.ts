import type { Database, OpenDatabaseOptions } from './types.js';

export type { Database, OpenDatabaseOptions, Queryable } from './types.js';

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
    return openPostgres(options.url, options.poolSize);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(options);
}
