import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmServer } from '../src/app.js';
import { runCli } from '../src/cli/index.js';
import { openDatabase } from '../src/db/database.js';
import { DataDirLockedError } from '../src/db/lock-error.js';
import { startCrmServer } from '../src/node.js';
import { seedDatabase } from '../src/seeding.js';

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const bin = new URL('../bin/crmkit-server.mjs', import.meta.url).pathname;
const built = existsSync(new URL('../dist/cli.js', import.meta.url));

describe('crmkit-server usage', () => {
  it('prints help for the server and each command', async () => {
    for (const argv of [['--help'], ['keys', '--help'], ['token', '-h']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.out).toMatch(/^Usage: crmkit-server/);
    }
  });

  it('rejects unknown flags, bad values and unknown commands with exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--port', 'abc'], /--port must be an integer from 0 to 65535/],
      [['--port', '70000'], /--port must be an integer/],
      [['--seed', 'crm'], /--seed must be one of demo, fitness, none/],
      [['--rate-limit=-1'], /--rate-limit must be an integer/],
      [['--rate-limit', '1.5'], /--rate-limit must be an integer/],
      [['--port'], /argument missing/],
      [['--data-dir', 'a', '--database-url', 'postgres://x/y'], /either --data-dir or --database-url/],
      [['--database-url', 'mysql://x/y'], /postgres:\/\//],
      [['--pool-size', '5'], /--pool-size applies to PostgreSQL/],
      [['--database-url', 'postgres://x/y', '--pool-size', '0'], /--pool-size must be an integer from 1 to 1000/],
      [['serve'], /Unknown command "serve"/],
      [['keys', '--jsn'], /Unknown option '--jsn'/],
      [['token', '--workspace', 'ws_demo'], /--user is required/],
      [['token', '--workspace', 'ws', '--user', 'u', '--role', 'boss'], /--role must be one of owner, admin/],
      [['token', '--workspace', 'ws', '--user', 'u', '--expires', '0'], /--expires must be an integer from 1 to 86400/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
      expect(r.err).toMatch(/--help" for usage/);
    }
  });

  it('fails with exit code 1 when there is no database to read', async () => {
    const r = await cli('keys', '--data-dir', join(tmpdir(), 'crmkit-no-such-dir'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No database in .*crmkit-no-such-dir/);
  });

  it.skipIf(!built)('runs from the built launcher', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: crmkit-server \[options\]/);
    const bad = spawnSync(process.execPath, [bin, '--nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--nope'/);
  });
});

describe('crmkit-server keys and token', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crmkit-cli-'));
    const db = await openDatabase({ dataDir: dir });
    await seedDatabase(db, 'demo');
    await db.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the seeded keys as JSON', async () => {
    const r = await cli('keys', '--data-dir', dir, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(Object.keys(parsed)).toEqual(['workspaces']);
    expect(parsed.workspaces.map((w: any) => [w.id, w.name, Object.keys(w.keys)])).toEqual([
      ['ws_demo', 'Saigon Software Co.', ['admin', 'agent', 'viewer']],
      ['ws_bkk', 'Bangkok Trading', ['admin']],
    ]);
    for (const w of parsed.workspaces) {
      expect(Object.keys(w)).toEqual(['id', 'name', 'keys']);
      for (const key of Object.values(w.keys)) expect(key).toMatch(/^ck_[\w-]{20,}$/);
    }
    const table = await cli('keys', '--data-dir', dir);
    expect(table.out).toContain('Saigon Software Co. (ws_demo)');
    expect(table.out).toContain(parsed.workspaces[0].keys.viewer);
  });

  it('mints embed tokens that the server accepts, never above the user role', async () => {
    const r = await cli(
      'token',
      '--data-dir',
      dir,
      '--workspace',
      'ws_demo',
      '--user',
      'MINH.PHAM@saigonsoftware.vn',
      '--json',
    );
    expect(r.code).toBe(0);
    const minted = JSON.parse(r.out);
    expect(minted).toMatchObject({ workspaceId: 'ws_demo', userId: 'usr_demo_minh', role: 'agent' });
    const viewer = await cli(
      'token',
      '--data-dir',
      dir,
      '--workspace',
      'ws_demo',
      '--user',
      'usr_demo_ha',
      '--role',
      'viewer',
    );
    expect(viewer.code).toBe(0);
    expect(viewer.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const tooHigh = await cli(
      'token',
      '--data-dir',
      dir,
      '--workspace',
      'ws_demo',
      '--user',
      'usr_demo_kanya',
      '--role',
      'admin',
    );
    expect(tooHigh.code).toBe(1);
    expect(tooHigh.err).toMatch(/exceeds the user's role \(viewer\)/);
    const unknown = await cli('token', '--data-dir', dir, '--workspace', 'ws_bkk', '--user', 'usr_demo_minh');
    expect(unknown.code).toBe(1);

    const db = await openDatabase({ dataDir: dir });
    try {
      const server = await createCrmServer({ db });
      const me = async (token: string) =>
        (
          await server.fetch(new Request('http://crm.test/v1/me', { headers: { authorization: `Bearer ${token}` } }))
        ).json();
      expect(await me(minted.token)).toMatchObject({ role: 'agent', user: { id: 'usr_demo_minh' } });
      expect(await me(viewer.out)).toMatchObject({ role: 'viewer', user: { id: 'usr_demo_ha', role: 'manager' } });
    } finally {
      await db.close();
    }
  });
});

describe('startCrmServer (the Node entry the CLI serves with)', () => {
  it('seeds an empty database, serves HTTP with streaming events, and closes cleanly', async () => {
    const running = await startCrmServer({ port: 0, seed: 'fitness', slaSweepMs: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const key = running.seeded![0]!.keys.admin!;
      const auth = { authorization: `Bearer ${key}` };
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      const me = await (await fetch(`${running.url}/v1/me`, { headers: auth })).json();
      expect(me.workspace.id).toBe('ws_fitness');

      const feed = await fetch(`${running.url}/v1/events`, { headers: auth });
      expect(feed.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = feed.body!.getReader();
      const decoder = new TextDecoder();
      let received = decoder.decode((await reader.read()).value);
      expect(received).toMatch(/^retry: 2000/);
      const created = await fetch(`${running.url}/v1/contacts`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Streamed' }),
      });
      expect(created.status).toBe(201);
      while (!received.includes('event: contact.created')) received += decoder.decode((await reader.read()).value);
      expect(received).toContain('"firstName":"Streamed"');
      await reader.cancel();
    } finally {
      await running.close();
    }
  }, 60_000);
});

describe('one process per data directory (PGlite is single-process)', () => {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  /** The CLI from source in a process of its own. */
  const spawnCli = (...args: string[]) =>
    spawn(process.execPath, ['--conditions=@crmkit/source', '--import', 'tsx', main, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  /** Runs a CLI process to its end: exit code and output. */
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawnCli(...args);
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d));
      child.stderr.on('data', (d: Buffer) => (err += d));
      child.on('exit', (code) => resolve({ code, out, err }));
    });
  /** Starts `crmkit-server` on `dir` and resolves once it listens. */
  const serveIn = (dir: string) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawnCli('--data-dir', dir, '--port', '0');
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        if (out.includes('is listening on')) resolve(child);
      });
      child.on('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)));
    });
  const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crmkit-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process while a server holds the directory, and takes over once it is gone', async () => {
    const server = await serveIn(dir);
    try {
      const lock = JSON.parse(readFileSync(join(dir, 'crmkit.lock'), 'utf8'));
      expect(lock.pid).toBe(server.pid);

      const keys = await run('keys', '--data-dir', dir);
      expect(keys.code).toBe(1);
      expect(keys.err).toContain(`crmkit-server keys: The data directory ${dir} is in use by process ${server.pid}`);
      expect(keys.err).toContain('stop that process first');
      expect(keys.err).not.toMatch(/\n\s+at /); // a message, not a stack trace
      const second = await run('--data-dir', dir, '--port', '0');
      expect(second.code).toBe(1);
      expect(second.err).toContain(`is in use by process ${server.pid}`);
    } finally {
      // Killed without a chance to clean up: its lock stays behind, stale.
      server.kill('SIGKILL');
      await exited(server);
    }
    expect(existsSync(join(dir, 'crmkit.lock'))).toBe(true);
    const after = await run('keys', '--data-dir', dir);
    expect(after.err).toBe('');
    expect(after.code).toBe(0);
    expect(existsSync(join(dir, 'crmkit.lock'))).toBe(false);

    // A server that stops normally gives the directory back.
    const again = await serveIn(dir);
    again.kill('SIGTERM');
    expect(await exited(again)).toBe(0);
    expect(existsSync(join(dir, 'crmkit.lock'))).toBe(false);
  }, 120_000);

  it('refuses a second open in the same process until the first is closed', async () => {
    const own = mkdtempSync(join(tmpdir(), 'crmkit-lock-'));
    try {
      const first = await openDatabase({ dataDir: own });
      const refused = await openDatabase({ dataDir: own }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as DataDirLockedError).holder?.pid).toBe(process.pid);
      await first.close();
      await (await openDatabase({ dataDir: own })).close();
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);
});
