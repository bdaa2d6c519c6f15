import { defineProject } from 'vitest/config';
import { chromiumBrowser } from '../../scripts/vitest-browser.js';
// By path: Vite bundles a config's relative imports, but leaves packages to Node, which cannot load TypeScript.
import { SANDBOX_VITEST_SETUP, sandboxSnapshots } from '../../tooling/sandbox/src/vite/plugin.js';
import { touchDrag } from './test/commands.js';
import { receiverDown, receiverGot, receiverPort, receiverUp } from './test/receiver.js';

export default defineProject({
  // The tests' databases start from snapshots built once, in Node, before the tests (none is seeded in the page).
  plugins: [sandboxSnapshots({ prebuild: ['empty', 'demo', 'fitness'] })],
  resolve: { conditions: ['@crmkit/source'] },
  optimizeDeps: {
    exclude: ['@electric-sql/pglite'],
    // Pre-bundled up front: a dependency discovered mid-run reloads the page and fails the test file.
    include: [
      '@testing-library/react',
      '@testing-library/user-event',
      'axe-core',
      'hono',
      'hono/cors',
      'hono/streaming',
      'jose',
      'react',
      'react-dom',
      'react-dom/client',
      'react-dom/server.browser',
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      '@tanstack/react-table',
      '@tanstack/react-virtual',
      'dompurify',
    ],
  },
  test: {
    name: 'ui',
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: [SANDBOX_VITEST_SETUP],
    setupFiles: ['@crmkit/sandbox/prebuilt', 'test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: chromiumBrowser({
      viewport: { width: 1024, height: 768 },
      screenshotFailures: false,
      commands: { touchDrag, receiverPort, receiverUp, receiverGot, receiverDown },
    }),
  },
});
