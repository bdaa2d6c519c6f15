import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { tidySourceMaps } from '../../scripts/sourcemaps.js';

/**
 * Two builds into `dist`, run in parallel by tsup (so `dist` is cleaned here, once, instead of per build):
 * - ESM with shared chunks: the library (`index`), the Node entry (`node`) and the CLI (`cli`, run by
 *   `bin/crmkit-server.mjs`), so the three share one copy of the server;
 * - CJS of the library and the Node entry for `require`.
 * Dependencies stay external (tsup's default), PGlite included: its WebAssembly and data files must be
 * loaded from its own package.
 */
export default defineConfig((options) => {
  if (!options.watch) rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true });
  const shared = { sourcemap: true, target: 'es2022', clean: false } as const;
  return [
    {
      ...shared,
      entry: { index: 'src/index.ts', node: 'src/node.ts', cli: 'src/cli/index.ts' },
      format: ['esm'],
      dts: { entry: { index: 'src/index.ts', node: 'src/node.ts' } },
      splitting: true,
      // Each build tidies its own format's maps: re-export-only files get none; a build machine's path fails the build.
      onSuccess: async () => {
        tidySourceMaps('dist', ['.js']);
      },
    },
    {
      ...shared,
      entry: { index: 'src/index.ts', node: 'src/node.ts' },
      format: ['cjs'],
      dts: true,
      onSuccess: async () => {
        tidySourceMaps('dist', ['.cjs']);
      },
    },
  ];
});
