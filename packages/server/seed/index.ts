import { migrate } from '../src/db/migrate.js';
import type { Database } from '../src/db/types.js';
import type { ProvisionedWorkspace } from '../src/workspace/provision.js';
import { seedBangkokWorkspace } from './bangkok.js';
import { seedDemoWorkspace } from './demo.js';
import { seedFitnessWorkspace } from './fitness.js';
import type { SeedKind, SeedOptions } from './kinds.js';
import { SEED_BASE } from './time.js';

/** Loads data set `kind` (see `seedDatabase` in src/seeding.ts, which imports this module on first use). */
export async function loadSeed(
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
