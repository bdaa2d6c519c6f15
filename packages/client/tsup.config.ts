import { defineConfig, type Options } from 'tsup';

const common: Options = {
  entry: ['src/index.ts'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
};

export default defineConfig([
  // validate.ts is reached only through a dynamic import(): the ESM build splits it (and zod) into its own chunk.
  { ...common, format: ['esm'], clean: true },
  // The CommonJS build carries openapi-fetch inside: esbuild would import its CommonJS build with Node's interop,
  // where the default export is the whole `exports` object rather than `createClient`.
  { ...common, format: ['cjs'], noExternal: ['openapi-fetch'] },
]);
