/**
 * `@crmkit/sandbox/prebuilt`: importing it makes every later `startSandbox` start from the snapshots the Vite plugin
 * (`@crmkit/sandbox/vite`) serves or emits, instead of migrating and seeding a database in the page. Needs that plugin
 * in the page's Vite config.
 *
 * @example
 * import '@crmkit/sandbox/prebuilt';
 * const sandbox = await startSandbox({ seed: 'demo' }); // loads the prebuilt demo snapshot
 */
import { snapshotUrls } from 'virtual:crmkit-sandbox/snapshots';
import type { DatasetName } from './data/datasets.js';
import { registerPrebuiltSnapshots } from './data/prebuilt.js';
import type { Snapshot, SnapshotManifest } from './data/types.js';

/** The prebuilt snapshot of `name`: its manifest, and where its data directory is (undefined when the build has none). */
export function loadPrebuilt(name: DatasetName): Promise<Snapshot> | undefined {
  const urls = snapshotUrls(name);
  if (!urls) return undefined;
  return fetch(urls.manifest).then(async (response) => {
    if (!response.ok) throw new Error(`crmkit sandbox: ${urls.manifest} answered ${response.status}`);
    // The data directory is downloaded where the database starts (in a worker, or here).
    return { data: { url: urls.data }, manifest: (await response.json()) as SnapshotManifest };
  });
}

registerPrebuiltSnapshots(loadPrebuilt);
