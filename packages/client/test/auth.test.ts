import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../src/index.js';
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

    // A token within 30 s of its expiry is refreshed before use: minted 40 s ago for 60 s, it has 20 s left.
    t.clock.set(new Date(Date.now() - 40_000));
    const almostExpired = await t.embedToken('agent@a.test', 'agent', 60);
    t.clock.set(new Date());
    const shortLived = vi.fn(async () => almostExpired);
    const short = t.client({ auth: { getToken: shortLived } });
    await short.contacts.list();
    await short.contacts.list();
    expect(shortLived).toHaveBeenCalledTimes(2);
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
    expect(error.status).toBe(401);
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
