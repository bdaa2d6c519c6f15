import { defineProject } from 'vitest/config';

/**
 * The pack check: `pnpm pack` of every published package, npm installs of two fresh host apps, `vite build` and
 * `next build`, then Chromium. The hook timeout covers cold installs and a cold `next build` on a busy 2-core machine.
 */
export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    name: 'pack-check',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 420_000,
  },
});
