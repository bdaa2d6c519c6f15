/**
 * `@crmkit/sandbox/preload`: starts what a sandbox will need before the code that starts it has loaded — the prebuilt
 * snapshot's download and the database worker — so a page's first sandbox waits for the slowest of them, not for
 * their sum. Small: it loads none of the server.
 *
 * @example
 * import '@crmkit/sandbox/prebuilt';
 * import { preloadSandbox } from '@crmkit/sandbox/preload';
 * preloadSandbox('demo', { worker: true }); // now, while the page's other code loads
 * // later: startSandbox({ seed: 'demo', worker: true }) finds both under way
 */
import type { DatasetName } from './data/datasets.js';
import { prebuiltSnapshot } from './data/prebuilt.js';

/** Starts downloading the prebuilt snapshot of `seed` (when one is registered) and, with `worker`, the database worker. */
export function preloadSandbox(seed: DatasetName, { worker = false }: { worker?: boolean } = {}): void {
  // A failed download is reported by the sandbox that needs it (which tries again).
  prebuiltSnapshot(seed)?.catch(() => undefined);
  if (worker && typeof Worker !== 'undefined') {
    void import('./worker/remote-database.js').then(({ startDatabaseWorker }) => startDatabaseWorker());
  }
}
