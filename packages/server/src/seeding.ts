import { SEED_KINDS, type SeedKind, type SeedOptions } from '../seed/kinds.js';
import type { Database } from './db/types.js';
import type { ProvisionedWorkspace } from './workspace/provision.js';

export { SEED_KINDS, type SeedKind, type SeedOptions };

/**
 * Loads a deterministic data set into a database (migrating it first), through the same engine the API
 * uses, in one transaction: `demo` is "Saigon Software Co." (`ws_demo`) plus "Bangkok Trading" (`ws_bkk`);
 * `fitness` is "Lotus Fitness Club" (`ws_fitness`). Record ids and content depend only on the kind and the
 * clock's time; API keys are random (and remembered, so `crmkit-server keys` can print them).
 * Runs anywhere the server runs, browsers included.
 *
 * @returns the workspaces created, with their plain-text API keys (`admin`, `agent`, `viewer`)
 * @example
 * const db = await openDatabase();
 * const [demo] = await seedDatabase(db, 'demo');
 * fetch('/v1/contacts', { headers: { Authorization: `Bearer ${demo.keys.admin}` } });
 */
export async function seedDatabase(
  db: Database,
  kind: SeedKind,
  options: SeedOptions = {},
): Promise<ProvisionedWorkspace[]> {
  // The data sets (about 3,000 lines, in ../seed) are loaded on first use only: a server that never seeds never
  // loads them, and bundlers put them in a chunk of their own.
  const { loadSeed } = await import('../seed/index.js');
  return loadSeed(db, kind, options);
}

/** Whether the database holds no workspace yet (the CLI seeds only then, so a restart keeps the data). */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const { rows: tables } = await db.query<{ t: string | null }>("SELECT to_regclass('workspaces')::text AS t");
  if (!tables[0]?.t) return true;
  const { rows } = await db.query('SELECT 1 FROM workspaces LIMIT 1');
  return rows.length === 0;
}
