import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
