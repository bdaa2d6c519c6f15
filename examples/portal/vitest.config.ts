import { defineProject } from 'vitest/config';

/** The portal's end-to-end test: the whole portal on free ports, driven in Chromium with playwright-core. */
export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    name: 'portal',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
