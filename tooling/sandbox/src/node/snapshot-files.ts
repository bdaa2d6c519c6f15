/**
 * Prebuilt snapshots on disk, for the Vite plugin: built in a child process (from source, on its own core) the first
 * time a data set is asked for, then kept in `node_modules/.cache/crmkit-sandbox/<source key>/` for a day — so a
 * change to a migration, a seed or a data set builds a fresh one, and no data set is older than a day.
 */
import { spawn } from 'node:child_process';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, sourceKey } from './source-key.js';

/** Where the snapshots of a data set are. */
export interface SnapshotFiles {
  /** The data directory, a gzipped tarball. */
  data: string;
  /** Its manifest (`SnapshotManifest` as JSON). */
  manifest: string;
}

/** The default cache directory. */
export const SNAPSHOT_CACHE_DIR = join(REPO_ROOT, 'node_modules/.cache/crmkit-sandbox');

/** Snapshots older than this are built again: their data is placed around the time it was built. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const BUILDER = fileURLToPath(new URL('./build-snapshots.ts', import.meta.url));

/** One build per data set and process, whichever copy of this module asks (Vite bundles each config apart). */
const BUILDS = Symbol.for('crmkit.sandbox.snapshot-builds');
const shared = globalThis as { [BUILDS]?: Map<string, Promise<SnapshotFiles>> };
shared[BUILDS] ??= new Map();
const builds = shared[BUILDS];

/** Builders running at once, at most: each takes a core, and the machine is shared. */
const MAX_BUILDERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `job` once fewer than {@link MAX_BUILDERS} others run. */
async function queued<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_BUILDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs the builder (`build-snapshots.ts`) from source with `args`; resolves with what it prints. */
function runBuilder(args: string[]): Promise<string> {
  return queued(() => spawnBuilder(args));
}

function spawnBuilder(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@crmkit/source', '--import', 'tsx', BUILDER, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`crmkit sandbox: building snapshots ${args.join(' ')} failed (${code})`)),
    );
  });
}

async function isFresh(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return !!info && Date.now() - info.mtimeMs < MAX_AGE_MS;
}

/** Removes the cache's directories of other source keys (snapshots of older sources are of no further use). */
async function pruneOthers(cacheDir: string, key: string): Promise<void> {
  for (const entry of await readdir(cacheDir).catch(() => [])) {
    if (entry !== key) await rm(join(cacheDir, entry), { recursive: true, force: true });
  }
}

/**
 * The snapshot files of data set `name`: from the cache when they are there and less than a day old, else built now.
 *
 * @example
 * const { data, manifest } = await snapshotFiles('demo');
 */
export async function snapshotFiles(name: string, cacheDir = SNAPSHOT_CACHE_DIR): Promise<SnapshotFiles> {
  const key = await sourceKey();
  const dir = join(cacheDir, key);
  const files = { data: join(dir, `${name}.tar.gz`), manifest: join(dir, `${name}.json`) };
  let build = builds.get(files.data);
  if (!build) {
    build = (async () => {
      if ((await isFresh(files.manifest)) && (await isFresh(files.data))) return files;
      await runBuilder([dir, name]);
      await pruneOthers(cacheDir, key);
      return files;
    })();
    // A failed build is not kept: the next request tries again.
    build.catch(() => builds.delete(files.data));
    builds.set(files.data, build);
  }
  return build;
}

/** The names of every data set (`DATASETS` of `@crmkit/sandbox`). */
export async function datasetNames(): Promise<string[]> {
  return JSON.parse(await runBuilder(['--list'])) as string[];
}
