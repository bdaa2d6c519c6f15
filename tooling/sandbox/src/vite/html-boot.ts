/**
 * A script that starts the database of a built sandbox site's data set as a page begins to load: it starts the
 * sandbox's database worker, which downloads the data set's snapshot and starts PostgreSQL on it while the page's own
 * scripts download and run. Emitted as `crmkit-boot.js` next to the HTML pages; each page's `<head>` loads it, and so
 * can any other page of the site (Storybook's manager page does). In a page framed by one that already started the
 * worker (Storybook's preview in its manager), it uses that worker. The sandbox then takes that database (see
 * `worker/remote-database.ts`) instead of starting one after the page's scripts have run.
 */
import type { Rollup } from 'vite';

/** The script's file name, at the root of the output (where the HTML pages are). */
export const BOOT_SCRIPT = 'crmkit-boot.js';

/** Which data set a page starts with: a default, which a Storybook URL's `globals=…;<global>:<name>` can override. */
export interface HtmlBootOptions {
  /** The data set to start by default. */
  dataset: string;
  /** The Storybook global that names the data set in a page's URL (`globals=dataset:fitness`), if any. */
  urlGlobal?: string;
}

/**
 * The script (see the module's documentation), or undefined when the bundle has no database worker or the default
 * data set has no snapshot. `tarballs`: each data set's snapshot, by name, as emitted in the bundle.
 */
export function bootScript(
  bundle: Rollup.OutputBundle,
  tarballs: Record<string, string>,
  options: HtmlBootOptions,
): string | undefined {
  const worker = Object.values(bundle)
    .map((file) => file.fileName)
    .find((file) => /(^|\/)database-worker-[\w-]+\.js$/.test(file));
  if (!worker || !tarballs[options.dataset]) return undefined;
  const pick = options.urlGlobal
    ? `var m = /[?&]globals=(?:[^&]*?(?:;|%3B))?${options.urlGlobal}(?::|%3A)([\\w-]+)/.exec(location.search);
  if (m && tarballs[m[1]]) dataset = m[1];`
    : '';
  return `/* Starts the demo CRM's database while the page loads (@crmkit/sandbox). */
(function () {
  if (typeof Worker === 'undefined') return;
  var framing = null;
  try {
    if (window.parent !== window) framing = window.parent.crmkitDatabaseWorker || null;
  } catch (e) {}
  if (framing) {
    window.crmkitDatabaseWorker = framing;
    return;
  }
  var tarballs = ${JSON.stringify(tarballs)};
  var dataset = ${JSON.stringify(options.dataset)};
  ${pick}
  var worker = new Worker(new URL(${JSON.stringify(worker)}, document.baseURI), { type: 'module', name: 'crmkit-db' });
  worker.postMessage({ id: 'boot', op: 'preopen', url: new URL(tarballs[dataset], document.baseURI).href });
  window.crmkitDatabaseWorker = worker;
})();
`;
}
