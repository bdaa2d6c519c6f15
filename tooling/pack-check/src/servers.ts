import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A server this process started: where it listens, and how to stop it. */
export interface Started {
  url: string;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/**
 * Starts an app's server tool (`next start`, `vite preview`) on a free port in its own process group, ready when
 * `path` answers 200; `close()` stops the whole group.
 */
export async function startTool(
  dir: string,
  bin: string,
  args: (port: number) => string[],
  env: Record<string, string>,
  path = '/',
): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'node_modules', bin), ...args(port)], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${bin} exited (${child.exitCode}):\n${output}`);
    const res = await fetch(url + path).catch(() => null);
    if (res?.ok) return { url, close };
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error(`${bin} did not answer ${path} within 30 s:\n${output}`);
}

/**
 * The host backend's one crmkit endpoint, as docs/embedding.md describes it for a plain backend: `POST /api/crm-token`
 * mints an embed token for the signed-in user (here always `userId`) with the CRM's `POST /v1/embed-tokens` and an
 * admin API key that never leaves the server.
 */
export async function startTokenBackend(crm: { url: string; apiKey: string }, userId: string): Promise<Started> {
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/crm-token') {
      res.writeHead(404).end();
      return;
    }
    const minted = await fetch(`${crm.url}/v1/embed-tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${crm.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId, expiresInSeconds: 900 }),
    });
    res.writeHead(minted.ok ? 200 : 502, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(minted.ok ? await minted.text() : JSON.stringify({ error: 'The CRM is unavailable.' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
