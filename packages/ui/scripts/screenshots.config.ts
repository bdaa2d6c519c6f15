import { playwright } from '@vitest/browser-playwright';
import { searchForWorkspaceRoot } from 'vite';
import { defineProject } from 'vitest/config';
import { chromium } from '../../../scripts/chromium.js';
import base from '../vitest.config.js';

/**
 * `pnpm --filter @crmkit/ui screenshots`: renders the primitives gallery in Chromium in each theme and locale and
 * saves `/tmp/ui-<theme>-<language>.png` (and a dialog) to look at.
 */
export default defineProject({
  ...base,
  root: new URL('..', import.meta.url).pathname,
  // The PNGs go to /tmp, outside the workspace.
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), '/tmp'] } },
  test: {
    ...base.test,
    name: 'ui-screenshots',
    include: ['scripts/screenshots.browser.tsx'],
    browser: {
      enabled: true,
      headless: true,
      // A window big enough that the tester iframe is not scaled down.
      provider: playwright({ launchOptions: chromium, contextOptions: { viewport: { width: 1600, height: 1700 } } }),
      instances: [{ browser: 'chromium' }],
      viewport: { width: 1028, height: 1500 },
      screenshotFailures: false,
    },
  },
});
