/**
 * Faults a story puts on its client's requests, for the states the real server does not produce at will (loading,
 * empty, error, forbidden, not found): see `CrmFault`.
 */
import { type CrmClient, createCrmClient } from '@crmkit/client';
import type { Sandbox, SandboxRole } from '@crmkit/sandbox';

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

/** One story's fault: the client that applies it, and `heal()`. */
export interface FaultControl {
  /** Lets every later request through (e.g. before clicking "Try again"). */
  heal(): void;
  /** The story's client of `sandbox` for `role`, which fails what the fault says until healed (one per story). */
  client(sandbox: Sandbox, role: SandboxRole): CrmClient;
}

/** The control of a story's `fault`. */
export function faultControl(fault: CrmFault): FaultControl {
  let healed = false;
  let made: { sandbox: Sandbox; role: SandboxRole; client: CrmClient } | undefined;
  return {
    heal: () => {
      healed = true;
    },
    client(sandbox, role) {
      if (made?.sandbox !== sandbox || made.role !== role) {
        const fetch = faultyFetch(sandbox.fetch, fault, () => healed);
        // No retries: the client would retry a 500 with backoff before the widget shows the error.
        made = { sandbox, role, client: sandbox.client({ role, fetch, retry: false }) };
      }
      return made.client;
    },
  };
}

/** A client that sends nothing anywhere: every request stays pending (for stories without data). */
export function offlineClient(): CrmClient {
  return createCrmClient({
    baseUrl: 'https://crm.invalid',
    auth: { apiKey: 'none' },
    fetch: (_, init) => never(init.signal),
    retry: false,
  });
}
