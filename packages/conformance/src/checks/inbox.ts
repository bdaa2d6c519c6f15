import type { Ticket, TicketMessage, TicketPresence } from '@crmkit/spec';
import type { ApiRecord } from '../base/fixtures.js';
import { query, sleep } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

type Page<T> = { data?: T[] };
const ids = (body: unknown) => ((body as Page<{ id: string }>)?.data ?? []).map((x) => x.id);

export const inboxChecks = [
  defineCheck({
    id: 'inbox.presence-expiry',
    area: 'inbox',
    title: 'Presence is listed until it expires without a heartbeat',
    level: 'core',
    rule: RULES.presence,
    async run(ctx) {
      if (!ctx.enabled('tickets')) return ctx.skip('the tickets module is switched off');
      if (!ctx.me.user) return ctx.skip('the token acts as no user, so it cannot be present');
      const ticket = await ctx.fixtures.ticket();
      const path = `/v1/tickets/${ticket.id}/presence`;
      const set = await ctx.api.post(path, { state: 'replying', ttlSeconds: 5 });
      ctx.requireStatus(set, [200], 'POST presence');
      const mine = (p: TicketPresence) => p.userId === ctx.me.user!.id && p.ticketId === ticket.id;
      const listed = await ctx.api.get(path);
      if (!((listed.body as Page<TicketPresence>).data ?? []).some((p) => mine(p) && p.state === 'replying')) {
        ctx.fail('the ticket does not list the presence just announced', listed);
      }
      const all = await ctx.api.get('/v1/tickets/presence');
      if (!((all.body as Page<TicketPresence>).data ?? []).some(mine)) {
        ctx.fail('GET /v1/tickets/presence does not list the presence just announced', all);
      }
      await sleep(6500);
      for (const ex of [await ctx.api.get(path), await ctx.api.get('/v1/tickets/presence')]) {
        if (((ex.body as Page<TicketPresence>).data ?? []).some(mine)) {
          ctx.fail('a presence is still listed after its ttlSeconds passed without a heartbeat', ex);
        }
      }
      await ctx.api.post(path, { state: 'viewing', ttlSeconds: 60 });
      const left = await ctx.api.delete(path);
      ctx.requireStatus(left, [200], 'DELETE presence');
      if (((left.body as Page<TicketPresence>).data ?? []).some(mine))
        ctx.fail('DELETE did not end the presence', left);
    },
  }),
  defineCheck({
    id: 'inbox.stale-reply',
    area: 'inbox',
    title: 'A reply to a thread that changed since it was read is held back',
    level: 'core',
    rule: RULES.staleReply,
    async run(ctx) {
      if (!ctx.enabled('tickets')) return ctx.skip('the tickets module is switched off');
      const ticket = await ctx.fixtures.ticket();
      const path = `/v1/tickets/${ticket.id}/messages`;
      const thread = await ctx.api.get(path);
      const seen = ((thread.body as Page<TicketMessage>).data ?? []).at(-1)?.id ?? null;
      const note = await ctx.api.post(path, { kind: 'note', body: 'conformance: arrived meanwhile' });
      ctx.requireStatus(note, [201], 'POST a note');
      const stale = await ctx.api.post(path, { kind: 'reply', body: 'conformance: stale', lastSeenMessageId: seen });
      const newMessages = (stale.body as { newMessages?: TicketMessage[] })?.newMessages ?? [];
      if (stale.status !== 409 || !String((stale.body as { type?: string })?.type).endsWith('/stale-thread')) {
        ctx.fail(`a stale reply answered ${stale.status}, expected a 409 stale-thread problem`, stale);
      } else if (!newMessages.some((m) => m.id === (note.body as ApiRecord).id)) {
        ctx.fail('the stale-thread problem does not list the message that arrived', stale);
      }
      const after = await ctx.api.get(path);
      const bodies = ((after.body as Page<TicketMessage>).data ?? []).map((m) => m.bodyText);
      if (bodies.includes('conformance: stale')) ctx.fail('the refused reply was posted anyway', after);
      const resent = await ctx.api.post(path, {
        kind: 'reply',
        body: 'conformance: sent',
        lastSeenMessageId: (note.body as ApiRecord).id,
      });
      if (resent.status !== 201) ctx.fail(`a reply with the newest id answered ${resent.status}, expected 201`, resent);
    },
  }),
  defineCheck({
    id: 'inbox.snooze',
    area: 'inbox',
    title: 'A snoozed ticket wakes on its requester’s reply',
    level: 'core',
    rule: RULES.snooze,
    async run(ctx) {
      if (!ctx.enabled('tickets')) return ctx.skip('the tickets module is switched off');
      const ticket = await ctx.fixtures.ticket({ status: 'open', assigneeId: null });
      const path = `/v1/tickets/${ticket.id}`;
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const snoozed = await ctx.api.patch(path, { snooze: { until } });
      ctx.requireStatus(snoozed, [200], 'PATCH snooze');
      if (!(snoozed.body as Ticket).snooze) ctx.fail('a snoozed ticket has snooze: null', snoozed);
      const tag = (ticket.tags as string[])[0]!;
      const listed = async (view: string) =>
        ids((await ctx.api.get(`/v1/tickets${query({ view, 'filter[tags]': tag, limit: 200 })}`)).body);
      if (!(await listed('snoozed')).includes(ticket.id)) ctx.fail('view=snoozed does not list the snoozed ticket');
      if ((await listed('open')).includes(ticket.id)) ctx.fail('view=open lists a snoozed ticket');
      const reply = await ctx.api.post(`${path}/messages`, { kind: 'reply', authorType: 'contact', body: 'any news?' });
      ctx.requireStatus(reply, [201], 'POST a reply from the requester');
      const woken = await ctx.api.get(path);
      if ((woken.body as Ticket).snooze !== null) ctx.fail('the requester’s reply did not wake the ticket', woken);
      if (!(await listed('open')).includes(ticket.id)) ctx.fail('view=open does not list the woken ticket');
    },
  }),
  defineCheck({
    id: 'inbox.merge',
    area: 'inbox',
    title: 'Merging tickets is atomic',
    level: 'core',
    rule: RULES.merge,
    async run(ctx) {
      if (!ctx.enabled('tickets')) return ctx.skip('the tickets module is switched off');
      const [keep, dup] = [await ctx.fixtures.ticket(), await ctx.fixtures.ticket()];
      const before = await ctx.api.get(`/v1/tickets/${dup.id}`);
      const failed = await ctx.api.post(`/v1/tickets/${keep.id}/merge`, {
        sourceIds: [dup.id, 'tkt_conformance0missing'],
      });
      if (failed.status < 400 || failed.status >= 500) {
        ctx.fail(`a merge with a missing source answered ${failed.status}, expected a 4xx problem`, failed);
      }
      const after = await ctx.api.get(`/v1/tickets/${dup.id}`);
      if (JSON.stringify(after.body) !== JSON.stringify(before.body)) {
        ctx.fail('a failed merge changed a source ticket', after);
      }
      const merged = await ctx.api.post(`/v1/tickets/${keep.id}/merge`, { sourceIds: [dup.id] });
      ctx.requireStatus(merged, [200], 'POST merge');
      const closed = (await ctx.api.get(`/v1/tickets/${dup.id}`)).body as Ticket;
      if (closed.status !== 'closed' || closed.mergedIntoId !== keep.id) {
        ctx.fail(`a merged ticket is ${closed.status} with mergedIntoId ${closed.mergedIntoId}`);
      }
      const thread = await ctx.api.get(`/v1/tickets/${keep.id}/messages${query({ limit: 200 })}`);
      if (((thread.body as Page<TicketMessage>).data ?? []).length < 2) {
        ctx.fail('the surviving thread does not hold the merged ticket’s message', thread);
      }
    },
  }),
];
