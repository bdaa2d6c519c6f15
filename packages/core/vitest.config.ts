import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: { name: 'core', include: ['test/**/*.test.ts'] },
});
