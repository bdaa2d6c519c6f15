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
  // openapi-fetch (behind `raw`) stays a dynamic `import()` in the CommonJS build too, so it loads only when used.
  { ...common, format: ['cjs'] },
]);
