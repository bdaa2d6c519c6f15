import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // The contract document is bundled: the kit checks against the contract it was built with.
  noExternal: ['@crmkit/spec/openapi.json'],
});
