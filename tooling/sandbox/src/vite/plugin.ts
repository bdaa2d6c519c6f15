/**
 * `@crmkit/sandbox/vite`: a Vite plugin that gives pages prebuilt snapshots of the sandbox's data sets, so they never
 * migrate and seed a database in the browser. Used by Storybook (dev and static build) and the browser test projects.
 *
 * - Dev server (and Vitest browser mode): `/@crmkit-sandbox/<name>.tar.gz` and `.json`, built on first request.
 * - Build: every data set is built (or taken from the cache) and emitted as a hashed asset, loaded by a URL relative
 *   to the page's script — so the output works from any static host and under any sub-path.
 *
 * The page side is `@crmkit/sandbox/prebuilt` (the virtual module `virtual:crmkit-sandbox/snapshots` it imports is
 * provided here).
 *
 * @example
 * // vite.config.ts (or Storybook's viteFinal)
 * import { sandboxSnapshots } from '@crmkit/sandbox/vite';
 * export default defineConfig({ plugins: [sandboxSnapshots()] });
 * // in the page, before starting sandboxes:
 * import '@crmkit/sandbox/prebuilt';
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { datasetNames, SNAPSHOT_CACHE_DIR, snapshotFiles } from '../node/snapshot-files.js';
import { BOOT_SCRIPT, bootScript, type HtmlBootOptions } from './html-boot.js';

export { BOOT_SCRIPT };

const VIRTUAL_ID = 'virtual:crmkit-sandbox/snapshots';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Where the dev server answers snapshot requests. */
const DEV_PREFIX = '/@crmkit-sandbox/';

/** Options of {@link sandboxSnapshots}. */
export interface SandboxSnapshotsOptions {
  /** Where built snapshots are kept between runs (default `node_modules/.cache/crmkit-sandbox/` at the repo root). */
  cacheDir?: string;
  /**
   * Data sets the dev server builds as soon as it starts, rather than on first request (the ones every page uses).
   * A Vitest project waits for them before its tests with {@link SANDBOX_VITEST_SETUP}.
   */
  prebuild?: string[] | 'all';
  /**
   * In a build, have every HTML page start the database of this data set as it begins to load, in the sandbox's
   * database worker: `crmkit-boot.js` at the root of the output, loaded by each page's `<head>` (see `html-boot.ts`;
   * sandboxes started with `worker: true` take the database).
   */
  bootInHtml?: HtmlBootOptions;
}

/** What the plugin offers other code (`plugin.api`). */
export interface SandboxSnapshotsApi {
  /** Builds (or finds in the cache) the `prebuild` data sets. */
  prebuild(): Promise<void>;
}

export const PLUGIN_NAME = 'crmkit-sandbox-snapshots';

/**
 * A Vitest `globalSetup` file that waits for the project's `prebuild` data sets before its tests start, so no test
 * waits for a build under its own timeout.
 *
 * @example
 * defineProject({ plugins: [sandboxSnapshots({ prebuild: ['demo'] })], test: { globalSetup: [SANDBOX_VITEST_SETUP] } });
 */
export const SANDBOX_VITEST_SETUP = fileURLToPath(new URL('./vitest-setup.ts', import.meta.url));

/** The virtual module for the dev server: every data set at the middleware's URLs. */
const devModule = `export const snapshotUrls = (name) => ({
  data: ${JSON.stringify(DEV_PREFIX)} + name + '.tar.gz',
  manifest: ${JSON.stringify(DEV_PREFIX)} + name + '.json',
});`;

/** The Vite plugin: see the module's documentation. */
export function sandboxSnapshots(options: SandboxSnapshotsOptions = {}): Plugin<SandboxSnapshotsApi> {
  const cacheDir = options.cacheDir ?? SNAPSHOT_CACHE_DIR;
  let command: 'build' | 'serve' = 'serve';
  let base = '/';
  /** The reference of each data set's emitted snapshot, by name (a build's file names are known only at its end). */
  const tarballRefs = new Map<string, string>();
  const prebuild = async () => {
    const names = options.prebuild === 'all' ? await datasetNames() : (options.prebuild ?? []);
    await Promise.all(names.map((name) => snapshotFiles(name, cacheDir)));
  };
  return {
    name: PLUGIN_NAME,
    api: { prebuild },
    configResolved(config) {
      command = config.command;
      base = config.base;
    },
    generateBundle: {
      // After the other plugins: the database worker's chunk must be in the bundle.
      order: 'post',
      handler(_output, bundle) {
        if (!options.bootInHtml) return;
        const tarballs = Object.fromEntries([...tarballRefs].map(([name, ref]) => [name, this.getFileName(ref)]));
        const source = bootScript(bundle, tarballs, options.bootInHtml);
        if (source) this.emitFile({ type: 'asset', fileName: BOOT_SCRIPT, source });
      },
    },
    transformIndexHtml: () =>
      command === 'build' && options.bootInHtml
        ? [{ tag: 'script', attrs: { src: `${base === './' ? './' : base}${BOOT_SCRIPT}` }, injectTo: 'head-prepend' }]
        : [],
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (command === 'serve') return devModule;
      const names = await datasetNames();
      const entries = await Promise.all(
        names.map(async (name) => {
          const files = await snapshotFiles(name, cacheDir);
          const emit = async (file: string, suffix: string) =>
            this.emitFile({ type: 'asset', name: `sandbox-${name}${suffix}`, source: await readFile(file) });
          const [data, manifest] = await Promise.all([emit(files.data, '.tgz'), emit(files.manifest, '.json')]);
          tarballRefs.set(name, data);
          return `${JSON.stringify(name)}: { data: import.meta.ROLLUP_FILE_URL_${data}, manifest: import.meta.ROLLUP_FILE_URL_${manifest} }`;
        }),
      );
      return `const urls = {\n${entries.join(',\n')}\n};\nexport const snapshotUrls = (name) => urls[name];`;
    },
    configureServer(server) {
      prebuild().catch((error: Error) => server.config.logger.error(error.message));
      server.middlewares.use(DEV_PREFIX, (req, res, next) => {
        const match = /^\/([a-z0-9-]+)\.(tar\.gz|json)$/.exec((req.url ?? '').split('?')[0]!);
        if (!match) return next();
        const [, name, kind] = match;
        snapshotFiles(name!, cacheDir).then(
          (files) => {
            const json = kind === 'json';
            res.setHeader('content-type', json ? 'application/json' : 'application/octet-stream');
            res.setHeader('cache-control', 'no-store');
            createReadStream(json ? files.manifest : files.data).pipe(res);
          },
          (error: Error) => {
            server.config.logger.error(error.message);
            res.statusCode = 500;
            res.end(error.message);
          },
        );
      });
    },
  };
}
