import type { CrmEvent } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { type EventStream, openEventStream, type SseEvent } from '../base/sse.js';
import { defineCheck } from './check.js';

/** How long a write may take to reach a live feed. */
const WAIT_MS = 5000;
/** How long a resumed feed may take to replay events that were already committed. */
const RESUME_WAIT_MS = 2500;
/** How soon a new connection must state its position. */
const POSITION_WAIT_MS = 1500;
/** How often, at least, a stream states its position (docs/api-contract.md: the heartbeat), with some slack. */
const HEARTBEAT_WAIT_MS = 35_000;
/** A filter that matches nothing the position check writes. */
const SKIPPING = 'pipeline.deleted';

/** Reads events until one matches; returns it and everything read on the way. */
async function waitFor(
  stream: EventStream,
  match: (e: CrmEvent) => boolean,
  waitMs = WAIT_MS,
): Promise<{ found: CrmEvent | null; seen: SseEvent[] }> {
  const seen: SseEvent[] = [];
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    const e = await stream.next(deadline - Date.now());
    if (!e) break;
    seen.push(e);
    try {
      const data = JSON.parse(e.data) as CrmEvent;
      if (match(data)) return { found: data, seen };
    } catch {}
  }
  return { found: null, seen };
}

/** Validates the events read: CrmEvent bodies, SSE ids equal to the event ids, increasing. */
function checkEvents(ctx: CheckContext, stream: EventStream, events: SseEvent[], after: number): void {
  let last = after;
  for (const e of events) {
    let data: CrmEvent;
    try {
      data = JSON.parse(e.data) as CrmEvent;
    } catch {
      ctx.fail(`an event's data is not JSON: ${e.data.slice(0, 80)}`, stream.exchange());
      continue;
    }
    ctx.expectSchema('CrmEvent', data, `event ${e.id}`, stream.exchange(e.data));
    if (e.id !== data.id)
      ctx.fail(`the SSE id ${e.id} differs from the event's id ${data.id}`, stream.exchange(e.data));
    const n = Number(data.id);
    if (!(n > last)) ctx.fail(`event id ${data.id} does not come after ${last}`, stream.exchange(e.data));
    last = Math.max(last, n);
  }
}

export const eventChecks = [
  defineCheck({
    id: 'events.sse',
    area: 'events',
    title: 'The change feed delivers each write, and Last-Event-ID resumes with only later events',
    level: 'full',
    capability: 'events',
    rule: RULES.events,
    async run(ctx) {
      const f = ctx.fixtures;
      const live = await openEventStream(ctx.api, {});
      if (live.status !== 200 || !/^text\/event-stream\b/i.test(live.contentType ?? '')) {
        ctx.abort(
          `GET /v1/events answered ${live.status} ${live.contentType ?? ''}, expected 200 text/event-stream`,
          live.exchange(),
        );
      }
      if (!(await live.opened(1500))) await sleep(300);
      const contact = await f.create('contacts', await f.body('contacts', 0, f.token()));
      const created = await waitFor(live, (e) => e.resourceId === contact.id && e.type === 'contact.created');
      checkEvents(ctx, live, created.seen, 0);
      if (!created.found) {
        await live.close();
        return ctx.abort(
          `no contact.created event for ${contact.id} within ${WAIT_MS / 1000} s of the write`,
          live.exchange(),
        );
      }
      await ctx.api.patch(`/v1/contacts/${contact.id}`, f.patch('contacts', 1));
      const updated = await waitFor(live, (e) => e.resourceId === contact.id && e.type === 'contact.updated');
      checkEvents(ctx, live, updated.seen, Number(created.found.id));
      await live.close();
      if (!updated.found) return ctx.abort(`no contact.updated event for ${contact.id} after a PATCH`, live.exchange());
      const mark = updated.found.id;

      // While nobody listens: two more writes.
      await ctx.api.patch(`/v1/contacts/${contact.id}`, f.patch('contacts', 2));
      const second = await f.create('contacts', await f.body('contacts', 1, f.token()));
      // Both ways to resume, read side by side: the missed events are already committed and due at once.
      const ways = [
        ['Last-Event-ID', { lastEventId: mark }],
        ['?since=', { query: query({ since: mark }) }],
      ] as const;
      const resumed = await Promise.all(ways.map(([, opts]) => openEventStream(ctx.api, opts)));
      const reads = await Promise.all(
        resumed.map((s) =>
          waitFor(s, (e) => e.resourceId === second.id && e.type === 'contact.created', RESUME_WAIT_MS),
        ),
      );
      await Promise.all(resumed.map((s) => s.close()));
      ways.forEach(([how], i) => {
        const stream = resumed[i]!;
        const got = reads[i]!;
        if (!ctx.expectStatus(stream.exchange(), [200], `GET /v1/events with ${how} ${mark}`)) return;
        checkEvents(ctx, stream, got.seen, Number(mark));
        const parsed = got.seen.flatMap((e) => {
          try {
            return [JSON.parse(e.data) as CrmEvent];
          } catch {
            return [];
          }
        });
        const early = parsed.filter((e) => Number(e.id) <= Number(mark));
        if (early.length)
          ctx.fail(
            `resuming with ${how} ${mark} replayed earlier events ${early.map((e) => e.id).join(', ')}`,
            stream.exchange(),
          );
        if (
          !parsed.some(
            (e) => e.resourceId === contact.id && e.type === 'contact.updated' && Number(e.id) > Number(mark),
          )
        ) {
          ctx.fail(
            `resuming with ${how} ${mark} did not deliver the contact.updated written while disconnected`,
            stream.exchange(),
          );
        }
        if (!got.found)
          ctx.fail(`resuming with ${how} ${mark} did not deliver contact.created of ${second.id}`, stream.exchange());
      });
      const bad = await openEventStream(ctx.api, { lastEventId: 'not-an-id' });
      await bad.close();
      if (bad.status !== 400)
        ctx.fail(
          `GET /v1/events with Last-Event-ID "not-an-id" answered ${bad.status}, expected a 400 problem`,
          bad.exchange(),
        );
    },
  }),
  defineCheck({
    id: 'events.position',
    area: 'events',
    title: 'The change feed states its position from its first bytes, also past events a types filter skips',
    level: 'full',
    capability: 'events',
    rule: RULES.eventPosition,
    async run(ctx) {
      const ways = [
        ['GET /v1/events', {}],
        [`GET /v1/events?types=${SKIPPING}`, { query: query({ types: SKIPPING }) }],
      ] as const;
      const [all, filtered] = await Promise.all(ways.map(([, opts]) => openEventStream(ctx.api, opts)));
      try {
        let stated = true;
        for (const [i, [how]] of ways.entries()) {
          const stream = [all, filtered][i]!;
          if (stream.status !== 200) return ctx.abort(`${how} answered ${stream.status}`, stream.exchange());
          if (!(await stream.positionReached(POSITION_WAIT_MS, () => true))) {
            stated = false;
            ctx.fail(
              `${how} stated no position (an \`id:\` line) within ${POSITION_WAIT_MS / 1000} s of connecting: a client whose connection drops before its first event cannot resume without losing what was committed meanwhile`,
              stream.exchange(),
            );
          }
        }
        // Waiting up to a heartbeat for the filtered position tells nothing more about a stream that states none.
        if (!stated) return;
        const contact = await ctx.fixtures.create(
          'contacts',
          await ctx.fixtures.body('contacts', 0, ctx.fixtures.token()),
        );
        const created = await waitFor(all!, (e) => e.resourceId === contact.id && e.type === 'contact.created');
        if (!created.found) return ctx.abort(`no contact.created event for ${contact.id}`, all!.exchange());
        const id = Number(created.found.id);
        if (!(await filtered!.positionReached(HEARTBEAT_WAIT_MS, (p) => Number(p) >= id))) {
          ctx.fail(
            `${ways[1][0]} did not move its position to event ${id}, which its filter skips, within ${HEARTBEAT_WAIT_MS / 1000} s: a filtered client would resume from before it, however long the filter matches nothing`,
            filtered!.exchange(),
          );
        }
      } finally {
        await Promise.all([all?.close(), filtered?.close()]);
      }
    },
  }),
];
