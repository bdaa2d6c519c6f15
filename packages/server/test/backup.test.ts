import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/index.js';
import { type RunningCrmServer, startCrmServer } from '../src/node.js';
import { provisionWorkspace } from '../src/workspace/provision.js';

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const serve = (dataDir: string) => startCrmServer({ database: { dataDir }, port: 0, slaSweepMs: 0 });

/** A small client of one running server. */
function api(running: RunningCrmServer, key: string) {
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  return {
    create: async (firstName: string) => {
      const res = await fetch(`${running.url}/v1/contacts`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ firstName }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    },
    remove: async (id: string) => {
      expect((await fetch(`${running.url}/v1/contacts/${id}`, { method: 'DELETE', headers })).status).toBe(204);
    },
    names: async () => {
      const res = await fetch(`${running.url}/v1/contacts?limit=100&sort=firstName`, { headers });
      return ((await res.json()) as { data: { firstName: string }[] }).data.map((c) => c.firstName);
    },
  };
}

describe('backup and restore of the embedded database (docs/deployment.md)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'crmkit-backup-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up a stopped data directory and restores exactly that state into a new one', async () => {
    const dir = join(root, 'data');
    const file = join(root, 'crm.tar.gz');
    let running = await serve(dir);
    const { keys } = await provisionWorkspace(running.db, {
      id: 'ws_backup',
      name: 'Backup',
      users: [{ name: 'Admin', email: 'admin@backup.test', role: 'admin' }],
      keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@backup.test' }],
    });
    const key = keys.admin!;
    let client = api(running, key);
    const ids = [await client.create('Anh'), await client.create('Binh'), await client.create('Chi')];

    // Not while a server writes to it.
    const busy = await cli('backup', '--data-dir', dir, '--to', file);
    expect(busy.code).toBe(1);
    expect(busy.err).toContain(`is in use by process ${process.pid}`);
    expect(existsSync(file)).toBe(false);
    await running.close();

    const backup = await cli('backup', '--data-dir', dir, '--to', file);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(/^Backed up PGlite in .* \(1 workspace\) to .*crm\.tar\.gz \(\d/);
    expect(readdirSync(root).filter((f) => f.includes('partial'))).toEqual([]);

    // Life goes on after the backup …
    running = await serve(dir);
    client = api(running, key);
    await client.create('Dung');
    await client.remove(ids[0]!);
    expect(await client.names()).toEqual(['Binh', 'Chi', 'Dung']);
    await running.close();

    // … and the restore brings back the moment of the backup.
    const restored = join(root, 'restored');
    const restore = await cli('restore', '--from', file, '--data-dir', restored);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('(1 workspace)');
    expect(existsSync(join(restored, 'crmkit.lock'))).toBe(false);
    running = await serve(restored);
    try {
      client = api(running, key);
      expect(await client.names()).toEqual(['Anh', 'Binh', 'Chi']);
      await client.create('Em');
      expect(await client.names()).toEqual(['Anh', 'Binh', 'Chi', 'Em']);
      // The change feed holds the backed-up events, then the new one.
      const feed = await fetch(`${running.url}/v1/events?since=0&types=contact.created`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const reader = feed.body!.getReader();
      let text = '';
      while ((text.match(/event: contact\.created/g) ?? []).length < 4) {
        text += new TextDecoder().decode((await reader.read()).value);
      }
      await reader.cancel();
      const names = [...text.matchAll(/"firstName":"(\w+)"/g)].map((m) => m[1]);
      expect(names).toEqual(['Anh', 'Binh', 'Chi', 'Em']);
    } finally {
      await running.close();
    }
  }, 180_000);

  it('refuses what it cannot do safely, and leaves nothing half-restored', async () => {
    const file = join(root, 'crm.tar.gz');
    const occupied = join(root, 'restored');
    const into = await cli('restore', '--from', file, '--data-dir', occupied);
    expect(into.code).toBe(1);
    expect(into.err).toContain('is not empty');

    const junk = join(root, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    const target = join(root, 'from-junk');
    const bad = await cli('restore', '--from', junk, '--data-dir', target);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('is not a crmkit backup');
    expect(existsSync(target)).toBe(false);

    const missing = await cli('backup', '--data-dir', join(root, 'nothing-here'), '--to', join(root, 'x.tar.gz'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No database in');

    const postgres = await cli('backup', '--database-url', 'postgres://localhost/crm', '--to', 'x.tar.gz');
    expect(postgres.code).toBe(2);
    expect(postgres.err).toContain('pg_dump');
    for (const argv of [['backup'], ['restore', '--from', file]]) expect((await cli(...argv)).code).toBe(2);
  }, 60_000);
});
