import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { defineConfig } from 'tsup';
import { tidySourceMaps } from '../../scripts/sourcemaps.js';
import { writeStarIndex } from '../../scripts/star-index.js';
import { restoreUseClient } from './scripts/directives.js';

/**
 * Entries: the foundation's groups of exports (`foundation`, `controls`, `catalogs`, which `.` re-exports), the
 * eager locale catalogs, the icons, and one per widget — every `src/widgets/<name>/index.ts` becomes `dist/<name>.js`
 * (add its `./<name>` export to package.json; the build fails without it).
 */
const widgets = existsSync('src/widgets')
  ? readdirSync('src/widgets').filter((name) => existsSync(`src/widgets/${name}/index.ts`))
  : [];
const entry: Record<string, string> = {
  foundation: 'src/foundation.ts',
  controls: 'src/controls.ts',
  catalogs: 'src/catalogs.ts',
  'locales/vi': 'src/i18n/vi.ts',
  'locales/th': 'src/i18n/th.ts',
  icons: 'src/primitives/icons.ts',
  ...Object.fromEntries(widgets.map((name) => [name, `src/widgets/${name}/index.ts`])),
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  // The types of `.` too (its JavaScript is written by `writeStarIndex`).
  dts: { entry: { ...entry, index: 'src/index.ts' } },
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
    // `.` is nothing but `export *` of the groups (see src/index.ts and scripts/star-index.ts).
    await writeStarIndex(['foundation', 'controls', 'catalogs']);
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
