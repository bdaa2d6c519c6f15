import { AuthError, CrmError } from './errors.js';

/** What `getToken` may return: the token itself, or `{ token, expiresAt }` as `POST /v1/embed-tokens` answers. */
export type TokenResult = string | { token: string; expiresAt?: string };

/**
 * How the client authenticates. Give one of:
 * - `apiKey`: a static API key (server-to-server; never ship one to a browser);
 * - `getToken`: returns an embed token minted by your backend for the logged-in user. It is called lazily, cached until
 *   shortly before it expires (the JWT `exp`, or `expiresAt`: a fifth of its lifetime early, at most 30 s), and called
 *   again once when a request answers 401. When it throws (or returns no token), calls fail with an `AuthError` whose
 *   `reason` is `'token'` and whose `cause` is the failure;
 * - `credentials: 'include'`: cookie sessions (a backend of yours that proxies the API behind its own session cookie).
 *
 * @example
 * const auth: CrmAuth = { getToken: () => fetch('/api/crm-token', { method: 'POST' }).then((r) => r.json()) };
 */
export interface CrmAuth {
  apiKey?: string;
  getToken?: () => TokenResult | Promise<TokenResult>;
  /** `credentials` of every fetch (`'include'` for cross-origin cookie sessions). */
  credentials?: RequestCredentials;
}

/**
 * How early a cached token is refreshed: a fifth of the lifetime it had left when it arrived, at most 30 s. A 15-minute
 * token is used for 14.5 minutes, a 60 s one for 48 s, one with 20 s left for 16 s.
 */
const refreshMargin = (left: number): number => Math.min(30_000, left / 5);

/** Milliseconds since the epoch at which a JWT expires (its `exp`), or NaN when it says nothing. */
function jwtExpiry(token: string): number {
  try {
    return JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
  } catch {
    return Number.NaN;
  }
}

/**
 * The bearer token for the next request: `stale` is a token the server just refused (401), which forces one refresh
 * (concurrent callers that saw the same stale token share that refresh).
 */
export type TokenSource = (stale?: string) => Promise<string | undefined>;

/**
 * The token source of `auth`: the API key, or `getToken` with caching and refresh. Concurrent callers share one
 * `getToken` call, and a refresh for a stale token happens once however many requests saw it fail.
 */
export function tokenSource({ apiKey, getToken }: CrmAuth): TokenSource {
  let cache: Promise<{ token: string; refreshAt: number }> | undefined;
  return async (stale) => {
    if (!getToken) return apiKey;
    const seen = cache;
    const hit = await seen?.catch(() => undefined);
    if ((!hit || hit.token === stale || Date.now() >= hit.refreshAt) && cache === seen) {
      cache = (async () => {
        try {
          const result = await getToken();
          const { token, expiresAt } = typeof result === 'string' ? { token: result } : { ...result };
          if (typeof token !== 'string' || !token) throw new TypeError(`no token in ${JSON.stringify(result)}`);
          const expiry = Date.parse(expiresAt ?? '') || jwtExpiry(token);
          const left = expiry - Date.now();
          // A token that says nothing of its expiry, or seems expired already (clocks differ), is used until refused.
          return { token, refreshAt: left > 0 ? expiry - refreshMargin(left) : Number.POSITIVE_INFINITY };
        } catch (error) {
          throw error instanceof CrmError ? error : new AuthError(`getToken failed: ${error}`, { cause: error });
        }
      })();
    }
    return (await cache!).token;
  };
}
