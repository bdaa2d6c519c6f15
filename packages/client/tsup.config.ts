import { defineConfig, type Options } from 'tsup';

const common: Options = {
  // `validate` is an entry of its own (`@crmkit/client/validate`) that `index` never imports: only apps that turn
  // validation on load it, and need `@crmkit/spec` and zod (an optional peer dependency, external here).
  entry: ['src/index.ts', 'src/validate.ts'],
  // The contract's types are bundled into the declarations, so that typing the client needs no `@crmkit/spec`.
  dts: { resolve: ['@crmkit/spec'] },
  sourcemap: true,
  target: 'es2022',
};

export default defineConfig([
  { ...common, format: ['esm'], clean: true },
  // The CommonJS build carries openapi-fetch inside: esbuild would import its CommonJS build with Node's interop,
  // where the default export is the whole `exports` object rather than `createClient`.
  { ...common, format: ['cjs'], noExternal: ['openapi-fetch'] },
]);
