/**
 * What stories and decorators need to talk to the reference server that runs inside the Storybook tab: one sandbox
 * (PGlite + the server's `fetch` handler) per seed per page, one client per role, and the toolbar globals.
 *
 * @example
 * // In a widget story:
 * function Demo() {
 *   const client = useStoryClient();
 *   ...
 * }
 */
import type { CrmClient, ListQuery, RecordOf, ResourceName } from '@crmkit/client';
import { type Sandbox, type SandboxRole, type SandboxSeed, startSandbox } from '@crmkit/sandbox';
import { CrmProvider } from '@crmkit/ui';
import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';

/** The locales of the toolbar (the catalogs `@crmkit/ui` ships). */
export const LOCALES = ['en-US', 'vi-VN', 'th-TH'] as const;
export type StoryLocale = (typeof LOCALES)[number];

/** The themes of the toolbar. */
export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type StoryTheme = (typeof THEMES)[number];

/** The roles of the toolbar: each has an API key in every sandbox workspace. */
export const ROLES = ['admin', 'agent', 'viewer'] as const satisfies readonly SandboxRole[];
export type StoryRole = (typeof ROLES)[number];

/** The toolbar globals (`context.globals`); a story may pin some with `globals: { role: 'viewer' }`. */
export interface CrmGlobals {
  locale: StoryLocale;
  theme: StoryTheme;
  role: StoryRole;
}

/** `parameters.crmkit` of a story or its meta. */
export interface CrmParameters {
  /** The data the story's sandbox starts with (default `demo`). */
  seed?: SandboxSeed;
}

/** What the global loader puts in `context.loaded`. */
export interface CrmLoaded {
  /** The sandbox of the story's seed, shared by every story of the page that uses that seed. */
  sandbox: Sandbox;
  /** A client of the sandbox's main workspace with the API key of the current role. */
  client: CrmClient;
}

/** The value of {@link StoryCrmContext}: everything a story (and later `CrmProvider`) needs. */
export interface StoryCrm extends CrmLoaded, CrmGlobals {}

export const DEFAULT_GLOBALS: CrmGlobals = { locale: 'en-US', theme: 'light', role: 'admin' };
export const DEFAULT_SEED: SandboxSeed = 'demo';

const sandboxes = new Map<SandboxSeed, Promise<Sandbox>>();
const clients = new WeakMap<Sandbox, Map<StoryRole, CrmClient>>();

/** The sandbox of `seed`: started on first use, then shared by every story of the page (data changes persist). */
export function getSandbox(seed: SandboxSeed = DEFAULT_SEED): Promise<Sandbox> {
  let sandbox = sandboxes.get(seed);
  if (!sandbox) {
    sandbox = startSandbox({ seed });
    // A failed start is not cached: the next story tries again.
    sandbox.catch(() => sandboxes.delete(seed));
    sandboxes.set(seed, sandbox);
  }
  return sandbox;
}

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

/** The global loader: the story's sandbox (`parameters.crmkit.seed`, default `demo`) and the current role's client. */
export async function loadCrm(context: {
  globals: Partial<CrmGlobals>;
  parameters: { crmkit?: CrmParameters };
}): Promise<CrmLoaded> {
  const sandbox = await getSandbox(context.parameters.crmkit?.seed ?? DEFAULT_SEED);
  return { sandbox, client: getClient(sandbox, context.globals.role ?? DEFAULT_GLOBALS.role) };
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
 * toolbar's locale and theme. Keyed by role and locale, so switching either starts from a fresh cache.
 */
export function wrapStory(story: ReactNode, crm: StoryCrm): ReactNode {
  return createElement(
    CrmProvider,
    { key: `${crm.role}:${crm.locale}`, client: crm.client, locale: crm.locale, appearance: { theme: crm.theme } },
    story,
  );
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
