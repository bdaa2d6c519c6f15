import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { TYPE_PARSERS } from './parsers.js';
import { singleProcess } from './single-process.js';
import type { Database, OpenDatabaseOptions } from './types.js';

/** A data directory on this machine's file system (not PGlite's `idb://`, `memory://`, …), in Node. */
function localDirectory(dataDir: string | undefined): string | null {
  if (!dataDir || typeof process === 'undefined' || !process.versions?.node) return null;
  if (dataDir.startsWith('file://')) return decodeURIComponent(new URL(dataDir).pathname);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(dataDir) ? null : dataDir;
}

/**
 * Opens an embedded PGlite database (in memory, or in `dataDir`). A data directory on disk is locked for this process
 * until `close()`: another process that opens it meanwhile gets a `DataDirLockedError` (PGlite is single-process).
 */
export async function openPglite(
  options: Pick<OpenDatabaseOptions, 'dataDir' | 'loadDataDir'>,
): Promise<Database & { pglite: PGlite }> {
  const directory = localDirectory(options.dataDir);
  // Loaded only for a directory on disk: the lock needs node:fs, and PGlite also runs in browsers.
  const release = directory ? (await import('./lock.js')).lockDataDir(directory) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: TYPE_PARSERS,
    });
    await pglite.exec("SET TIME ZONE 'UTC'");
  } catch (error) {
    release();
    throw error;
  }
  const query = async <T>(sql: string, params?: readonly unknown[]) => {
    const r = await pglite.query<T>(sql, params as unknown[] | undefined);
    return { rows: r.rows };
  };
  return {
    kind: 'pglite',
    pglite,
    query,
    priority: { query },
    // The data directory is locked to this process: nothing to coordinate with other processes.
    ...singleProcess(),
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: readonly unknown[]) => ({
            rows: (await tx.query<T>(sql, params as unknown[] | undefined)).rows,
          }),
        }),
      ),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        release();
      }
    },
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
