/** What a snapshot is, for the modules that make, ship and load them. */
import type { ProvisionedWorkspace } from '@crmkit/server';

import type { DatasetName } from './datasets.js';

/** A data directory: a tarball in hand, or where to download one (a gzipped one is fine). */
export type DataDir = Blob | { url: string };

/** What comes with a snapshot's data directory. */
export interface SnapshotManifest {
  dataset: DatasetName;
  /** "Now" for the data when it was built (ISO): a sandbox can run its clock from there (`clock: 'seeded'`). */
  seededAt: string;
  /** The workspaces of the data set, the main one first, with their plain API keys by role. */
  workspaces: ProvisionedWorkspace[];
}

/** A data set, built: the data directory as a tarball (gzipped or not), or where to download it, and its manifest. */
export interface Snapshot {
  data: DataDir;
  manifest: SnapshotManifest;
}
