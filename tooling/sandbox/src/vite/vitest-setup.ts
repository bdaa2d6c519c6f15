/**
 * Vitest `globalSetup` (see `SANDBOX_VITEST_SETUP`): before the project's tests start, builds — or finds in the cache —
 * the data sets its `sandboxSnapshots({ prebuild })` plugin names.
 */
import type { TestProject } from 'vitest/node';
import { PLUGIN_NAME, type SandboxSnapshotsApi } from './plugin.js';

export default async function setup(project: TestProject): Promise<void> {
  const plugin = project.vite.config.plugins.find((p) => p.name === PLUGIN_NAME);
  await (plugin?.api as SandboxSnapshotsApi | undefined)?.prebuild();
}
