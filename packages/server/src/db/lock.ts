/**
 * A lock file in a PGlite data directory, like PostgreSQL's `postmaster.pid`: the process that opens the directory
 * writes its pid there, and any other process that tries to open it is refused while that process lives. A lock
 * whose process is gone (it crashed or was killed) is stale and taken over. Node only.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type DataDirHolder, DataDirLockedError } from './lock-error.js';

export const LOCK_FILE = 'crmkit.lock';

/** A lock file still being written (empty or partial) for longer than this was left by a process that died. */
const HALF_WRITTEN_MS = 2000;

function readHolder(path: string): { raw: string; holder: DataDirHolder | null } | null {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const holder = JSON.parse(raw) as DataDirHolder;
    return { raw, holder: Number.isInteger(holder.pid) ? holder : null };
  } catch {
    return { raw, holder: null };
  }
}

/** Whether process `pid` of this machine is running (EPERM: it is, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock at `path` was left by a process that is gone. */
function isStale(path: string, found: { holder: DataDirHolder | null }): boolean {
  if (!found.holder) return Date.now() - statSync(path).mtimeMs > HALF_WRITTEN_MS;
  return found.holder.hostname === hostname() && !isRunning(found.holder.pid);
}

/**
 * Takes the data directory `dataDir` (created if missing) for this process, or throws a `DataDirLockedError` naming
 * the process that holds it.
 *
 * @returns a function that gives the directory back (also called when the process exits)
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 500),
  } satisfies DataDirHolder);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readHolder(path);
    if (found === null) continue; // released meanwhile: try again
    if (attempt > 2 || !isStale(path, found)) throw new DataDirLockedError(dataDir, path, found.holder);
    // Stale: move it aside, and only if it is still the lock just read (another process may have taken over).
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile
      throw error;
    }
    const moved = readHolder(aside);
    if (moved && moved.raw !== found.raw)
      renameSync(aside, path); // someone else's fresh lock: put it back
    else rmSync(aside, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    if (readHolder(path)?.raw === mine) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
}
