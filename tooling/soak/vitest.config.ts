import { defineProject } from 'vitest/config';

/**
 * The quick soak: the reference server killed and restarted under load, on a PGlite data directory (and on PostgreSQL
 * when CRMKIT_TEST_DATABASE_URL is set). The long version is `pnpm bench soak`.
 */
export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    name: 'soak',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
