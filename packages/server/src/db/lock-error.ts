/** The process that holds a data directory, as its lock file records it. */
export interface DataDirHolder {
  pid: number;
  hostname: string;
  /** When it took the directory (ISO time). */
  since: string;
  /** Its command line. */
  command: string;
}

/**
 * An embedded database's data directory is held by another process: PGlite is single-process, and two processes on
 * the same files would corrupt them, so the second one is refused. Thrown by `openDatabase({ dataDir })`.
 */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';

  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: DataDirHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid}${holder.command ? ` (${holder.command})` : ''}, since ${holder.since}`
      : 'another process';
    super(
      `The data directory ${dataDir} is in use by ${who}. The embedded database serves one process at a time: ` +
        'stop that process first (a running crmkit-server printed its API keys when it started), or use another ' +
        `--data-dir. If no such process is running, remove ${lockFile}.`,
    );
  }
}
