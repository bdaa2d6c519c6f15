import { defineProject } from 'vitest/config';
import { chromiumBrowser } from '../../scripts/vitest-browser.js';

export default defineProject({
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
      'react/jsx-dev-runtime',
      '@tanstack/react-query',
      '@tanstack/react-table',
    ],
  },
  test: {
    name: 'ui',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: chromiumBrowser({
      viewport: { width: 1024, height: 768 },
      screenshotFailures: false,
    }),
  },
});
