/**
 * The static Storybook as a visitor gets it: built with `storybook build` and served by a plain static file server
 * under a sub-path, as on any static host. Shared by `pnpm bench storybook` and the sub-path test.
 *
 * @example
 * await buildStorybook('/tmp/sb');
 * const site = await serveStatic('/tmp/sb', '/crmkit/storybook/');
 * // open `${site.url}?path=/story/widgets-contactstable--default`
 * await site.close();
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * `storybook build` into `outDir`, in a child process (its own core; NODE_ENV=production whatever the caller runs
 * under). Rejects with the build's output when it fails.
 */
export function buildStorybook(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '--output-dir', outDir, '--quiet'],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`storybook build failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** A running static server. */
export interface StaticSite {
  /** The site's address, ending in the sub-path (`http://127.0.0.1:PORT/crmkit/storybook/`). */
  url: string;
  /** Requests answered since the last `resetLog()`: path (under the sub-path), status and bytes sent. */
  log: { path: string; status: number; bytes: number }[];
  resetLog(): void;
  /**
   * Holds back the answers to requests whose path (under the sub-path) matches `pattern` until the returned function
   * is called: a slow network, on demand.
   */
  hold(pattern: RegExp): () => void;
  close(): Promise<void>;
}

/**
 * Serves `dir` under `base` (e.g. `/crmkit/storybook/`) on a free port of 127.0.0.1, like a plain static host: files
 * as they are (no compression), `ETag`s and revalidation (`Cache-Control: public,max-age=0`), 404 for anything else and
 * anything outside `base`.
 */
export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const files = sirv(dir, { etag: true, dotfiles: false, dev: false, maxAge: 0 });
  const log: StaticSite['log'] = [];
  const held: { pattern: RegExp; released: Promise<void> }[] = [];
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    let bytes = 0;
    const write = res.write.bind(res);
    res.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.on('finish', () => log.push({ path: url.slice(base.length - 1), status: res.statusCode, bytes }));
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    req.url = url.slice(base.length - 1);
    for (const { pattern, released } of held) if (pattern.test(req.url)) await released;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    log,
    resetLog: () => {
      log.length = 0;
    },
    hold(pattern) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const entry = { pattern, released };
      held.push(entry);
      return () => {
        held.splice(held.indexOf(entry), 1);
        release();
      };
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
