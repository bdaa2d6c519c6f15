import { defineProject } from 'vitest/config';

/** Tests of the repository's own scripts (prerequisite checks of `pnpm test` and `pnpm demo`), in Node. */
export default defineProject({
  test: {
    name: 'scripts',
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
