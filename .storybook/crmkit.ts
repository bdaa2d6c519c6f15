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
import { type CrmClient, createCrmClient, type ListQuery, type RecordOf, type ResourceName } from '@crmkit/client';
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

/** The states a story can put a widget in by failing its data requests (see {@link CrmFault}). */
export const FAULTS = ['loading', 'empty', 'error', 'forbidden', 'not-found'] as const;
export type FaultState = (typeof FAULTS)[number];

/**
 * Requests of the story's client that do not reach the server: `on` is `METHOD /path`, where `*` stands for one path
 * segment and the query string is ignored (`GET /v1/contacts` is the list, `GET /v1/contacts/*` one record). Every
 * other request goes to the sandbox as usual.
 *
 * - `loading`: never answered (aborted with the request);
 * - `empty`: an empty page (`{ data: [], nextCursor: null }`);
 * - `error`, `forbidden`, `not-found`: a 500, 403 or 404 problem+json with `X-Request-Id: req_story_<status>`.
 */
export interface CrmFault {
  on: string;
  state: FaultState;
}

/** `parameters.crmkit` of a story or its meta. */
export interface CrmParameters {
  /**
   * The data the story's sandbox starts with (default `demo`); `none` starts no sandbox (for stories that need the
   * provider but no data, such as the primitives): the client's requests are never answered.
   */
  seed?: SandboxSeed | 'none';
  /** Fail some requests of the story's client, for the states the real server does not produce at will. */
  fault?: CrmFault;
}

/** What the global loader puts in `context.loaded`. */
export interface CrmLoaded {
  /**
   * The sandbox of the story's seed, shared by every story of the page that uses that seed (undefined with
   * `seed: 'none'`).
   */
  sandbox: Sandbox | undefined;
  /** A client of the sandbox's main workspace with the API key of the current role. */
  client: CrmClient;
  /** With `parameters.crmkit.fault`: `heal()` lets every later request through (e.g. before clicking "Try again"). */
  fault?: { heal(): void };
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

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A request that is never answered, but rejects like `fetch` when its signal aborts. */
function never(signal: AbortSignal | null | undefined): Promise<Response> {
  return new Promise((_, reject) =>
    signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'))),
  );
}

const PROBLEMS = {
  error: [500, 'Internal Server Error'],
  forbidden: [403, 'Forbidden'],
  'not-found': [404, 'Not Found'],
} as const;

/** What a faulted request gets instead of the server's answer. */
function faultResponse(state: FaultState, signal: AbortSignal | null | undefined): Promise<Response> {
  if (state === 'loading') return never(signal);
  if (state === 'empty') return Promise.resolve(Response.json({ data: [], nextCursor: null }));
  const [status, title] = PROBLEMS[state];
  const body = { type: 'about:blank', title, status };
  return Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': `req_story_${status}` },
    }),
  );
}

/** `fetch`, except for the requests `fault.on` matches while `healed()` is false. */
function faultyFetch(fetch: FetchLike, fault: CrmFault, healed: () => boolean): FetchLike {
  const [method = 'GET', path = '/'] = fault.on.trim().split(/\s+/);
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]+');
  const match = new RegExp(`^${method.toUpperCase()} ${escaped}$`);
  return (input, init) => {
    const request = `${(init.method ?? 'GET').toUpperCase()} ${new URL(input).pathname}`;
    return healed() || !match.test(request) ? fetch(input, init) : faultResponse(fault.state, init.signal);
  };
}

/** A client that sends nothing anywhere: every request stays pending (for `seed: 'none'`). */
function offlineClient(): CrmClient {
  return createCrmClient({
    baseUrl: 'https://crm.invalid',
    auth: { apiKey: 'none' },
    fetch: (_, init) => never(init.signal),
    retry: false,
  });
}

/**
 * The global loader: the story's sandbox (`parameters.crmkit.seed`, default `demo`) and the current role's client —
 * a fresh one that fails what `parameters.crmkit.fault` says, when it says.
 */
export async function loadCrm(context: {
  globals: Partial<CrmGlobals>;
  parameters: { crmkit?: CrmParameters };
}): Promise<CrmLoaded> {
  const { seed = DEFAULT_SEED, fault } = context.parameters.crmkit ?? {};
  const role = context.globals.role ?? DEFAULT_GLOBALS.role;
  if (seed === 'none') return { sandbox: undefined, client: offlineClient() };
  const sandbox = await getSandbox(seed);
  if (!fault) return { sandbox, client: getClient(sandbox, role) };
  let healed = false;
  const fetch = faultyFetch(sandbox.fetch, fault, () => healed);
  // No retries: the client would retry a 500 with backoff before the widget shows the error.
  const client = sandbox.client({ role, fetch, retry: false });
  const heal = () => {
    healed = true;
  };
  return { sandbox, client, fault: { heal } };
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
