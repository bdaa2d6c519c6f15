import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CrmError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from '../src/index.js';
import { faulty, hang, json, networkError, problem, truncate } from './faults.js';
import { startServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

const countContacts = async (firstName: string) =>
  (await t.client().contacts.list({ filter: { firstName }, limit: 200 })).data.length;

describe('retries', () => {
  it('retries a GET through a burst of 5xx and network failures, with growing backoff', async () => {
    const net = faulty(t.fetch, (_seen, _pass, call) =>
      call === 1 ? Promise.resolve(problem(503)) : call === 2 ? Promise.resolve(networkError()) : undefined,
    );
    const crm = t.client({ fetch: net.fetch, retry: { retries: 3, minDelay: 20, maxDelay: 1000 } });
    const started = Date.now();
    await expect(crm.contacts.list()).resolves.toMatchObject({ data: expect.any(Array) });
    expect(net.seen).toHaveLength(3);
    // Backoff with jitter: at least half of 20 ms, then half of 40 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('a POST retried after a 5xx that came AFTER the commit is replayed: exactly one record', async () => {
    const net = faulty(t.fetch, async (seen, pass, call) => {
      if (seen.method !== 'POST' || call > 2) return undefined;
      await pass(); // the server commits…
      return call === 1 ? problem(502) : networkError(); // …and the client never hears of it.
    });
    const crm = t.client({ fetch: net.fetch });
    const contact = await crm.contacts.create({ firstName: 'ExactlyOnce' });
    expect(contact.firstName).toBe('ExactlyOnce');
    expect(net.seen).toHaveLength(3);
    const keys = net.seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(await countContacts('ExactlyOnce')).toBe(1);
  });

  it('a DELETE retried after a lost answer resolves (the record is gone), and is gone once', async () => {
    const crm = t.client();
    const c = await crm.contacts.create({ firstName: 'Doomed' });
    const net = faulty(t.fetch, async (seen, pass, call) => {
      if (seen.method !== 'DELETE' || call > 1) return undefined;
      await pass();
      return problem(504);
    });
    await expect(t.client({ fetch: net.fetch }).contacts.remove(c.id)).resolves.toBeUndefined();
    expect(net.seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE']);
    await expect(crm.contacts.get(c.id)).rejects.toBeInstanceOf(NotFoundError);
    // A first attempt that finds nothing is still an error.
    await expect(crm.contacts.remove(c.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never retries a PATCH without If-Match; retries one with it', async () => {
    const c = await t.client().contacts.create({ firstName: 'Patchy' });
    const failOnce = () => {
      let failed = false;
      return faulty(t.fetch, (seen) => {
        if (seen.method !== 'PATCH' || failed) return undefined;
        failed = true;
        return Promise.resolve(problem(503));
      });
    };
    const plain = failOnce();
    await expect(t.client({ fetch: plain.fetch }).contacts.update(c.id, { title: 'x' })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(plain.seen).toHaveLength(1);
    const guarded = failOnce();
    const updated = await t.client({ fetch: guarded.fetch }).contacts.update(c.id, { title: 'y' }, { ifVersion: 1 });
    expect(updated.title).toBe('y');
    expect(guarded.seen.map((s) => s.headers.get('if-match'))).toEqual(['"1"', '"1"']);
  });

  it('a PATCH with ifVersion retried after its answer was lost resolves with its own write (Idempotency-Key)', async () => {
    const c = await t.client().contacts.create({ firstName: 'Lost answer' });
    const net = faulty(t.fetch, async (seen, pass, call) => {
      if (seen.method !== 'PATCH' || call > 1) return undefined;
      await pass(); // committed…
      return networkError(); // …and the answer lost.
    });
    const updated = await t.client({ fetch: net.fetch }).contacts.update(c.id, { title: 'Boss' }, { ifVersion: 1 });
    expect(updated).toMatchObject({ title: 'Boss', version: 2 });
    const keys = net.seen.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0]]);
    expect((await t.client().contacts.get(c.id)).version).toBe(2);
  });

  it('recognises its own write in the 412 of a server that does not replay PATCH, and nothing else', async () => {
    const plain = await startServer({ capabilities: { idempotency: false } });
    try {
      const dropFirst = () =>
        faulty(plain.fetch, async (seen, pass, call) => {
          if (seen.method !== 'PATCH' || call > 1) return undefined;
          await pass();
          return problem(502);
        });
      const crm = plain.client();
      const c = await crm.contacts.create({ firstName: 'No replay', title: 'Old', tags: ['new'] });
      const patch = { lastName: 'Replayed', tags: ['vip', 'gold'], title: null };
      const net = dropFirst();
      const updated = await plain.client({ fetch: net.fetch }).contacts.update(c.id, patch, { ifVersion: 1 });
      expect(updated).toMatchObject({
        version: 2,
        lastName: 'Replayed',
        tags: ['vip', 'gold'],
        firstName: 'No replay',
      });
      expect(updated.title ?? null).toBeNull();
      expect(net.seen).toHaveLength(2);
      // Someone else's write in between is still a conflict, whatever the version.
      const other = faulty(plain.fetch, async (seen, pass, call) => {
        if (seen.method !== 'PATCH' || call > 1) return undefined;
        await pass();
        await crm.contacts.update(c.id, { title: 'Someone else' });
        return problem(502);
      });
      const error = await plain
        .client({ fetch: other.fetch })
        .contacts.update(c.id, { title: 'Mine' }, { ifVersion: 2 })
        .catch((e) => e);
      expect(error).toBeInstanceOf(PreconditionFailedError);
      expect(error.current).toMatchObject({ title: 'Someone else', version: 4 });
      // A first attempt's 412 is never taken for success.
      const stale = await crm.contacts.update(c.id, { title: 'Someone else' }, { ifVersion: 3 }).catch((e) => e);
      expect(stale).toBeInstanceOf(PreconditionFailedError);
    } finally {
      await plain.close();
    }
  });

  it('a search is a read: no Idempotency-Key, nothing stored, retried through a 503', async () => {
    const rows = async () =>
      (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys')).rows[0]!.n;
    await t.client().contacts.create({ firstName: 'Searched' });
    const before = await rows();
    const net = faulty(t.fetch, (_seen, _pass, call) => (call === 1 ? Promise.resolve(problem(503)) : undefined));
    const page = await t
      .client({ fetch: net.fetch })
      .contacts.search({ filter: { field: 'firstName', op: 'eq', value: 'Searched' } });
    expect(page.data).toHaveLength(1);
    expect(net.seen).toHaveLength(2);
    expect(net.seen.map((s) => s.headers.get('idempotency-key'))).toEqual([null, null]);
    for (let i = 0; i < 5; i++) await t.client().contacts.search({ q: 'Searched' });
    expect(await rows()).toBe(before);
    // A write still carries one.
    await t.client({ fetch: net.fetch }).contacts.create({ firstName: 'Written' });
    expect(net.seen.at(-1)!.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rows()).toBe(before + 1);
  });

  it('gives up after the allowed retries with the last typed error, and reports it to onError', async () => {
    const net = faulty(t.fetch, () => Promise.resolve(problem(500)));
    const onError = vi.fn();
    const error = await t
      .client({ fetch: net.fetch, retry: { retries: 2, minDelay: 1 }, onError })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, title: 'Injected 500' });
    expect(net.seen).toHaveLength(3);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(error);
    const none = faulty(t.fetch, () => Promise.resolve(networkError()));
    await expect(t.client({ fetch: none.fetch, retry: false }).contacts.list()).rejects.toBeInstanceOf(NetworkError);
    expect(none.seen).toHaveLength(1);
  });

  it('honours Retry-After, and does not wait longer than maxDelay for it', async () => {
    const once = faulty(t.fetch, (_s, _p, call) =>
      call === 1 ? Promise.resolve(problem(429, { 'retry-after': '1' })) : undefined,
    );
    const started = Date.now();
    await t.client({ fetch: once.fetch, retry: { minDelay: 1, maxDelay: 5000 } }).contacts.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(once.seen).toHaveLength(2);

    const long = faulty(t.fetch, () => Promise.resolve(problem(429, { 'retry-after': '120' })));
    const error = await t
      .client({ fetch: long.fetch })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfter).toBe(120);
    expect(long.seen).toHaveLength(1);
  });

  it('rides out a 429 storm on the real server (rate limit), then fails typed when it lasts', async () => {
    const limited = await startServer({ capabilities: { rateLimit: { limit: 2, windowSeconds: 1 } } });
    try {
      // Every 429 moves the server's clock on by its Retry-After, as real time would.
      const net = faulty(limited.fetch, async (_seen, pass) => {
        const res = await pass();
        if (res.status === 429) limited.clock.advance({ seconds: Number(res.headers.get('retry-after')) });
        return res;
      });
      const crm = limited.client({ fetch: net.fetch, retry: { retries: 3, minDelay: 1, maxDelay: 2000 } });
      const created = [];
      for (let i = 0; i < 3; i++) created.push(await crm.contacts.create({ firstName: `Storm${i}` }));
      expect(created).toHaveLength(3);
      expect(net.seen.length).toBe(4); // two pass, the third hits the limit once, waits 1 s and passes.
      const counts = await Promise.all([0, 1, 2].map((i) => crm.contacts.list({ filter: { firstName: `Storm${i}` } })));
      expect(counts.map((p) => p.data.length)).toEqual([1, 1, 1]);

      const storm = faulty(limited.fetch, () => Promise.resolve(problem(429, { 'retry-after': '0' })));
      const error = await limited
        .client({ fetch: storm.fetch, retry: { retries: 4, minDelay: 1 } })
        .contacts.list()
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(storm.seen).toHaveLength(5);
    } finally {
      await limited.close();
    }
  });
});

describe('timeouts and cancellation', () => {
  it('times out a hung request with a TimeoutError and aborts the in-flight fetch', async () => {
    const net = faulty(t.fetch, () => hang());
    const started = Date.now();
    const error = await t
      .client({ fetch: net.fetch, timeout: 100 })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(net.seen[0]!.signal!.aborted).toBe(true);
    // A per-call timeout overrides the client's.
    const quick = await t
      .client({ fetch: net.fetch })
      .contacts.list({}, { timeout: 50 })
      .catch((e) => e);
    expect(quick).toBeInstanceOf(TimeoutError);
  });

  it('the timeout spans retries and cuts the backoff sleep short', async () => {
    const net = faulty(t.fetch, () => Promise.resolve(problem(503)));
    const started = Date.now();
    const error = await t
      .client({ fetch: net.fetch, timeout: 150, retry: { retries: 5, minDelay: 10_000, maxDelay: 10_000 } })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(net.seen).toHaveLength(1);
  });

  it('an AbortSignal cancels the in-flight fetch and the backoff, rejecting with its reason', async () => {
    const hung = faulty(t.fetch, () => hang());
    const controller = new AbortController();
    const pending = t.client({ fetch: hung.fetch }).contacts.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(hung.seen[0]!.signal!.aborted).toBe(true);

    const failing = faulty(t.fetch, () => Promise.resolve(problem(503)));
    const c2 = new AbortController();
    const started = Date.now();
    const sleeping = t
      .client({ fetch: failing.fetch, retry: { retries: 3, minDelay: 10_000, maxDelay: 10_000 } })
      .contacts.list({}, { signal: c2.signal });
    setTimeout(() => c2.abort(new Error('user left the page')), 30);
    await expect(sleeping).rejects.toThrow('user left the page');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('bad bodies are typed errors, never a TypeError', () => {
  it('malformed and truncated JSON in a success response are InvalidResponseErrors', async () => {
    const malformed = faulty(t.fetch, () => Promise.resolve(json(200, '{"data": [{"id": "con_1",')));
    const error = await t
      .client({ fetch: malformed.fetch })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/malformed JSON/);
    expect(malformed.seen).toHaveLength(1);

    // The body is cut mid-way by a connection reset: a GET is retried, and then succeeds.
    const truncated = faulty(t.fetch, async (_s, pass, call) => (call === 1 ? truncate(await pass(), 10) : undefined));
    await expect(t.client({ fetch: truncated.fetch }).contacts.list()).resolves.toMatchObject({ nextCursor: null });
    expect(truncated.seen).toHaveLength(2);
    // …and when every attempt is cut, it is a NetworkError.
    const cut = faulty(t.fetch, async (_s, pass) => truncate(await pass(), 10));
    await expect(t.client({ fetch: cut.fetch }).contacts.list()).rejects.toBeInstanceOf(NetworkError);
  });

  it('an HTML error page from a proxy is a ServerError with the status and the start of the page', async () => {
    const page = `<html><title>Bad gateway</title>${'<p>upstream timed out</p>'.repeat(100)}</html>`;
    const proxy = faulty(t.fetch, () =>
      Promise.resolve(new Response(page, { status: 502, headers: { 'content-type': 'text/html' } })),
    );
    const error = await t
      .client({ fetch: proxy.fetch, retry: false })
      .contacts.list()
      .catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, title: 'HTTP 502' });
    expect(error.responseBody).toBe(page.slice(0, 1024));
    // A problem document is kept as `problem`, not as a body excerpt.
    const problemError = await t
      .client({ fetch: faulty(t.fetch, () => Promise.resolve(problem(500))).fetch, retry: false })
      .contacts.list()
      .catch((e) => e);
    expect(problemError).toMatchObject({ status: 500, title: 'Injected 500', responseBody: undefined });
  });

  it('keeps the status of a response that arrived: malformed, cut off mid-body, or too slow', async () => {
    const login = '<!doctype html><title>Sign in to the corporate proxy</title>';
    const html = faulty(t.fetch, () => Promise.resolve(new Response(login, { status: 200 })));
    const invalid = await t
      .client({ fetch: html.fetch })
      .contacts.list()
      .catch((e) => e);
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect(invalid).toMatchObject({ status: 200, responseBody: login });

    const cut = faulty(t.fetch, async (_s, pass) => truncate(await pass(), 10));
    const network = await t
      .client({ fetch: cut.fetch, retry: false })
      .contacts.list()
      .catch((e) => e);
    expect(network).toBeInstanceOf(NetworkError);
    expect(network.status).toBe(200);

    // Headers came, then the body stalled.
    const stalled = faulty(t.fetch, () =>
      Promise.resolve(
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":[')) }), {
          status: 200,
        }),
      ),
    );
    const slow = await t
      .client({ fetch: stalled.fetch, timeout: 100 })
      .contacts.list()
      .catch((e) => e);
    expect(slow).toBeInstanceOf(TimeoutError);
    expect(slow.status).toBe(200);
    // No response at all: status 0.
    const hung = await t
      .client({ fetch: faulty(t.fetch, () => hang()).fetch, timeout: 50 })
      .contacts.list()
      .catch((e) => e);
    expect(hung).toMatchObject({ name: 'TimeoutError', status: 0 });
  });

  it('the raw client fails with the same typed errors', async () => {
    const malformed = faulty(t.fetch, () => Promise.resolve(json(200, 'not json')));
    await expect(
      t.client({ fetch: malformed.fetch }).raw.GET('/v1/contacts', { params: { query: {} } }),
    ).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('chaos: nothing lost, nothing duplicated, every failure typed', () => {
  it('creates 40 records through random 5xx, 429s and dropped connections before and after commit', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const net = faulty(t.fetch, async (_seen, pass) => {
      const r = random();
      if (r < 0.15) return problem(503); // before the server saw it
      if (r < 0.25) return problem(429, { 'retry-after': '0' });
      if (r < 0.35) return networkError(); // the connection failed before sending
      if (r < 0.5) {
        await pass(); // committed…
        return random() < 0.5 ? problem(500) : networkError(); // …but the answer was lost
      }
      if (r < 0.55) return truncate(await pass(), 5); // committed, answer cut mid-body
      return undefined;
    });
    // 55 % of attempts fail: with 8 retries one of 40 creates ran out about one run in six; with 20, once in ~10^4 runs.
    const crm = t.client({ fetch: net.fetch, retry: { retries: 20, minDelay: 1, maxDelay: 5 } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => crm.contacts.create({ firstName: 'Chaos', lastName: `N${i}` })),
    );
    const failures = outcomes.filter((o) => o.status === 'rejected');
    for (const f of failures) expect((f as PromiseRejectedResult).reason).toBeInstanceOf(CrmError);
    const stored = await t.client().contacts.list({ filter: { firstName: 'Chaos' }, limit: 200 });
    const lastNames = stored.data.map((c) => c.lastName).sort();
    // Each create succeeded exactly once on the server: none duplicated.
    expect(new Set(lastNames).size).toBe(lastNames.length);
    // Every create the client saw succeed is stored; with 20 retries none should have failed at all.
    expect(failures).toHaveLength(0);
    expect(lastNames).toHaveLength(40);
    expect(net.seen.length).toBeGreaterThan(40);
  });
});
