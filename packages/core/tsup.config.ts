import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'tickets/index': 'src/tickets/index.ts',
    'collation/index': 'src/collation/index.ts',
    'problems/index': 'src/problems/index.ts',
    templates: 'src/templates.ts',
    'glossary/en': 'src/glossary/en.ts',
    'glossary/vi': 'src/glossary/vi.ts',
    'glossary/th': 'src/glossary/th.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
