import { playwright } from '@vitest/browser-playwright';
import type { BrowserCommand } from 'vitest/node';
import { chromium } from './chromium.js';

/**
 * Vitest browser mode in the Chromium of `chromium.ts`, headless: the `test.browser` of every browser project.
 *
 * @example
 * defineProject({ test: { name: 'ui', browser: chromiumBrowser({ viewport: { width: 1024, height: 768 } }) } });
 */
export const chromiumBrowser = (
  extra: {
    viewport?: { width: number; height: number };
    screenshotFailures?: boolean;
    /** Custom browser commands (`commands.<name>()` in tests), e.g. real touch input through CDP. */
    commands?: Record<string, BrowserCommand<never[]>>;
  } = {},
) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: chromium }),
  instances: [{ browser: 'chromium' as const }],
  ...extra,
});
