import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    name: 'conformance',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
