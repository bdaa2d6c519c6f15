import { defineProject } from 'vitest/config';
import { chromiumBrowser } from '../../scripts/vitest-browser.js';
// By path: Vite bundles a config's relative imports, but leaves packages to Node, which cannot load TypeScript.
import { SANDBOX_VITEST_SETUP, sandboxSnapshots } from '../../tooling/sandbox/src/vite/plugin.js';

export default defineProject({
  // The tests' databases start from snapshots built once, in Node, before the tests (none is seeded in the page).
  plugins: [sandboxSnapshots({ prebuild: ['migrated', 'demo'] })],
  resolve: { conditions: ['@crmkit/source'] },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  test: {
    name: 'react',
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: [SANDBOX_VITEST_SETUP],
    setupFiles: ['@crmkit/sandbox/prebuilt', './test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: chromiumBrowser(),
  },
});
