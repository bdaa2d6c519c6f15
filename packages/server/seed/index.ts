import type { Clock } from '../core/clock.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { ProvisionedWorkspace } from '../provision.js';
import { seedBangkokWorkspace } from './bangkok.js';
import { seedDemoWorkspace } from './demo.js';
import { seedFitnessWorkspace } from './fitness.js';
import { SEED_BASE } from './time.js';

/** The data sets `seedDatabase` can load. */
export const SEED_KINDS = ['demo', 'fitness'] as const;
export type SeedKind = (typeof SEED_KINDS)[number];

/** Options of {@link seedDatabase}. */
export interface SeedOptions {
  /**
   * The instant the data is relative to ("now" for the seed): activities, tickets and due dates are placed
   * around it. Default: a fixed 2026-11-01T00:00:00Z, so the same kind always gives the same data.
   */
  clock?: Clock;
}

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
  await migrate(db);
  const ids = kind === 'fitness' ? ['ws_fitness'] : ['ws_demo', 'ws_bkk'];
  const { rows } = await db.query<{ id: string }>('SELECT id FROM workspaces WHERE id = ANY($1::text[])', [ids]);
  if (rows.length > 0)
    throw new Error(`seedDatabase: workspace ${rows[0]!.id} already exists; seed an empty database.`);
  const base = options.clock?.now() ?? SEED_BASE;
  return db.transaction(async (tx) => {
    if (kind === 'fitness') return [await seedFitnessWorkspace(db, tx, base)];
    return [await seedDemoWorkspace(db, tx, base), await seedBangkokWorkspace(db, tx, base)];
  });
}

/** Whether the database holds no workspace yet (the CLI seeds only then, so a restart keeps the data). */
export async function isEmptyDatabase(db: Database): Promise<boolean> {
  const { rows: tables } = await db.query<{ t: string | null }>("SELECT to_regclass('workspaces')::text AS t");
  if (!tables[0]?.t) return true;
  const { rows } = await db.query('SELECT 1 FROM workspaces LIMIT 1');
  return rows.length === 0;
}
