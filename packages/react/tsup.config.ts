import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', tables: 'src/tables/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query', '@tanstack/react-table', '@crmkit/client'],
});
