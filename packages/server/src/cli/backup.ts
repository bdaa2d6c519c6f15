import { openAsBlob, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { LOCK_FILE } from '../db/lock.js';
import { openPglite } from '../db/pglite.js';
import {
  CommandError,
  DATABASE_FLAGS,
  DEFAULT_DATA_DIR,
  databaseFrom,
  type Io,
  parseFlags,
  UsageError,
} from './args.js';

export const BACKUP_HELP = `Usage: crmkit-server backup --to FILE [--data-dir DIR]

Writes the whole embedded database of a data directory to FILE (a gzipped tarball of PGlite's data directory).
Stop the server first: the directory is locked while a server uses it, and the backup refuses to run then.
On PostgreSQL, use pg_dump or point-in-time recovery instead (docs/deployment.md).

Options:
  --data-dir DIR        PGlite data directory (default ${DEFAULT_DATA_DIR})
  --to FILE             Where to write the backup (e.g. crmkit-2026-12-07.tar.gz); an existing file is replaced
  -h, --help            Show this help`;

export const RESTORE_HELP = `Usage: crmkit-server restore --from FILE --data-dir DIR

Restores a backup written by "crmkit-server backup" into a new data directory, then checks that it opens.
DIR must not exist yet or be empty: move the old one aside first. Start the server on DIR afterwards.

Options:
  --from FILE           The backup to restore
  --data-dir DIR        The new PGlite data directory
  -h, --help            Show this help`;

const ON_POSTGRES =
  'backup and restore are for the embedded database; on PostgreSQL use pg_dump/pg_restore or point-in-time recovery.';

/** `crmkit-server backup`: a consistent copy of a stopped embedded database. */
export async function backupCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, {
    ...DATABASE_FLAGS,
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(BACKUP_HELP);
    return 0;
  }
  if (values['database-url'] !== undefined) throw new UsageError(ON_POSTGRES);
  if (!values.to) throw new UsageError('--to FILE is required.');
  const { options, label } = databaseFrom(values, true);
  if (!options.dataDir) throw new UsageError('An in-memory database has nothing to back up.');
  const to = resolve(values.to);
  // Opening takes the directory's lock: a server using it makes this fail with DataDirLockedError.
  const db = await openPglite(options);
  let bytes: Uint8Array;
  let workspaces: number;
  try {
    workspaces = await countWorkspaces(db);
    bytes = new Uint8Array(await (await db.pglite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await db.close();
  }
  // Written next to its place and renamed: a crash midway never leaves a truncated file under the backup's name.
  const partial = join(dirname(to), `.${basename(to)}.partial`);
  writeFileSync(partial, bytes);
  renameSync(partial, to);
  io.out(
    `Backed up ${label} (${workspaces} workspace${workspaces === 1 ? '' : 's'}) to ${to} (${size(bytes.length)}).`,
  );
  return 0;
}

/** `crmkit-server restore`: a backup into a new data directory. */
export async function restoreCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseFlags(args, {
    ...DATABASE_FLAGS,
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(RESTORE_HELP);
    return 0;
  }
  if (values['database-url'] !== undefined) throw new UsageError(ON_POSTGRES);
  if (!values.from) throw new UsageError('--from FILE is required.');
  if (!values['data-dir']) throw new UsageError('--data-dir DIR is required (a new directory).');
  const { options } = databaseFrom(values);
  if (!options.dataDir) throw new UsageError('Restore into a data directory on disk, not :memory:.');
  const dir = options.dataDir;
  if (readdirOrEmpty(dir).length > 0) {
    throw new CommandError(`${dir} is not empty: restore into a new directory (move the old one aside first).`);
  }
  let backup: Blob;
  try {
    backup = await openAsBlob(resolve(values.from));
  } catch (error) {
    throw new CommandError(`Cannot read ${values.from}: ${(error as Error).message}`);
  }
  let workspaces: number;
  try {
    const db = await openPglite({ dataDir: dir, loadDataDir: backup });
    try {
      workspaces = await countWorkspaces(db);
    } finally {
      await db.close();
    }
    // The backup holds the lock file of the process that wrote it (maybe on another machine): not a holder here.
    rmSync(join(dir, LOCK_FILE), { force: true });
  } catch (error) {
    // Leave nothing half-restored behind.
    rmSync(dir, { recursive: true, force: true });
    if (error instanceof CommandError) throw error;
    throw new CommandError(`${values.from} is not a crmkit backup that can be restored: ${(error as Error).message}`);
  }
  io.out(
    `Restored ${values.from} into ${dir} (${workspaces} workspace${workspaces === 1 ? '' : 's'}). Start the server with --data-dir ${values['data-dir']}.`,
  );
  return 0;
}

async function countWorkspaces(db: { query: <T>(sql: string) => Promise<{ rows: T[] }> }): Promise<number> {
  try {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM workspaces');
    return rows[0]!.n;
  } catch {
    throw new CommandError('This database has no crmkit data (no workspaces table).');
  }
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.ceil(bytes / 1e3)} kB`;
}
