import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { TYPE_PARSERS } from './parsers.js';
import type { Database, OpenDatabaseOptions } from './types.js';

/** Opens an embedded PGlite database (in memory, or in `dataDir`). */
export async function openPglite(
  options: Pick<OpenDatabaseOptions, 'dataDir' | 'loadDataDir'>,
): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers: TYPE_PARSERS,
  });
  await pglite.exec("SET TIME ZONE 'UTC'");
  const query = async <T>(sql: string, params?: readonly unknown[]) => {
    const r = await pglite.query<T>(sql, params as unknown[] | undefined);
    return { rows: r.rows };
  };
  return {
    kind: 'pglite',
    pglite,
    query,
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: readonly unknown[]) => ({
            rows: (await tx.query<T>(sql, params as unknown[] | undefined)).rows,
          }),
        }),
      ),
    close: () => pglite.close(),
  };
}

/**
 * Dumps a PGlite database to a tarball blob that `openDatabase({ loadDataDir })` starts from in milliseconds.
 * Used to migrate and seed once, then start tests and Storybook from the snapshot.
 */
export async function snapshotDatabase(db: Database): Promise<Blob> {
  if (!('pglite' in db)) throw new Error('snapshotDatabase needs a PGlite database');
  return (db as { pglite: PGlite }).pglite.dumpDataDir('none');
}
