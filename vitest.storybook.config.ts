import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { defineProject } from 'vitest/config';
import { chromiumBrowser } from './scripts/vitest-browser.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

/**
 * Every story of `.storybook/main.ts` as a test in real Chromium: it renders (loaders start the in-browser reference
 * server), its play function runs, axe finds no violation (`parameters.a11y.test = 'error'`) and nothing logs a
 * `console.error`. Storybook's `viteFinal` (resolve condition, PGlite exclude) is applied by the plugin.
 */
export default defineProject({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  test: {
    name: 'storybook',
    setupFiles: ['.storybook/vitest.setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    browser: chromiumBrowser(),
  },
});
