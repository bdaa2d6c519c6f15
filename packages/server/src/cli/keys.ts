import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { formatKeys, rememberedKeys } from '../workspace/remembered-keys.js';
import { DATABASE_FLAGS, databaseFrom, type Io, parseFlags } from './args.js';

export const KEYS_HELP = `Usage: crmkit-server keys [--data-dir DIR | --database-url URL] [--json]

Prints the API keys of the seeded workspaces of a database (demo data only: real keys are never stored).

Options:
  --data-dir DIR        PGlite data directory (default ./.crmkit-data)
  --database-url URL    PostgreSQL connection URL instead
  --json                { "workspaces": [{ "id", "name", "keys": { "admin", "agent", "viewer" } }] }
  -h, --help            Show this help`;

/** `crmkit-server keys`. */
export async function keysCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, {
    ...DATABASE_FLAGS,
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(KEYS_HELP);
    return 0;
  }
  const { options } = databaseFrom(values, true);
  const db = await openDatabase(options);
  try {
    await migrate(db);
    const workspaces = await rememberedKeys(db);
    if (values.json) io.out(JSON.stringify({ workspaces }, null, 2));
    else if (workspaces.length === 0) io.out('No seeded workspaces with remembered keys in this database.');
    else io.out(`API keys:\n${formatKeys(workspaces)}`);
    return 0;
  } finally {
    await db.close();
  }
}
