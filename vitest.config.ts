import { defineConfig } from 'vitest/config';

/** One Vitest run for the whole repo; each package is a project. Source is resolved through the `@crmkit/source` condition. */
export default defineConfig({
  resolve: { conditions: ['@crmkit/source'] },
  ssr: { resolve: { conditions: ['@crmkit/source'] } },
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'tooling/*/vitest.config.ts',
      'scripts/vitest.config.ts',
      'vitest.storybook.config.ts',
      'vitest.storybook-node.config.ts',
    ],
  },
});
