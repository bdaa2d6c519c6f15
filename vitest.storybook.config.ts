import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineProject } from 'vitest/config';
import { chromiumBrowser } from './scripts/vitest-browser.js';
// By path, not `@crmkit/sandbox/vite`: Vite bundles a config's relative imports, but leaves packages to Node, which
// cannot load TypeScript.
import { SANDBOX_VITEST_SETUP } from './tooling/sandbox/src/vite/plugin.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every story of `.storybook/main.ts` as a test in real Chromium: it renders (loaders start the in-browser reference
 * server), its play function runs, axe finds no violation (`parameters.a11y.test = 'error'`) and nothing logs a
 * `console.error`. Storybook's `viteFinal` (resolve condition, PGlite exclude, the sandbox's snapshots) is applied by
 * the plugin.
 */
export default defineProject({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  test: {
    name: 'storybook',
    setupFiles: ['.storybook/vitest.setup.ts'],
    // The data sets' snapshots are built (or found in the cache) before the stories run: none is seeded in the page.
    globalSetup: [SANDBOX_VITEST_SETUP],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    browser: chromiumBrowser(),
  },
});
