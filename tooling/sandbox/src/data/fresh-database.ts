/** Fresh, migrated databases: what every test server and every data set starts from. */
import { type Database, migrate, openDatabase, snapshotDatabase } from '@crmkit/server';
import { cacheGet, cacheSet } from './cache.js';
import { prebuiltSnapshot } from './prebuilt.js';
import { tarballOf } from './tarball.js';

/** Where a test server's database comes from. */
export interface TestDatabaseSource {
  /** A PostgreSQL server: each test server gets a new database on it, dropped on `close()`. */
  url?: string;
  /** A migrated, empty PGlite data directory to start from (default: one made once per module instance). */
  snapshot?: Blob;
}

let migrated: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite data directory: the prebuilt `migrated` data set (see `@crmkit/sandbox/prebuilt`), else made
 * once and cached (in IndexedDB in a browser). Kept for the page (or process).
 */
function migratedSnapshot(): Promise<Blob> {
  migrated ??= (async () => {
    const prebuilt = prebuiltSnapshot('migrated');
    if (prebuilt) return tarballOf((await prebuilt).data);
    const cached = await cacheGet<Blob>('v1:migrated');
    if (cached) return cached;
    const db = await openDatabase();
    await migrate(db);
    const blob = await snapshotDatabase(db);
    await db.close();
    await cacheSet('v1:migrated', blob);
    return blob;
  })();
  // A failed attempt is not kept.
  migrated.catch(() => {
    migrated = undefined;
  });
  return migrated;
}

/**
 * A fresh, empty database (migrations applied, or applied by the server on start): a new database on the PostgreSQL
 * server of `source.url`, else PGlite from the snapshot.
 */
export async function freshDatabase(
  source: TestDatabaseSource = {},
): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (source.url) {
    const admin = await openDatabase({ url: source.url });
    const name = `crmkit_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(source.url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ url: u.toString() });
    return {
      db,
      drop: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  const db = await openDatabase({ loadDataDir: source.snapshot ?? (await migratedSnapshot()) });
  return { db, drop: () => db.close() };
}
