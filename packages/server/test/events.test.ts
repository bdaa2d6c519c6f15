import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/** The change feed: `GET /v1/events` as Server-Sent Events, read incrementally from the in-process server. */

interface Frame {
  id?: string;
  event?: string;
  data?: unknown;
}

/** An SSE client over `server.fetch`: parses frames as they arrive; `close()` aborts the request and the body. */
class SseClient {
  readonly frames: Frame[] = [];
  /** The ids of blocks without data: the positions the stream stated. */
  readonly positions: string[] = [];
  status = 0;
  contentType: string | null = null;
  ended = false;
  private readonly abort = new AbortController();
  private reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  private pump: Promise<void> = Promise.resolve();
  private notify: (() => void) | null = null;

  static async open(t: TestServer, key: string, query = '', headers: Record<string, string> = {}) {
    const client = new SseClient();
    const res = await t.server.fetch(
      new Request(`http://crm.test/v1/events${query}`, {
        headers: { authorization: `Bearer ${key}`, ...headers },
        signal: client.abort.signal,
      }),
    );
    client.status = res.status;
    client.contentType = res.headers.get('content-type');
    if (res.status !== 200) {
      client.ended = true;
      return { client, body: await res.json() };
    }
    client.reader = res.body!.getReader();
    client.pump = client.read();
    open.add(client);
    return { client, body: null };
  }

  private async read() {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await this.reader!.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':') || line === '') continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'id') frame.id = value;
            else if (field === 'event') frame.event = value;
            else if (field === 'data') frame.data = JSON.parse(value);
          }
          if (frame.event) this.frames.push(frame);
          else if (frame.id) this.positions.push(frame.id);
          end = buffer.indexOf('\n\n');
        }
        this.notify?.();
      }
    } catch {
      // Aborted.
    } finally {
      this.ended = true;
      this.notify?.();
    }
  }

  /** Waits until `count` events have arrived (or fails after `ms`). */
  async waitFor(count: number, ms = 5000): Promise<Frame[]> {
    await this.until(() => this.frames.length >= count, `${count} events`, ms);
    return this.frames.slice(0, count);
  }

  /** Waits until `done()` holds as frames arrive (or fails after `ms`). */
  async until(done: () => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!done()) {
      const got = `${this.frames.length} events, positions ${this.positions.join()}`;
      if (this.ended) throw new Error(`stream ended waiting for ${what} (${got})`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (${got})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.notify = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.notify = null;
    }
  }

  /** Lets the server deliver anything still in flight, then returns what arrived. */
  async settle(ms = 300): Promise<Frame[]> {
    await new Promise((r) => setTimeout(r, ms));
    return this.frames;
  }

  async close() {
    this.abort.abort();
    await this.reader?.cancel().catch(() => {});
    await this.pump;
    open.delete(this);
  }
}

const open = new Set<SseClient>();
let t: TestServer;
let key: string;

beforeAll(async () => {
  t = await startTestServer();
  key = t.a.keys.admin;
});
afterEach(async () => {
  for (const c of [...open]) await c.close();
});
afterAll(() => t.close());

const listeners = (ws: string) =>
  (t.server.context.events as unknown as { listeners: Map<string, Set<unknown>> }).listeners.get(ws)?.size ?? 0;

describe('GET /v1/events', () => {
  it('streams contact.created and contact.updated with monotonic ids', async () => {
    const { client } = await SseClient.open(t, key);
    expect(client.status).toBe(200);
    expect(client.contentType).toMatch(/^text\/event-stream/);
    const created = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Lan' });
    await t.call(key, 'PATCH', `/v1/contacts/${created.body.id}`, { title: 'CEO' });
    await t.call(t.a.keys.agent, 'PATCH', `/v1/contacts/${created.body.id}`, { title: 'CTO' });
    const frames = await client.waitFor(3);
    expect(frames.map((f) => f.event)).toEqual(['contact.created', 'contact.updated', 'contact.updated']);
    const ids = frames.map((f) => Number(f.id));
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    expect(ids[2]).toBeGreaterThan(ids[1]!);
    expect(frames[0]!.data).toMatchObject({
      id: frames[0]!.id,
      type: 'contact.created',
      resource: 'contacts',
      resourceId: created.body.id,
      actorId: t.a.users['admin@a.test'],
      data: { id: created.body.id, firstName: 'Lan', version: 1 },
    });
    expect(frames[2]!.data).toMatchObject({ actorId: t.a.users['agent@a.test'], data: { title: 'CTO', version: 3 } });
  });

  it('starts at the present without Last-Event-ID', async () => {
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Before' });
    const { client } = await SseClient.open(t, key);
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'After' });
    const [frame] = await client.waitFor(1);
    expect((frame!.data as { data: { firstName: string } }).data.firstName).toBe('After');
    expect(await client.settle()).toHaveLength(1);
  });

  it('resumes with Last-Event-ID: only later events, none lost, no duplicates', async () => {
    const { client } = await SseClient.open(t, key);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await t.call(key, 'POST', '/v1/contacts', { firstName: `R${i}` })).body.id);
    const first = await client.waitFor(5);
    await client.close();
    // While disconnected.
    for (let i = 5; i < 8; i++) made.push((await t.call(key, 'POST', '/v1/contacts', { firstName: `R${i}` })).body.id);
    const resumeFrom = first[2]!.id!;
    const { client: again } = await SseClient.open(t, key, '', { 'last-event-id': resumeFrom });
    const rest = await again.waitFor(5);
    expect(rest.map((f) => (f.data as { resourceId: string }).resourceId)).toEqual(made.slice(3));
    expect(rest.every((f) => Number(f.id) > Number(resumeFrom))).toBe(true);
    expect(new Set(rest.map((f) => f.id)).size).toBe(5);
    expect(await again.settle()).toHaveLength(5);
    // `since` is the same as Last-Event-ID.
    const { client: since } = await SseClient.open(t, key, `?since=${first[4]!.id}`);
    expect((await since.waitFor(3)).map((f) => (f.data as { resourceId: string }).resourceId)).toEqual(made.slice(5));
  });

  it('states its position from its first bytes, and moves it past events a types filter skips', async () => {
    const newest = async () =>
      String(
        (await t.db.query<{ id: number }>("SELECT max(seq) AS id FROM events WHERE workspace_id = 'ws_a'")).rows[0]!.id,
      );
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Before the feed' });
    const start = await newest();
    const { client } = await SseClient.open(t, key, '?types=deal.*');
    await client.until(() => client.positions.length > 0, 'a position');
    expect(client.positions[0]).toBe(start);
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Filtered out' });
    await t.call(key, 'POST', '/v1/companies', { name: 'Filtered out too' });
    const skipped = await newest();
    expect(Number(skipped)).toBeGreaterThan(Number(start));
    await client.until(() => client.positions.at(-1) === skipped, `position ${skipped}`);
    expect(client.frames).toHaveLength(0);
    // A resumed stream states where it resumes.
    const { client: resumed } = await SseClient.open(t, key, '', { 'last-event-id': start });
    await resumed.until(() => resumed.positions.length > 0, 'a position');
    expect(resumed.positions[0]).toBe(start);
    const replayed = (await resumed.waitFor(2)).map((f) => Number(f.id));
    expect(replayed[0]).toBeGreaterThan(Number(start));
    expect(replayed[1]).toBe(Number(skipped));
  });

  it('delivers a burst of events in order', async () => {
    const { client } = await SseClient.open(t, key);
    const res = await t.call(key, 'POST', '/v1/contacts/batch', {
      operations: Array.from({ length: 40 }, (_, i) => ({ op: 'create', data: { firstName: `Burst ${i}` } })),
    });
    const frames = await client.waitFor(40);
    expect(frames.map((f) => (f.data as { resourceId: string }).resourceId)).toEqual(
      res.body.results.map((r: { data: { id: string } }) => r.data.id),
    );
    const ids = frames.map((f) => Number(f.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('filters by types=contact.*', async () => {
    const { client } = await SseClient.open(t, key, '?types=contact.*');
    const { client: exact } = await SseClient.open(t, key, '?types=company.created,contact.deleted');
    const company = await t.call(key, 'POST', '/v1/companies', { name: 'Acme' });
    await t.call(key, 'PATCH', `/v1/companies/${company.body.id}`, { industry: 'Retail' });
    const contact = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Typed' });
    await t.call(key, 'DELETE', `/v1/contacts/${contact.body.id}`);
    expect((await client.waitFor(2)).map((f) => f.event)).toEqual(['contact.created', 'contact.deleted']);
    expect((await exact.waitFor(2)).map((f) => f.event)).toEqual(['company.created', 'contact.deleted']);
    expect(await client.settle()).toHaveLength(2);
    expect(exact.frames).toHaveLength(2);
  });

  it("never shows one workspace's events to another", async () => {
    const { client: b } = await SseClient.open(t, t.b.keys.admin);
    const { client: a } = await SseClient.open(t, key);
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Secret of A' });
    await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'Marker of B' });
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Another secret of A' });
    const [marker] = await b.waitFor(1);
    expect((marker!.data as { data: { firstName: string } }).data.firstName).toBe('Marker of B');
    await a.waitFor(2);
    await b.settle();
    expect(b.frames).toHaveLength(1);
    expect(JSON.stringify(b.frames)).not.toContain('of A');
    expect(JSON.stringify(a.frames)).not.toContain('of B');
    // Resuming B from 0 replays only B's history.
    const { client: replay } = await SseClient.open(t, t.b.keys.admin, '', { 'last-event-id': '0' });
    await replay.settle();
    expect(replay.frames.length).toBeGreaterThan(0);
    expect(replay.frames.every((f) => (f.data as { resourceId: string }).resourceId !== undefined)).toBe(true);
    expect(JSON.stringify(replay.frames)).not.toContain('of A');
  });

  it('is readable by every role, including embed tokens', async () => {
    const { client } = await SseClient.open(t, t.a.keys.viewer);
    expect(client.status).toBe(200);
    const minted = await t.call(key, 'POST', '/v1/embed-tokens', { userId: t.a.users['agent@a.test'] });
    const { client: embedded } = await SseClient.open(t, minted.body.token);
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'Seen by all' });
    await client.waitFor(1);
    await embedded.waitFor(1);
  });

  it('ends cleanly on abort and unsubscribes', async () => {
    const before = listeners('ws_a');
    const { client } = await SseClient.open(t, key);
    await t.call(key, 'POST', '/v1/contacts', { firstName: 'x' });
    await client.waitFor(1);
    expect(listeners('ws_a')).toBe(before + 1);
    await client.close();
    expect(client.ended).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(listeners('ws_a')).toBe(before);
    // The server keeps serving and later writes are fine.
    expect((await t.call(key, 'POST', '/v1/contacts', { firstName: 'y' })).status).toBe(201);
  });

  it('answers 400 for a malformed Last-Event-ID and 401 without a key', async () => {
    const { client, body } = await SseClient.open(t, key, '', { 'last-event-id': 'abc' });
    expect(client.status).toBe(400);
    expect(body).toMatchObject({ status: 400, errors: [{ path: 'Last-Event-ID' }] });
    const res = await t.server.fetch(new Request('http://crm.test/v1/events'));
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  it('is a 404 problem when the capability is off', async () => {
    const core = await startTestServer({ capabilities: { events: false } });
    try {
      const res = await core.call(core.a.keys.admin, 'GET', '/v1/events');
      expectProblem(res, 404);
      // Writes still work and leave no events behind.
      await core.call(core.a.keys.admin, 'POST', '/v1/contacts', { firstName: 'No feed' });
      const { rows } = await core.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await core.close();
    }
  });
});
