import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { chromium } from '../../scripts/chromium.js';

export default defineProject({
  resolve: { conditions: ['@crmkit/source'] },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  test: {
    name: 'react',
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromium }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
