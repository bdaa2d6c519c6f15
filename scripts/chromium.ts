/**
 * The Chromium every browser test, Storybook test and screenshot uses: Debian's `/usr/bin/chromium` (or
 * `CHROMIUM_PATH`), headless, with the flags that keep it quiet and offline.
 */
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
