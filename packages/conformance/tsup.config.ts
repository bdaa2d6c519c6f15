import { defineConfig } from 'tsup';
import { tidySourceMaps } from '../../scripts/sourcemaps.js';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The contract document is bundled: the kit checks against the contract it was built with.
  noExternal: ['@crmkit/spec/openapi.json'],
  // Re-export-only files get no (empty) source map; a map with a build machine's path fails the build.
  onSuccess: async () => {
    tidySourceMaps('dist');
  },
});
