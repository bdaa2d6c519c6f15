/**
 * What stories and decorators need to talk to the reference server that runs inside the Storybook tab: one sandbox
 * (PGlite + the server's `fetch` handler) per data set per page, started from a snapshot built at build time, one
 * client per role, and the toolbar globals.
 *
 * @example
 * // In a widget story:
 * function Demo() {
 *   const client = useStoryClient();
 *   ...
 * }
 */
import type { CrmClient, ListQuery, RecordOf, ResourceName } from '@crmkit/client';
import type { Sandbox, SandboxRole, SandboxSeed } from '@crmkit/sandbox';
import '@crmkit/sandbox/prebuilt';
import { preloadSandbox } from '@crmkit/sandbox/preload';
import { CrmProvider } from '@crmkit/ui';
import { QueryClient } from '@tanstack/react-query';
import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';
import { type CrmFault, type FaultControl, faultControl, offlineClient } from './faults.js';

export { type CrmFault, FAULTS, type FaultControl, type FaultState } from './faults.js';

/** The locales of the toolbar (the catalogs `@crmkit/ui` ships). */
export const LOCALES = ['en-US', 'vi-VN', 'th-TH'] as const;
export type StoryLocale = (typeof LOCALES)[number];

/** The themes of the toolbar. */
export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type StoryTheme = (typeof THEMES)[number];

/** The roles of the toolbar: each has an API key in every sandbox workspace. */
export const ROLES = ['admin', 'agent', 'viewer'] as const satisfies readonly SandboxRole[];
export type StoryRole = (typeof ROLES)[number];

/**
 * The data sets of the toolbar, with their names there: the same widgets on a B2B company's data or a fitness
 * club's (a vertical by configuration).
 */
export const STORY_DATASETS = {
  demo: 'Demo B2B company',
  fitness: 'Fitness club',
} as const satisfies Partial<Record<SandboxSeed, string>>;
export type StoryDataset = keyof typeof STORY_DATASETS;

/** The toolbar globals (`context.globals`); a story may pin some with `globals: { role: 'viewer' }`. */
export interface CrmGlobals {
  locale: StoryLocale;
  theme: StoryTheme;
  role: StoryRole;
  /** The data stories start from, unless a story needs its own (`parameters.crmkit.seed`). */
  dataset: StoryDataset;
}

/** `parameters.crmkit` of a story or its meta. */
export interface CrmParameters {
  /**
   * Data this story needs whatever the toolbar says (a large data set, or `empty`); `none` starts no sandbox (for
   * stories that need the provider but no data, such as the primitives): the client's requests are never answered.
   * Default: the toolbar's `dataset`.
   */
  seed?: SandboxSeed | 'none';
  /** Fail some requests of the story's client, for the states the real server does not produce at will. */
  fault?: CrmFault;
}

/** What the global loader puts in `context.loaded`. */
export interface CrmLoaded {
  /** With `parameters.crmkit.fault`: `heal()` lets every later request through (e.g. before clicking "Try again"). */
  fault?: FaultControl;
}

/** The value of {@link StoryCrmContext}: everything a story (and `CrmProvider`) needs. */
export interface StoryCrm extends CrmGlobals {
  /** The sandbox of the story's data, shared by every story of the page on that data (undefined with `seed: 'none'`). */
  sandbox: Sandbox | undefined;
  /** A client of the sandbox's main workspace with the API key of the current role. */
  client: CrmClient;
}

export const DEFAULT_GLOBALS: CrmGlobals = { locale: 'en-US', theme: 'light', role: 'admin', dataset: 'demo' };

type StoryContextLike = { globals: Partial<CrmGlobals>; parameters: { crmkit?: CrmParameters } };

/** The story's globals, defaults filled in. */
export const globalsOf = (context: { globals: Record<string, unknown> }): CrmGlobals => ({
  ...DEFAULT_GLOBALS,
  ...(context.globals as Partial<CrmGlobals>),
});

/** The data a story runs on: its own `parameters.crmkit.seed`, else the toolbar's data set. */
export function seedOf(context: StoryContextLike): SandboxSeed | 'none' {
  return context.parameters.crmkit?.seed ?? globalsOf(context).dataset;
}

const sandboxes = new Map<SandboxSeed, Promise<Sandbox>>();
const ready = new Map<SandboxSeed, Sandbox>();
const clients = new WeakMap<Sandbox, Map<StoryRole, CrmClient>>();

/**
 * The reference server and PGlite: a chunk of their own, so the preview's main bundle stays small and stories without
 * data never load them.
 */
const sandboxModule = () => import('@crmkit/sandbox');

/**
 * The sandbox of `seed`: started on first use from the prebuilt snapshot, then shared by every story of the page (data
 * changes persist). Its clock runs from when the data was built, so the data looks as fresh as the day it was built.
 */
export function getSandbox(seed: SandboxSeed): Promise<Sandbox> {
  let sandbox = sandboxes.get(seed);
  if (!sandbox) {
    sandbox = sandboxModule().then(({ startSandbox }) => startSandbox({ seed, clock: 'seeded', worker: true }));
    sandbox.then(
      (started) => ready.set(seed, started),
      // A failed start is not cached: the next story tries again.
      () => sandboxes.delete(seed),
    );
    sandboxes.set(seed, sandbox);
  }
  return sandbox;
}

/**
 * In the Storybook page (not in the Vitest run of the stories), starts the sandbox of the toolbar's data set (from
 * the page's `globals` parameter, else the default) at once, while the first story's file loads: most stories use it,
 * and a first visit then waits for the database and the story together rather than one after the other.
 */
export function warmToolbarSandbox(location: Location): void {
  if (!location.pathname.endsWith('/iframe.html')) return;
  const globals = new URLSearchParams(location.search).get('globals') ?? '';
  const fromUrl = /(?:^|;)dataset:([\w-]+)/.exec(globals)?.[1];
  const dataset = fromUrl && fromUrl in STORY_DATASETS ? (fromUrl as StoryDataset) : DEFAULT_GLOBALS.dataset;
  // The snapshot's download and the database worker first: they need none of the server's code.
  preloadSandbox(dataset, { worker: true });
  // A failed start is reported by the story that needs the sandbox (it tries again).
  getSandbox(dataset).catch(() => undefined);
}

/** The sandbox of `seed` if it has started (no waiting). */
export const readySandbox = (seed: SandboxSeed): Sandbox | undefined => ready.get(seed);

/** The client of `sandbox`'s main workspace for `role` (one per sandbox and role). */
export function getClient(sandbox: Sandbox, role: StoryRole): CrmClient {
  let byRole = clients.get(sandbox);
  if (!byRole) {
    byRole = new Map();
    clients.set(sandbox, byRole);
  }
  let client = byRole.get(role);
  if (!client) {
    client = sandbox.client({ role });
    byRole.set(role, client);
  }
  return client;
}

/** The story's client of `sandbox`: the role's shared one, or the story's faulty one. */
export const storyClient = (sandbox: Sandbox | undefined, role: StoryRole, fault?: FaultControl): CrmClient =>
  !sandbox ? offlineClient() : fault ? fault.client(sandbox, role) : getClient(sandbox, role);

/**
 * The global loader: starts the story's sandbox without waiting for it (the decorator shows "Starting the demo CRM in
 * your browser…" meanwhile), and makes the story's fault control.
 */
export function prepareCrm(context: StoryContextLike): CrmLoaded {
  const seed = seedOf(context);
  if (seed !== 'none') void getSandbox(seed).catch(() => undefined);
  const fault = context.parameters.crmkit?.fault;
  return fault ? { fault: faultControl(fault) } : {};
}

/**
 * The story's sandbox and client, once the sandbox has started: for a story's own loaders and play functions.
 *
 * @example
 * loaders: [async (context) => ({ id: (await (await loadCrm(context)).client.contacts.list()).data[0]?.id })],
 */
export async function loadCrm(
  context: StoryContextLike & { loaded?: Partial<CrmLoaded> },
): Promise<{ sandbox: Sandbox | undefined; client: CrmClient }> {
  const seed = seedOf(context);
  const sandbox = seed === 'none' ? undefined : await getSandbox(seed);
  return { sandbox, client: storyClient(sandbox, globalsOf(context).role, context.loaded?.fault) };
}

/** The current story's sandbox, client, role, locale and theme (set by the global decorator). */
export const StoryCrmContext = createContext<StoryCrm | null>(null);
StoryCrmContext.displayName = 'StoryCrmContext';

/** The current story's {@link StoryCrm}; throws outside a story. */
export function useStoryCrm(): StoryCrm {
  const value = useContext(StoryCrmContext);
  if (!value) throw new Error('useStoryCrm() must be used inside a story (the crmkit decorator provides it)');
  return value;
}

/** The client of the current story's role (toolbar `role`, or the story's `globals.role`). */
export function useStoryClient(): CrmClient {
  return useStoryCrm().client;
}

/**
 * Wraps every story in what a host app puts around the widgets: `@crmkit/ui`'s provider with the role's client, the
 * toolbar's locale and theme, and the sandbox's clock. Keyed by data set, role and locale, so switching any starts
 * from a fresh cache.
 */
export function wrapStory(
  story: ReactNode,
  crm: StoryCrm,
  props: { live?: boolean; queryClient?: QueryClient } = {},
): ReactNode {
  return createElement(
    CrmProvider,
    {
      key: `${crm.dataset}:${crm.role}:${crm.locale}`,
      client: crm.client,
      locale: crm.locale,
      appearance: { theme: crm.theme },
      ...(crm.sandbox ? { now: crm.sandbox.clock.now } : {}),
      ...props,
    },
    story,
  );
}

/**
 * Renders `story` with a client of the story's own instead of the role's (made once per story from its sandbox, e.g.
 * a key acting for no user), in a provider and a query cache of its own (the role's live cache would otherwise take
 * in the feed's changes); nothing until the client is made.
 *
 * @example
 * <WithClient make={integrationClient}><TasksList /></WithClient>
 */
export function WithClient({
  make,
  live,
  children,
}: {
  make: (sandbox: Sandbox) => Promise<CrmClient>;
  live?: boolean;
  children: ReactNode;
}): ReactNode {
  const crm = useStoryCrm();
  const [client, setClient] = useState<CrmClient>();
  const [queryClient] = useState(() => new QueryClient());
  useEffect(() => {
    if (crm.sandbox) void make(crm.sandbox).then(setClient);
  }, [crm.sandbox, make]);
  return client
    ? wrapStory(children, { ...crm, client }, { queryClient, ...(live === undefined ? {} : { live }) })
    : null;
}

/**
 * The id of the first record of a list of the story's workspace (ids of seeded data differ between runs), or
 * undefined while it loads.
 *
 * @example
 * const id = useFirstId('contacts', { filter: { lifecycleStage: 'loyal' } });
 * return id ? <ContactCard contactId={id} /> : null;
 */
export function useFirstId<N extends ResourceName>(name: N, query: ListQuery<RecordOf<N>> = {}): string | undefined {
  const client = useStoryClient();
  const [id, setId] = useState<string>();
  const key = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `query`.
  useEffect(() => {
    let live = true;
    client[name].list({ ...query, limit: 1 } as never).then((page) => {
      if (live) setId((page.data[0] as { id: string } | undefined)?.id);
    });
    return () => {
      live = false;
    };
  }, [client, name, key]);
  return id;
}
