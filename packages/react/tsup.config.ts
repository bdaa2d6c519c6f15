import { defineConfig } from 'tsup';
import { tidySourceMaps } from '../../scripts/sourcemaps.js';
import { writeStarIndex } from '../../scripts/star-index.js';

/** `.` is `export *` of these groups (see src/index.ts); each is an entry, and `dist/index.*` is written after. */
const groups = ['base', 'feed', 'automation', 'board', 'campaigns', 'tasks'];
const entry = {
  ...Object.fromEntries(groups.map((g) => [g, `src/${g}.ts`])),
  tables: 'src/tables/index.ts',
  input: 'src/input/index.ts',
};

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  // The contract's types (which the client's types are made of) are bundled, as the client bundles them: neither
  // package installs `@crmkit/spec`. The types of `.` too (its JavaScript is written by `writeStarIndex`).
  dts: { entry: { ...entry, index: 'src/index.ts' }, resolve: ['@crmkit/spec'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query', '@tanstack/react-table', '@crmkit/client'],
  // A group that only re-exports (`feed.ts`) has an empty map: tidySourceMaps drops it and its comment.
  onSuccess: async () => {
    tidySourceMaps('dist');
    await writeStarIndex(groups);
  },
});
