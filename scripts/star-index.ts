import { type BuildOptions, build } from 'esbuild';

/**
 * Writes `dist/index.js` and `dist/index.cjs` as `src/index.ts` is — nothing but `export * from` groups of exports that
 * are entries of their own (`./foundation.js`, ...) — instead of one bundled file naming every export.
 *
 * Why: a bundler that splits code by module (esbuild) counts every module a *used* module imports as reachable from
 * the page; a bundled index, used by every page, would thus make the page load eagerly whatever the package loads
 * lazily (forms, dialogs, the code behind the first write). An index of `export *` only is never itself "used": each
 * group counts only when the page uses one of its exports.
 *
 * @example
 * // tsup.config.ts, in onSuccess (`dts: { entry: { ...entry, index: 'src/index.ts' } }` writes its types):
 * await writeStarIndex(['foundation', 'controls']);
 */
export async function writeStarIndex(groups: string[]): Promise<void> {
  const common: BuildOptions = { entryPoints: ['src/index.ts'], outdir: 'dist', bundle: true, logLevel: 'warning' };
  const group = new RegExp(`^\\./(${groups.join('|')})\\.js$`);
  await build({ ...common, format: 'esm', external: groups.map((g) => `./${g}.js`) });
  await build({
    ...common,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    plugins: [
      {
        name: 'cjs-groups',
        setup(b) {
          b.onResolve({ filter: group }, (args) => ({ path: args.path.replace(/\.js$/, '.cjs'), external: true }));
        },
      },
    ],
  });
}
