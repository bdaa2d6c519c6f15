import { chromiumPath } from './prerequisites.mjs';

/**
 * The Chromium every browser test, Storybook test and screenshot uses: Debian's `/usr/bin/chromium` (or
 * `CHROMIUM_PATH`), headless, with the flags that keep it quiet and offline. `pnpm test` stops before it starts when
 * there is none (scripts/prerequisites.mjs).
 */
export const chromium = {
  executablePath: chromiumPath(),
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
