/**
 * A script for the `<head>` of a built sandbox site's pages that starts the database of the page's data set as the
 * page begins to load: it starts the sandbox's database worker, which downloads the snapshot and starts PostgreSQL on
 * it while the page's own scripts download and run. The sandbox then takes that database (see
 * `worker/remote-database.ts`) instead of starting one after the page's scripts have run.
 */
import type { HtmlTagDescriptor, Rollup } from 'vite';

/** Which data set a page starts with: a default, which a Storybook URL's `globals=…;<global>:<name>` can override. */
export interface HtmlBootOptions {
  /** The data set to start by default. */
  dataset: string;
  /** The Storybook global that names the data set in a page's URL (`globals=dataset:fitness`), if any. */
  urlGlobal?: string;
}

/** The URL of an emitted file as an HTML page at the root of the output refers to it, under `base`. */
const hrefOf = (base: string, fileName: string) =>
  base === './' || base === '' ? `./${fileName}` : `${base}${fileName}`;

/** The `<head>` script (see the module's documentation), or nothing when the bundle has no database worker. */
export function htmlBootTags(bundle: Rollup.OutputBundle, base: string, options: HtmlBootOptions): HtmlTagDescriptor[] {
  const files = Object.values(bundle).map((file) => file.fileName);
  const worker = files.find((file) => /(^|\/)database-worker-[\w-]+\.js$/.test(file));
  const tarballs: Record<string, string> = {};
  for (const file of files) {
    const match = /(?:^|\/)sandbox-([a-z0-9-]+?)-[\w-]+\.tgz$/.exec(file);
    if (match) tarballs[match[1]!] = hrefOf(base, file);
  }
  if (!worker || !tarballs[options.dataset]) return [];
  const pick = options.urlGlobal
    ? `var m=/[?&]globals=(?:[^&]*?(?:;|%3B))?${options.urlGlobal}(?::|%3A)([\\w-]+)/.exec(location.search);if(m&&t[m[1]])d=m[1];`
    : '';
  const script =
    `(function(){if(typeof Worker==='undefined')return;var t=${JSON.stringify(tarballs)},d=${JSON.stringify(options.dataset)};${pick}` +
    `var w=new Worker(${JSON.stringify(hrefOf(base, worker))},{type:'module',name:'crmkit-db'});` +
    `w.postMessage({id:-1,op:'preopen',url:new URL(t[d],location.href).href});window.crmkitDatabaseWorker=w})()`;
  return [{ tag: 'script', children: script, injectTo: 'head-prepend' }];
}
