/**
 * Snapshots built ahead of time (at build time, in Node) that sandboxes start from instead of building their data in
 * the page. `@crmkit/sandbox/prebuilt` registers the ones the Vite plugin (`@crmkit/sandbox/vite`) serves or emits;
 * anything else can register its own loader.
 */
import type { DatasetName } from './datasets.js';
import type { Snapshot } from './types.js';

/** Loads the prebuilt snapshot of a data set, or returns undefined when there is none. */
export type SnapshotLoader = (name: DatasetName) => Promise<Snapshot> | undefined;

let registered: SnapshotLoader | undefined;
const loads = new Map<DatasetName, Promise<Snapshot>>();

/**
 * Makes every later `startSandbox` (without a `snapshot` of its own) start from `loader`'s snapshots. Each data set is
 * loaded once per page.
 *
 * @example
 * registerPrebuiltSnapshots((name) => fetch(`/snapshots/${name}.tar.gz`).then(...));
 */
export function registerPrebuiltSnapshots(loader: SnapshotLoader): void {
  registered = loader;
  loads.clear();
}

/** The prebuilt snapshot of `name` (loaded once, then shared), or undefined when none is registered. */
export function prebuiltSnapshot(name: DatasetName): Promise<Snapshot> | undefined {
  let load = loads.get(name);
  if (!load) {
    load = registered?.(name);
    if (!load) return undefined;
    // A failed load is not kept: the next start tries again.
    load.catch(() => loads.delete(name));
    loads.set(name, load);
  }
  return load;
}
