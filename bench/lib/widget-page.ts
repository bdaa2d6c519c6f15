import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a widget bench's page `bench/<name>/page.tsx` (production React, the widget from source) and the
 * stylesheet into a temporary folder with an `index.html` that loads them; resolves the folder.
 *
 * @example
 * const dir = await bundleWidgetPage('board', { minify: !process.env.CRMKIT_BENCH_PROFILE });
 */
export async function bundleWidgetPage(name: string, options: { minify?: boolean; splitting?: boolean } = {}) {
  const out = mkdtempSync(join(tmpdir(), `crmkit-bench-${name}-`));
  await build({
    entryPoints: { page: join(root, `bench/${name}/page.tsx`), styles: join(root, 'packages/ui/src/styles.css') },
    bundle: true,
    minify: options.minify ?? true,
    splitting: options.splitting ?? false,
    format: 'esm',
    outdir: out,
    conditions: ['@crmkit/source'],
    nodePaths: [join(root, 'packages/ui/node_modules'), join(root, 'packages/react/node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    logLevel: 'warning',
  });
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="styles.css"></head>' +
      '<body style="margin:0;padding:16px"><div id="root"></div><script type="module" src="page.js"></script></body></html>',
  );
  return out;
}

/**
 * Serves the bundled page of `dir` under `/bench/` and everything else from `server` (the reference server's fetch
 * handler) on a free local port; resolves the origin and a `close`.
 *
 * @example
 * const page = await serveWidgetPage(dir, sandbox.server);
 * await browserPage.goto(`${page.origin}/bench/index.html?key=${key}`);
 * page.close();
 */
export async function serveWidgetPage(
  dir: string,
  server: { fetch: (req: Request) => Response | Promise<Response> },
): Promise<{ origin: string; close: () => void }> {
  const http = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: (req) => {
      const path = new URL(req.url).pathname;
      if (!path.startsWith('/bench/')) return server.fetch(req);
      const file = path.slice('/bench/'.length) || 'index.html';
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
      return new Response(readFileSync(join(dir, file)), { headers: { 'content-type': type } });
    },
  });
  await new Promise((r) => http.once('listening', r));
  const { port } = http.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => http.close() };
}
