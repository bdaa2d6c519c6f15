import { defineProject } from 'vitest/config';

/**
 * The club's end-to-end test: the reference server in-process, `next build` + `next start` in child processes, driven
 * in Chromium with playwright-core. The hook timeout covers a cold `next build` on a busy 2-core machine.
 */
export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    name: 'fitness-club',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
