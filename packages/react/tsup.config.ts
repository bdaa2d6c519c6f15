import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', tables: 'src/tables/index.ts' },
  format: ['esm', 'cjs'],
  // The contract's types (which the client's types are made of) are bundled, as the client bundles them: neither
  // package installs `@crmkit/spec`.
  dts: { resolve: ['@crmkit/spec'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query', '@tanstack/react-table', '@crmkit/client'],
});
