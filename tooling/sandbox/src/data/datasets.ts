/**
 * The data sets a sandbox can start from. Each is built once — in Node, before Storybook or a browser test project
 * needs it (see `../vite/plugin.ts`), or in the page when nothing prebuilt is at hand — and shipped as a PGlite data
 * directory snapshot that a page loads in about a second: nothing is generated on the visitor's machine.
 *
 * Adding a data set is one entry in {@link DATASETS}: a label and a function that fills a migrated, empty database
 * and returns the workspaces it made (with their API keys), or {@link extend} of another one. Large ones insert with
 * set-based SQL (`INSERT … SELECT … FROM generate_series(…)`), not through the API. A story then asks for it with
 * `parameters: { crmkit: { seed: '<name>' } }`.
 *
 * @example
 * // The demo company with a 10,000-deal pipeline, added by SQL:
 * 'demo-10k-deals': extend('demo', 'Demo B2B company, 10,000 deals', (db, [demo]) => addBigPipeline(db, demo.id)),
 */
import { type Clock, type Database, type ProvisionedWorkspace, provisionWorkspace, seedDatabase } from '@crmkit/server';
import { addBigInbox } from './big-inbox.js';
import { addBigPipeline } from './big-pipeline.js';

/** What a data set's `build` gets besides the database. */
export interface DatasetContext {
  /** "Now" for the data: place activities, due dates and SLA clocks around it. */
  clock: Clock;
}

/** A data set: a name for people, and how to fill a migrated, empty database with it. */
export interface Dataset {
  /** What a person picking it sees (Storybook's toolbar): "Demo B2B company". */
  label: string;
  /** Fills `db` (migrated and empty); returns the workspaces made, the main one first, with their API keys. */
  build(db: Database, context: DatasetContext): Promise<ProvisionedWorkspace[]>;
}

const TEST_ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;

/**
 * A data set made of `base` and more: `add` runs on the base's database, with its workspaces (the main one first),
 * once the base is built.
 */
export function extend(
  base: Exclude<keyof typeof BASES, 'migrated'>,
  label: string,
  add: (
    db: Database,
    workspaces: [ProvisionedWorkspace, ...ProvisionedWorkspace[]],
    context: DatasetContext,
  ) => Promise<unknown>,
): Dataset {
  return {
    label,
    async build(db, context) {
      const workspaces = await BASES[base].build(db, context);
      await add(db, workspaces as [ProvisionedWorkspace, ...ProvisionedWorkspace[]], context);
      return workspaces;
    },
  };
}

/** One workspace `ws_test` with a user per role, an API key for admin, agent and viewer, and nothing else. */
async function emptyWorkspace(db: Database, { clock }: DatasetContext): Promise<ProvisionedWorkspace[]> {
  return [
    await provisionWorkspace(db, {
      id: 'ws_test',
      name: 'Test Workspace',
      clock,
      teams: [{ name: 'Support' }, { name: 'Sales' }],
      users: TEST_ROLES.map((role) => ({
        id: `usr_test_${role}`,
        name: `${role[0]!.toUpperCase()}${role.slice(1)} User`,
        email: `${role}@test.example`,
        role,
      })),
      keys: (['admin', 'agent', 'viewer'] as const).map((role) => ({
        label: role,
        role,
        userEmail: `${role}@test.example`,
      })),
    }),
  ];
}

/** The data sets others are made from. */
const BASES = {
  migrated: { label: 'No workspace (a migrated, empty database)', build: async () => [] },
  empty: { label: 'Empty workspace', build: emptyWorkspace },
  demo: { label: 'Demo B2B company', build: (db, { clock }) => seedDatabase(db, 'demo', { clock }) },
  fitness: { label: 'Fitness club', build: (db, { clock }) => seedDatabase(db, 'fitness', { clock }) },
} as const satisfies Record<string, Dataset>;

/** Every data set, by name. */
export const DATASETS = {
  ...BASES,
  /** The board at scale: the demo company and a second pipeline, `pip_10k`, of 10,000 deals on 8 stages. */
  'demo-10k-deals': extend('demo', 'Demo B2B company, 10,000 deals', (db, [demo]) =>
    addBigPipeline(db, demo.id, { id: 'pip_10k', name: '10,000 deals', deals: 10_000 }),
  ),
  /**
   * The inbox at scale: the demo company and 100,000 more tickets (ids `big_tkt000000`…), spread over its agents and
   * unassigned, with SLA clocks from breached to days ahead; `big_tkt000000` holds a 2,000-message thread.
   */
  'demo-100k-tickets': extend('demo', 'Demo B2B company, 100,000 tickets', (db, [demo]) =>
    addBigInbox(db, demo.id, { tickets: 100_000, threadMessages: 2_000 }),
  ),
} as const satisfies Record<string, Dataset>;

/** The name of a data set. */
export type DatasetName = keyof typeof DATASETS;

/** Whether `name` is a data set of {@link DATASETS}. */
export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}
