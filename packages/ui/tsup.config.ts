import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { defineConfig } from 'tsup';
import { tidySourceMaps } from '../../scripts/sourcemaps.js';
import { restoreUseClient } from './scripts/directives.js';

/**
 * Entries: the foundation (`.`), the eager locale catalogs, and one per widget — every `src/widgets/<name>/index.ts`
 * becomes `dist/<name>.js` (add its `./<name>` export to package.json; the build fails without it).
 */
const widgets = existsSync('src/widgets')
  ? readdirSync('src/widgets').filter((name) => existsSync(`src/widgets/${name}/index.ts`))
  : [];
const entry: Record<string, string> = {
  index: 'src/index.ts',
  'locales/en': 'src/i18n/en.ts',
  'locales/vi': 'src/i18n/vi.ts',
  'locales/th': 'src/i18n/th.ts',
  ...Object.fromEntries(widgets.map((name) => [name, `src/widgets/${name}/index.ts`])),
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // Code shared by entries goes to chunks (CommonJS too), and each locale catalog is a chunk loaded on demand.
  splitting: true,
  // Each output file goes through Rollup: it drops what esbuild leaves unused, and writes the CommonJS chunks itself
  // (tsup's own CommonJS splitting names the build machine's path of each file as a source without content).
  treeshake: true,
  target: 'es2022',
  clean: true,
  async onSuccess() {
    const exports = JSON.parse(readFileSync('package.json', 'utf8')).exports as Record<string, unknown>;
    const missing = widgets.filter((name) => !exports[`./${name}`]);
    if (missing.length) throw new Error(`package.json has no export for widget(s): ${missing.join(', ')}`);
    const marked = restoreUseClient(entry, 'dist', ['.js', '.cjs']);
    if (marked.length) console.log(`'use client' restored in ${marked.join(', ')}`);
    const unmapped = tidySourceMaps('dist');
    if (unmapped.length) console.log(`no source map for re-export-only ${unmapped.join(', ')}`);
    // One stylesheet: src/styles.css with its @imports inlined, minified. Layering stays the host's choice
    // (`@import '@crmkit/ui/styles.css' layer(crmkit)`).
    await build({
      entryPoints: ['src/styles.css'],
      bundle: true,
      minify: true,
      outfile: 'dist/styles.css',
      logLevel: 'warning',
    });
  },
});
