import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, type CrmEvent, InvalidResponseError, NotFoundError } from '../src/index.js';
import { readSse } from '../src/sse.js';
import { cuttable, faulty, sseResponse, truncate } from './faults.js';
import { eventually, startServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

/** Ids of every event of workspace A, from the database. */
const storedIds = async () =>
  (await t.db.query<{ id: number }>("SELECT seq AS id FROM events WHERE workspace_id = 'ws_a' ORDER BY seq")).rows.map(
    (r) => String(r.id),
  );

const events = (since?: number) => async () => (await storedIds()).filter((id) => since === undefined || +id > since);

/** Ids of the contact events of workspace A after `since`. */
const contactEvents = async (since: string) =>
  (
    await t.db.query<{ id: number }>(
      "SELECT seq AS id FROM events WHERE workspace_id = 'ws_a' AND type LIKE 'contact.%' AND seq > $1 ORDER BY seq",
      [since],
    )
  ).rows.map((r) => String(r.id));

/**
 * A network whose feed connections can be cut (`cut()` drops the newest), and that runs `beforeReconnect` — writes
 * committed while the client backs off — before it lets every later connection through.
 */
function feedNetwork(beforeReconnect: () => Promise<void>) {
  const cuts: (() => void)[] = [];
  const net = faulty(t.fetch, async (seen, pass) => {
    if (!seen.url.includes('/v1/events')) return undefined;
    if (cuts.length) await beforeReconnect();
    const { response, cut } = cuttable(await pass());
    cuts.push(cut);
    return response;
  });
  return { ...net, cut: () => cuts.at(-1)!(), connects: () => net.seen.filter((s) => s.url.includes('/v1/events')) };
}

describe('readSse', () => {
  const stream = (chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk));
        c.close();
      },
    });
  const read = async (chunks: string[]) => {
    const out = [];
    for await (const m of readSse(stream(chunks), new AbortController().signal)) out.push(m);
    return out;
  };
  const text =
    'retry: 2000\nid: 0\n\nid: 1\nevent: a\ndata: {"x":\ndata: 1}\n\r\n: keep-alive\n\nid: 2\r\ndata:two\r\n\r\nid: 3\n\n';

  it('parses ids, positions, multi-line data, comments and both line ends, however the stream is chunked', async () => {
    const expected = [
      { id: '0', data: undefined },
      { id: '1', data: '{"x":\n1}' },
      { id: '2', data: 'two' },
      { id: '3', data: undefined },
    ];
    expect(await read([text])).toEqual(expected);
    for (let i = 1; i < text.length; i++) expect(await read([text.slice(0, i), text.slice(i)])).toEqual(expected);
    expect(await read(text.split(''))).toEqual(expected);
  });

  it('drops an event the end of the stream cuts off', async () => {
    expect(await read(['id: 1\ndata: a\n\nid: 2\ndata: b\n'])).toEqual([{ id: '1', data: 'a' }]);
  });
});

describe('events.subscribe', () => {
  it('delivers committed changes in order, filtered by type, and stops on unsubscribe', async () => {
    const crm = t.client();
    const got: CrmEvent[] = [];
    let opened = 0;
    const unsubscribe = crm.events.subscribe((e) => void got.push(e), {
      types: ['contact.*'],
      // From the newest event now (without it the feed starts wherever the server is when it gets round to it).
      since: (await storedIds()).at(-1) ?? '0',
      onOpen: () => opened++,
    });
    await eventually(() => expect(opened).toBe(1));
    const c = await crm.contacts.create({ firstName: 'Live' });
    await crm.contacts.update(c.id, { title: 'Boss' });
    await crm.companies.create({ name: 'Not a contact' });
    await crm.contacts.remove(c.id);
    await eventually(() =>
      expect(got.map((e) => e.type)).toEqual(['contact.created', 'contact.updated', 'contact.deleted']),
    );
    expect(got[1]).toMatchObject({ resource: 'contacts', resourceId: c.id, data: { title: 'Boss' } });
    unsubscribe();
    await crm.contacts.create({ firstName: 'After' });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toHaveLength(3);
  });

  it('resumes after dropped connections with Last-Event-ID: nothing lost, nothing duplicated', async () => {
    const crm = t.client();
    const before = Number((await storedIds()).at(-1) ?? 0);
    for (let i = 0; i < 30; i++) await crm.contacts.create({ firstName: `Drop${i}` });
    // Each connection is cut after 2000 bytes: two and a half events (of about 750 bytes), so mid-event.
    const net = faulty(t.fetch, async (seen, pass) =>
      seen.url.includes('/v1/events') ? truncate(await pass(), 2000) : undefined,
    );
    const got: string[] = [];
    const errors: unknown[] = [];
    const unsubscribe = t.client({ fetch: net.fetch }).events.subscribe((e) => void got.push(e.id), {
      since: String(before),
      reconnect: { minDelay: 1, maxDelay: 5 },
      onError: (e) => errors.push(e),
    });
    const expected = await events(before)();
    expect(expected).toHaveLength(30);
    await eventually(() => expect(got).toEqual(expected), 10_000);
    unsubscribe();
    const connects = net.seen.filter((s) => s.url.includes('/v1/events'));
    expect(connects.length).toBeGreaterThan(3);
    // Every reconnect resumed after the last event delivered.
    expect(connects[0]!.headers.get('last-event-id')).toBe(String(before));
    expect(connects.slice(1).every((s) => Number(s.headers.get('last-event-id')) > before)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('loses nothing when the connection drops before its first event: what is committed meanwhile arrives once', async () => {
    const crm = t.client();
    await crm.contacts.create({ firstName: 'Before the feed' });
    const start = (await storedIds()).at(-1)!;
    const net = feedNetwork(async () => {
      for (let i = 0; i < 3; i++) await crm.contacts.create({ firstName: `During the backoff ${i}` });
    });
    const got: string[] = [];
    const positions: string[] = [];
    let opened = 0;
    const subscription = t.client({ fetch: net.fetch }).events.subscribe((e) => void got.push(e.id), {
      reconnect: { minDelay: 20, maxDelay: 20 },
      onPosition: (p) => positions.push(p),
      onOpen: () => opened++,
    });
    expect(subscription.position).toBeUndefined();
    // The stream states its position at once; no event has come yet when the connection drops.
    await eventually(() => expect(subscription.position).toBe(start));
    expect(got).toEqual([]);
    net.cut();
    await eventually(() => expect(opened).toBe(2));
    await crm.contacts.create({ firstName: 'After the reconnect' });
    const expected = await events(+start)();
    expect(expected).toHaveLength(4);
    await eventually(() => expect(got).toEqual(expected));
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toEqual(expected); // each exactly once
    const [first, second] = net.connects();
    expect(first!.headers.get('last-event-id')).toBeNull();
    expect(second!.headers.get('last-event-id')).toBe(start);
    expect(positions).toEqual([start, ...expected]);
    expect(subscription.position).toBe(expected.at(-1));
    subscription();
  });

  it('with a types filter too: the position moves past skipped events, and a reconnect resumes from there', async () => {
    const crm = t.client();
    const start = (await storedIds()).at(-1) ?? '0';
    const net = feedNetwork(async () => {
      await crm.contacts.create({ firstName: 'Filtered, during the backoff' });
      await crm.companies.create({ name: 'Skipped, during the backoff' });
    });
    const got: CrmEvent[] = [];
    const subscription = t.client({ fetch: net.fetch }).events.subscribe((e) => void got.push(e), {
      types: ['contact.*'],
      reconnect: { minDelay: 20, maxDelay: 20 },
    });
    await eventually(() => expect(subscription.position).toBe(start));
    // Events the filter skips move the position on, although nothing is delivered.
    await crm.companies.create({ name: 'Skipped' });
    const skipped = (await storedIds()).at(-1)!;
    await eventually(() => expect(subscription.position).toBe(skipped));
    expect(got).toEqual([]);
    net.cut();
    await eventually(() => expect(net.connects()).toHaveLength(2));
    expect(net.connects()[1]!.headers.get('last-event-id')).toBe(skipped);
    await crm.contacts.create({ firstName: 'Filtered, after the reconnect' });
    const expected = await contactEvents(start);
    expect(expected).toHaveLength(2);
    await eventually(() => expect(got.map((e) => e.id)).toEqual(expected));
    await new Promise((r) => setTimeout(r, 150));
    expect(got.map((e) => e.type)).toEqual(['contact.created', 'contact.created']);
    subscription();
  });

  it('carries on from a saved position with since (e.g. after a reload): exactly what came after it', async () => {
    const crm = t.client();
    const got: string[] = [];
    const first = crm.events.subscribe((e) => void got.push(e.id));
    await eventually(() => expect(first.position).toBeDefined());
    await crm.contacts.create({ firstName: 'Seen' });
    await eventually(() => expect(got).toHaveLength(1));
    first();
    const saved = first.position!;
    expect(saved).toBe(got[0]);
    await crm.contacts.create({ firstName: 'Missed 1' });
    await crm.contacts.create({ firstName: 'Missed 2' });
    const again: string[] = [];
    const second = crm.events.subscribe((e) => void again.push(e.id), { since: saved });
    expect(second.position).toBe(saved);
    const expected = await events(+saved)();
    await eventually(() => expect(again).toEqual(expected));
    second();
  });

  it('drops events a server resends (ids at or below the last delivered)', async () => {
    const crm = t.client();
    const before = Number((await storedIds()).at(-1) ?? 0);
    for (let i = 0; i < 5; i++) await crm.contacts.create({ firstName: `Dup${i}` });
    // A broken proxy ignores Last-Event-ID and replays the feed from the start, dropping the connection a little
    // later each time.
    let connection = 0;
    const net = faulty(t.fetch, async (seen) => {
      if (!seen.url.includes('/v1/events')) return undefined;
      const headers = new Headers(seen.headers);
      headers.set('last-event-id', String(before));
      const res = await t.fetch(seen.url, { headers, signal: seen.signal });
      return truncate(res, 1500 * ++connection);
    });
    const got: string[] = [];
    const unsubscribe = t.client({ fetch: net.fetch }).events.subscribe((e) => void got.push(e.id), {
      since: String(before),
      reconnect: { minDelay: 1, maxDelay: 5 },
    });
    const expected = await events(before)();
    await eventually(() => expect(got).toEqual(expected));
    unsubscribe();
    expect(connection).toBeGreaterThan(2); // each replayed what had already been delivered
  });

  it('reconnects when the stream goes quiet, and reports a malformed event without stopping', async () => {
    let connects = 0;
    const fetch = async (input: string, init: RequestInit) => {
      if (!input.includes('/v1/events')) return t.fetch(input, init);
      connects++;
      if (connects === 1)
        return sseResponse(['id: 1\ndata: {"id":"1","type":"contact.created"}\n\n', 'id: 2\ndata: {oops\n\n']);
      return sseResponse(['id: 3\ndata: {"id":"3","type":"contact.updated"}\n\n'], true);
    };
    const got: string[] = [];
    const errors: unknown[] = [];
    const unsubscribe = t.client({ fetch }).events.subscribe((e) => void got.push(e.id), {
      idleTimeout: 100,
      reconnect: { minDelay: 1, maxDelay: 5 },
      onError: (e) => errors.push(e),
    });
    await eventually(() => expect(got).toEqual(['1', '3']));
    unsubscribe();
    expect(errors[0]).toBeInstanceOf(InvalidResponseError);
    expect(errors.some((e) => (e as Error).message.includes('idle'))).toBe(true);
  });

  it('keeps delivering when the handler throws, reporting the error', async () => {
    let n = 0;
    const fetch = async () => sseResponse(['id: 1\ndata: {"id":"1"}\n\nid: 2\ndata: {"id":"2"}\n\n']);
    const errors: unknown[] = [];
    const unsubscribe = t.client({ fetch }).events.subscribe(
      () => {
        n++;
        throw new Error('handler bug');
      },
      { onError: (e) => errors.push(e) },
    );
    await eventually(() => expect(n).toBe(2));
    unsubscribe();
    expect(errors).toEqual([new Error('handler bug'), new Error('handler bug')]);
  });

  it('ends the subscription on 401 (after a token refresh) and on a server without the change feed', async () => {
    const errors: unknown[] = [];
    let tokens = 0;
    const getToken = () => `eyJ.bad-token-${++tokens}.x`;
    t.client({ auth: { getToken } }).events.subscribe(() => {}, { onError: (e) => errors.push(e) });
    await eventually(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toBeInstanceOf(AuthError);
    expect(tokens).toBe(2);

    const core = await startServer({ capabilities: { events: false } });
    try {
      const coreErrors: unknown[] = [];
      core.client().events.subscribe(() => {}, { onError: (e) => coreErrors.push(e) });
      await eventually(() => expect(coreErrors).toHaveLength(1));
      expect(coreErrors[0]).toBeInstanceOf(NotFoundError);
      await new Promise((r) => setTimeout(r, 50));
      expect(coreErrors).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('unsubscribes through an AbortSignal, aborting the open connection', async () => {
    const net = faulty(t.fetch, () => undefined);
    const controller = new AbortController();
    let opened = false;
    t.client({ fetch: net.fetch }).events.subscribe(() => {}, {
      signal: controller.signal,
      onOpen: () => {
        opened = true;
      },
    });
    await eventually(() => expect(opened).toBe(true));
    controller.abort();
    expect(net.seen[0]!.signal!.aborted).toBe(true);
  });
});
