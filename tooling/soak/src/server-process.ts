import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where a server process keeps its data. */
export type SoakDatabase = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** The `crmkit-server` CLI from source (the product itself, not a test harness), and the tsx loader that runs it. */
function cliCommand(): string[] {
  const require = createRequire(import.meta.url);
  const serverRoot = dirname(require.resolve('@crmkit/server/package.json'));
  const tsx = import.meta.resolve('tsx');
  return ['--conditions=@crmkit/source', '--import', tsx, join(serverRoot, 'src', 'cli', 'main.ts')];
}

/**
 * One `crmkit-server` process on a loopback port, which the soak kills (SIGKILL: no cleanup at all) and starts again on
 * the same port and data. Its resident memory is read from `/proc` (Linux). The benchmarks start their servers with it
 * too: the product's own CLI, not a harness.
 *
 * @example
 * const server = new ServerProcess({ kind: 'postgres', url }, ['--pool-size', '20']);
 * await server.start();
 * await fetch(`${server.url}/readyz`);
 * await server.stop('SIGTERM');
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output: string[] = [];
  port = 0;

  /**
   * @param extraArgs more `crmkit-server` flags (later ones win: `--rate-limit 60` switches the limit on)
   * @param nodeArgs flags for Node itself, e.g. `--cpu-prof`
   */
  constructor(
    private readonly database: SoakDatabase,
    private readonly extraArgs: string[] = [],
    private readonly nodeArgs: string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the process and resolves with how long it took to listen, in ms. */
  async start(): Promise<number> {
    const started = performance.now();
    const db =
      this.database.kind === 'pglite' ? ['--data-dir', this.database.dataDir] : ['--database-url', this.database.url];
    const child = spawn(
      process.execPath,
      [...this.nodeArgs, ...cliCommand(), '--port', String(this.port), '--rate-limit', '0', ...db, ...this.extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    this.child = child;
    this.output = [];
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.splice(0, 100);
    };
    child.stderr!.on('data', keep);
    await new Promise<void>((resolve, reject) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        keep(chunk);
        text += chunk.toString();
        const m = /is listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
        if (m) {
          this.port = Number(m[1]);
          child.stdout!.off('data', onData);
          child.stdout!.on('data', keep);
          child.off('exit', onExit);
          resolve();
        }
      };
      const onExit = (code: number | null) =>
        reject(new Error(`the server exited (${code}) before listening:\n${this.output.join('')}`));
      child.stdout!.on('data', onData);
      child.once('exit', onExit);
    });
    return performance.now() - started;
  }

  /** Sends `signal` and waits for the process to exit. */
  async stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  /** Resident memory of the running process in MB, or null (not running, or no `/proc`). */
  rssMb(): number | null {
    if (!this.child?.pid) return null;
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kb ? Number(kb) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** CPU time the running process has used so far (user + system), in ms, or null (not running, or no `/proc`). */
  cpuMs(): number | null {
    if (!this.child?.pid) return null;
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 10 ms.
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  }

  /** The last lines the process printed (for a failure report). */
  tail(): string {
    return this.output.join('').split('\n').slice(-40).join('\n');
  }
}
