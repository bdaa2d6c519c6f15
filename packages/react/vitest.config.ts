import { defineProject } from 'vitest/config';
import { chromiumBrowser } from '../../scripts/vitest-browser.js';

export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  test: {
    name: 'react',
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: chromiumBrowser(),
  },
});
