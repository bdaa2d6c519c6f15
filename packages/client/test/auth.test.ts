import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tokenSource } from '../src/auth.js';
import { AuthError, type CrmError } from '../src/index.js';
import { faulty } from './faults.js';
import { startServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

describe('auth', () => {
  it('sends a static API key as a bearer token', async () => {
    const net = faulty(t.fetch, () => undefined);
    await t.client({ fetch: net.fetch }).contacts.list();
    expect(net.seen[0]!.headers.get('authorization')).toBe(`Bearer ${t.a.keys.admin}`);
  });

  it('calls getToken lazily, once, and caches the token until shortly before it expires', async () => {
    const token = await t.embedToken('agent@a.test', 'agent', 900);
    const getToken = vi.fn(async () => token);
    const crm = t.client({ auth: { getToken } });
    expect(getToken).not.toHaveBeenCalled();
    await Promise.all([crm.contacts.list(), crm.contacts.list(), crm.me.get()]);
    await crm.contacts.list();
    expect(getToken).toHaveBeenCalledTimes(1);
    expect((await crm.me.get()).role).toBe('agent');
    // `{ token, expiresAt }` (the shape of POST /v1/embed-tokens) is understood too.
    const minted = vi.fn(async () => ({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    const withExpiry = t.client({ auth: { getToken: minted } });
    await withExpiry.contacts.list();
    await withExpiry.contacts.list();
    expect(minted).toHaveBeenCalledTimes(1);
  });

  it('refreshes once on 401 and retries the request; concurrent 401s share one refresh', async () => {
    const stale = await t.embedToken('agent@a.test', 'agent', 120);
    const fresh = await t.embedToken('agent@a.test', 'agent', 3600);
    // The server's clock moves past the first token's expiry: the server answers 401 although the client's
    // clock still thinks the token is good.
    t.clock.advance({ minutes: 3 });
    const tokens = [stale, fresh];
    const getToken = vi.fn(async () => tokens.shift()!);
    const net = faulty(t.fetch, () => undefined);
    const crm = t.client({ auth: { getToken }, fetch: net.fetch });
    const pages = await Promise.all([crm.contacts.list(), crm.contacts.list(), crm.contacts.list()]);
    expect(pages).toHaveLength(3);
    expect(getToken).toHaveBeenCalledTimes(2);
    const auths = net.seen.map((s) => s.headers.get('authorization'));
    expect(auths.filter((a) => a === `Bearer ${stale}`)).toHaveLength(3);
    expect(auths.filter((a) => a === `Bearer ${fresh}`)).toHaveLength(3);
    t.clock.set(new Date());
  });

  it('gives up with an AuthError when the refreshed token is refused too, or getToken fails', async () => {
    const getToken = vi.fn(async () => 'eyJ.not-a.jwt');
    const error = await t
      .client({ auth: { getToken } })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 401, reason: 'rejected' });
    expect(getToken).toHaveBeenCalledTimes(2);

    const failing = t.client({
      auth: {
        getToken: () => {
          throw new Error('host backend down');
        },
      },
    });
    const e2 = await failing.contacts.list().catch((e) => e);
    expect(e2).toBeInstanceOf(AuthError);
    expect(e2.message).toMatch(/host backend down/);
    expect(e2.cause).toBeInstanceOf(Error);
  });

  it("says when getToken failed: an AuthError with reason 'token', its cause, and onError hears of it", async () => {
    // A host's token endpoint answering 502 with an HTML page, read with `r.json()` as the docs show.
    const endpoint = () =>
      Promise.resolve(new Response('<html>502 Bad Gateway</html>', { status: 502 })).then((r) => r.json());
    const onError = vi.fn<(error: CrmError) => void>();
    const net = faulty(t.fetch, () => undefined);
    const crm = t.client({ auth: { getToken: endpoint }, onError, fetch: net.fetch });
    const [e1, e2] = await Promise.all([crm.contacts.list().catch((e) => e), crm.me.get().catch((e) => e)]);
    expect(e1).toBeInstanceOf(AuthError);
    expect(e1).toMatchObject({ reason: 'token', status: 0 });
    expect(e1.message).toMatch(/^getToken failed: SyntaxError/);
    expect(e1.cause).toBeInstanceOf(SyntaxError);
    // Concurrent calls share the one failed getToken, and the request never went out.
    expect(e2).toBe(e1);
    expect(net.seen).toHaveLength(0);
    expect(onError).toHaveBeenCalledWith(e1);
    // Not retried as if the network had failed.
    expect(onError).toHaveBeenCalledTimes(2);

    // An endpoint that answers something without a token is a token failure too.
    for (const answer of [{}, { token: '' }, null]) {
      const e = await t
        .client({ auth: { getToken: async () => answer as never } })
        .contacts.list()
        .catch((x) => x);
      expect(e).toMatchObject({ name: 'AuthError', reason: 'token' });
      expect(e.message).toMatch(/no token in/);
    }
  });

  it('passes credentials for cookie sessions', async () => {
    const seen: RequestInit[] = [];
    const crm = t.client({
      auth: { credentials: 'include' },
      fetch: (input, init) => {
        seen.push(init);
        return t.fetch(input, {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: `Bearer ${t.a.keys.admin}` },
        });
      },
    });
    await crm.contacts.list();
    expect(seen[0]!.credentials).toBe('include');
    expect(new Headers(seen[0]!.headers).has('authorization')).toBe(false);
  });
});

describe('token refresh', () => {
  const getTokenFor = (lifetimeMs: number) => {
    const getToken = vi.fn(async () => ({
      token: `token-${getToken.mock.calls.length}`,
      expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
    }));
    return getToken;
  };
  /** Moves the (faked) clock on by `ms` and asks for a token. */
  const after = async (source: ReturnType<typeof tokenSource>, ms: number) => {
    vi.setSystemTime(Date.now() + ms);
    return source();
  };

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T08:00:00Z') });
  });
  afterEach(() => vi.setSystemTime(new Date('2026-12-07T08:00:00Z')));
  afterAll(() => vi.useRealTimers());

  it('refreshes a fifth of the lifetime before expiry: a 60 s token is used for 48 s', async () => {
    const getToken = getTokenFor(60_000);
    const source = tokenSource({ getToken });
    expect(await source()).toBe('token-1');
    expect(await after(source, 47_000)).toBe('token-1');
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(await after(source, 2_000)).toBe('token-2');
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('keeps a token with under 30 s left for most of that time, instead of fetching it on every request', async () => {
    const getToken = getTokenFor(20_000);
    const source = tokenSource({ getToken });
    for (let i = 0; i < 5; i++) await after(source, 1_000);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(await after(source, 12_000)).toBe('token-2'); // 17 s after it arrived: past 16 s (20 s less 4 s)
  });

  it('refreshes a long-lived token 30 s before it expires, and reads the JWT exp', async () => {
    const payload = (exp: number) => btoa(JSON.stringify({ exp: exp / 1000 })).replace(/=+$/, '');
    const jwt = vi.fn(async () => `eyJhbGciOiJIUzI1NiJ9.${payload(Date.now() + 3_600_000)}.sig`);
    const source = tokenSource({ getToken: jwt });
    await source();
    await after(source, 3_600_000 - 31_000);
    expect(jwt).toHaveBeenCalledTimes(1);
    await after(source, 2_000);
    expect(jwt).toHaveBeenCalledTimes(2);
  });

  it('uses a token without an expiry, or one that seems expired (clock skew), until the server refuses it', async () => {
    const opaque = vi.fn(async () => 'opaque');
    const a = tokenSource({ getToken: opaque });
    await a();
    await after(a, 86_400_000);
    expect(opaque).toHaveBeenCalledTimes(1);
    const skewed = vi.fn(async () => ({ token: 'skewed', expiresAt: new Date(Date.now() - 60_000).toISOString() }));
    const b = tokenSource({ getToken: skewed });
    await b();
    await after(b, 1_000);
    expect(skewed).toHaveBeenCalledTimes(1);
    // A 401 for it forces one refresh.
    await b('skewed');
    expect(skewed).toHaveBeenCalledTimes(2);
  });
});
