/**
 * Seeded reference-server databases for the examples' end-to-end tests, cached between runs: migrating and seeding
 * takes 15–40 s on a busy machine, loading a snapshot well under a second. One cache file per seed, keyed like the
 * sandbox's snapshots (`sourceKey`: the server, its seed data, the contract, the shared rules and the installed
 * PGlite), so a change to a seed or the schema builds a fresh one.
 *
 * @example
 * const seed = await cachedSeed('fitness', fileURLToPath(new URL('../node_modules/.cache/fitness-club-e2e/', import.meta.url)));
 * const crm = await startCrmServer({ database: seed.database, seed: 'fitness', port: 0 });
 * const apiKey = await seededApiKey(crm, 'ws_fitness');
 * // ... after the tests, with the database still open:
 * await seed.save(crm.db);
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Database, type OpenDatabaseOptions, type SeedKind, snapshotDatabase } from '@crmkit/server';
import { sourceKey } from '../tooling/sandbox/src/node/source-key.js';

/** What {@link cachedSeed} found. */
export interface CachedSeed {
  /** The database to open: the cached snapshot (`loadDataDir`), or an empty in-memory one to seed now. */
  database: OpenDatabaseOptions;
  /** Whether a snapshot was found (else the server seeds the database at start). */
  cached: boolean;
  /** Stores a snapshot of `db` (the database the server seeded) when there was none; a no-op otherwise. */
  save(db: Database): Promise<void>;
}

/** The cached snapshot of `seed` in `cacheDir`, if there is one, and how to store it after a run that seeded. */
export async function cachedSeed(seed: SeedKind, cacheDir: string): Promise<CachedSeed> {
  const file = join(cacheDir, `${seed}-${await sourceKey()}.tar`);
  const snapshot = await readFile(file).catch(() => null);
  return {
    database: snapshot ? { loadDataDir: new Blob([snapshot]) } : {},
    cached: snapshot !== null,
    async save(db) {
      if (snapshot) return;
      const blob = await snapshotDatabase(db);
      await mkdir(cacheDir, { recursive: true });
      await writeFile(`${file}.${process.pid}`, Buffer.from(await blob.arrayBuffer()));
      await rename(`${file}.${process.pid}`, file);
      // Snapshots of this seed from older sources are of no further use.
      for (const old of await readdir(cacheDir)) {
        if (old.startsWith(`${seed}-`) && old.endsWith('.tar') && join(cacheDir, old) !== file)
          await rm(join(cacheDir, old), { force: true });
      }
    },
  };
}

/**
 * The plain API key of a seeded workspace (`admin` by default): from this start's seed, or — after starting from a
 * snapshot — from the keys the seed remembers (what `crmkit-server keys` prints).
 */
export async function seededApiKey(
  crm: { db: Database; seeded: { id: string; keys: Record<string, string> }[] | null },
  workspaceId: string,
  label = 'admin',
): Promise<string> {
  const seeded = crm.seeded?.find((w) => w.id === workspaceId)?.keys[label];
  if (seeded) return seeded;
  const { rows } = await crm.db.query<{ api_key: string }>(
    'SELECT api_key FROM demo_credentials WHERE workspace_id = $1 AND label = $2',
    [workspaceId, label],
  );
  if (!rows[0]) throw new Error(`No remembered ${label} key of ${workspaceId} in this database.`);
  return rows[0].api_key;
}
