import type { SlaPolicy } from '@crmkit/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** 24×7 in UTC: business time is wall time, so due times are easy to read. */
const calendar = { id: 'cal_all', name: 'Always', timeZone: 'UTC', weeklyHours: [], holidays: [] };
const policy: SlaPolicy = {
  id: 'sla_std',
  name: 'Standard',
  position: 0,
  calendarId: 'cal_all',
  conditions: {},
  targets: {
    low: { firstResponseMinutes: 240, nextResponseMinutes: 240, resolutionMinutes: 2880 },
    normal: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 },
    high: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
    urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 240 },
  },
  warnBeforeMinutes: 10,
};
const START = '2026-11-23T02:00:00.000Z';

let t: TestServer;
let requesterId: string;
let agentId: string;

const call = (method: string, path: string, body?: unknown, key = t.a.keys.agent) => t.call(key, method, path, body);
async function ticket(body: Record<string, unknown> = {}) {
  const res = await call('POST', '/v1/tickets', { subject: 'Inbox', requesterId, description: 'Please help', ...body });
  expect(res.status).toBe(201);
  return res.body;
}
async function events(type: string, resourceId?: string) {
  const { rows } = await t.db.query<{ data: any }>(
    `SELECT data FROM events WHERE workspace_id = 'ws_a' AND type = $1 ${resourceId ? 'AND resource_id = $2' : ''} ORDER BY id`,
    resourceId ? [type, resourceId] : [type],
  );
  return rows.map((r) => r.data);
}
const views = async (key = t.a.keys.agent) => (await call('GET', '/v1/tickets/views', undefined, key)).body.counts;
const listed = async (view: string, key = t.a.keys.agent) =>
  ((await call('GET', `/v1/tickets?view=${view}&limit=200`, undefined, key)).body.data as { id: string }[]).map(
    (x) => x.id,
  );

beforeAll(async () => {
  t = await startTestServer({ now: START, settings: { businessCalendars: [calendar], slaPolicies: [policy] } });
  requesterId = (await call('POST', '/v1/contacts', { firstName: 'Lan' })).body.id;
  agentId = t.a.users['agent@a.test']!;
});
beforeEach(async () => {
  t.clock.set(START);
  await t.db.query("DELETE FROM tickets WHERE workspace_id = 'ws_a'");
});
afterAll(() => t.close());

describe('inbox views', () => {
  it('counts each view without listing it, and lists exactly what it counts', async () => {
    const mine = await ticket({ assigneeId: agentId });
    const unassigned = await ticket({ priority: 'urgent' });
    const solved = await ticket({ assigneeId: agentId, status: 'solved' });
    t.clock.advance({ minutes: 50 }); // normal: first response due at +60, at risk from +50; urgent breached at +15
    expect(await views()).toEqual({
      mine: 1,
      team: 0,
      unassigned: 1,
      open: 2,
      atRisk: 1,
      breached: 1,
      snoozed: 0,
      solved: 1,
    });
    expect(await listed('mine')).toEqual([mine.id]);
    expect(await listed('atRisk')).toEqual([mine.id]);
    // Breached before any sweep flagged it: the due time passed.
    expect(await listed('breached')).toEqual([unassigned.id]);
    expect(await listed('solved')).toEqual([solved.id]);
    const bad = await call('GET', '/v1/tickets?view=everything');
    expect(bad.status).toBe(400);
  });

  it('sorts by priority as severity, not alphabetically', async () => {
    for (const priority of ['normal', 'urgent', 'low', 'high']) await ticket({ priority, subject: priority });
    const res = await call('GET', '/v1/tickets?sort=-priority');
    expect(res.body.data.map((x: { priority: string }) => x.priority)).toEqual(['urgent', 'high', 'normal', 'low']);
  });
});

describe('snooze', () => {
  it('snoozes until a time and wakes by the sweep, once, with an event', async () => {
    const tk = await ticket({ assigneeId: agentId });
    const until = new Date(Date.parse(START) + 3_600_000).toISOString();
    const snoozed = await call('PATCH', `/v1/tickets/${tk.id}`, { snooze: { until } });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.snooze).toEqual({ until, since: START, by: agentId });
    expect(await listed('mine')).toEqual([]);
    expect(await listed('snoozed')).toEqual([tk.id]);
    expect((await events('ticket.snoozed', tk.id)).length).toBe(1);
    const past = await call('PATCH', `/v1/tickets/${tk.id}`, { snooze: { until: START } });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe('snooze.until');

    t.clock.advance({ minutes: 59 });
    expect((await t.server.sweep()).woken).toBe(0);
    t.clock.advance({ minutes: 1 });
    expect((await t.server.sweep()).woken).toBe(1);
    expect((await t.server.sweep()).woken).toBe(0);
    const woke = await events('ticket.unsnoozed', tk.id);
    expect(woke).toHaveLength(1);
    expect(woke[0]).toMatchObject({ id: tk.id, snooze: null, wokenBy: 'time' });
    expect(await listed('mine')).toEqual([tk.id]);
  });

  it('wakes on the customer reply (not on an agent note), and when solved', async () => {
    const tk = await ticket();
    await call('PATCH', `/v1/tickets/${tk.id}`, { snooze: { until: null } });
    await call('POST', `/v1/tickets/${tk.id}/messages`, { kind: 'note', body: 'still waiting' });
    expect((await call('GET', `/v1/tickets/${tk.id}`)).body.snooze).not.toBeNull();
    const reply = await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'Any news?',
    });
    expect(reply.status).toBe(201);
    expect((await call('GET', `/v1/tickets/${tk.id}`)).body.snooze).toBeNull();
    expect((await events('ticket.unsnoozed', tk.id))[0]).toMatchObject({ wokenBy: 'reply' });

    const other = await ticket();
    await call('PATCH', `/v1/tickets/${other.id}`, { snooze: { until: null } });
    const solved = await call('PATCH', `/v1/tickets/${other.id}`, { status: 'solved' });
    expect(solved.body.snooze).toBeNull();
  });
});

describe('stale replies (traffic cop)', () => {
  it('refuses a reply when the thread gained messages since the last one seen, listing them', async () => {
    const tk = await ticket();
    const seen = (await call('GET', `/v1/tickets/${tk.id}/messages`)).body.data.at(-1).id;
    await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'One more thing',
    });
    await call('POST', `/v1/tickets/${tk.id}/messages`, { kind: 'note', body: 'Internal: VIP' }, t.a.keys.manager);
    const stale = await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'Done!',
      lastSeenMessageId: seen,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('https://crmkit.dev/problems/stale-thread');
    expect(stale.body.newMessages.map((m: { bodyText: string }) => m.bodyText)).toEqual([
      'One more thing',
      'Internal: VIP',
    ]);
    const thread = (await call('GET', `/v1/tickets/${tk.id}/messages`)).body.data;
    expect(thread.map((m: { bodyText: string }) => m.bodyText)).not.toContain('Done!');
    const sent = await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'Done!',
      lastSeenMessageId: thread.at(-1).id,
    });
    expect(sent.status).toBe(201);
    const unknown = await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      body: 'x',
      lastSeenMessageId: 'msg_nope',
    });
    expect(unknown.status).toBe(400);
  });

  it('keeps internal notes out of what a customer sees: the reply list, the queue snippet, a customer refusal', async () => {
    const tk = await ticket();
    const seen = (await call('GET', `/v1/tickets/${tk.id}/messages`)).body.data.at(-1).id;
    await call('POST', `/v1/tickets/${tk.id}/messages`, { kind: 'note', body: 'SECRET note' });
    const replies = (await call('GET', `/v1/tickets/${tk.id}/messages?kind=reply`)).body.data;
    expect(JSON.stringify(replies)).not.toContain('SECRET');
    const record = (await call('GET', `/v1/tickets/${tk.id}`)).body;
    expect(record.lastMessage).toMatchObject({ authorType: 'contact', snippet: 'Please help' });
    expect(JSON.stringify(record)).not.toContain('SECRET');
    const customer = await call('POST', `/v1/tickets/${tk.id}/messages`, {
      kind: 'reply',
      authorType: 'contact',
      body: 'hi',
      lastSeenMessageId: seen,
    });
    expect(customer.status).toBe(201);
  });
});

describe('presence', () => {
  it('shows who views or replies, expires without a heartbeat, and carries changes on the feed', async () => {
    const tk = await ticket();
    const viewing = await call('POST', `/v1/tickets/${tk.id}/presence`, { state: 'viewing', ttlSeconds: 20 });
    expect(viewing.status).toBe(200);
    expect(viewing.body.data).toEqual([
      { ticketId: tk.id, userId: agentId, state: 'viewing', since: START, expiresAt: '2026-11-23T02:00:20.000Z' },
    ]);
    t.clock.advance({ seconds: 10 });
    // A renewal is no event; a change of state is.
    await call('POST', `/v1/tickets/${tk.id}/presence`, { state: 'viewing', ttlSeconds: 20 });
    await call('POST', `/v1/tickets/${tk.id}/presence`, { state: 'replying' }, t.a.keys.manager);
    const all = (await call('GET', '/v1/tickets/presence', undefined, t.a.keys.viewer)).body.data;
    expect(all.map((p: { state: string }) => p.state).sort()).toEqual(['replying', 'viewing']);
    expect((await events('ticket.presence.changed', tk.id)).map((e) => e.state)).toEqual(['viewing', 'replying']);

    t.clock.advance({ seconds: 25 }); // the agent's expired at +30 s; the manager's runs to +40 s
    expect(
      (await call('GET', `/v1/tickets/${tk.id}/presence`)).body.data.map((p: { state: string }) => p.state),
    ).toEqual(['replying']);
    expect((await t.server.sweep()).presenceExpired).toBe(1);
    const left = await call('DELETE', `/v1/tickets/${tk.id}/presence`, undefined, t.a.keys.manager);
    expect(left.body.data).toEqual([]);
    expect((await events('ticket.presence.changed', tk.id)).map((e) => e.state)).toEqual([
      'viewing',
      'replying',
      'left',
      'left',
    ]);
    const viewer = await call('POST', `/v1/tickets/${tk.id}/presence`, { state: 'viewing' }, t.a.keys.viewer);
    expect(viewer.status).toBe(403);
  });
});

describe('merge', () => {
  it('combines threads, closes and links the merged ticket, and recomputes the SLA from the earliest request', async () => {
    const first = await ticket({ subject: 'Login broken', tags: ['login'] });
    t.clock.advance({ minutes: 20 });
    const second = await ticket({ subject: 'Still cannot log in', tags: ['vip'] });
    expect(second.sla.firstResponseDueAt).toBe('2026-11-23T03:20:00.000Z');
    t.clock.advance({ minutes: 5 });
    const res = await call('POST', `/v1/tickets/${second.id}/merge`, { sourceIds: [first.id] });
    expect(res.status).toBe(200);
    expect(res.body.merged[0]).toMatchObject({ id: first.id, status: 'closed', mergedIntoId: second.id });
    expect(res.body.ticket.tags.sort()).toEqual(['login', 'vip']);
    // The customer first asked at 02:00: the first response is due at 03:00, not 03:20.
    expect(res.body.ticket.sla.firstResponseDueAt).toBe('2026-11-23T03:00:00.000Z');
    const thread = (await call('GET', `/v1/tickets/${second.id}/messages`)).body.data;
    expect(thread).toHaveLength(2);
    expect((await call('GET', `/v1/tickets/${first.id}/messages`)).body.data).toEqual([]);
    expect((await events('ticket.merged', first.id))[0]).toMatchObject({ mergedIntoId: second.id });
  });

  it('is atomic: one bad source merges nothing', async () => {
    const keep = await ticket();
    const a = await ticket();
    const before = (await call('GET', `/v1/tickets/${a.id}`)).body;
    const res = await call('POST', `/v1/tickets/${keep.id}/merge`, { sourceIds: [a.id, 'tkt_missing'] });
    expect(res.status).toBe(404);
    expect((await call('GET', `/v1/tickets/${a.id}`)).body).toEqual(before);
    expect((await call('GET', `/v1/tickets/${keep.id}/messages`)).body.data).toHaveLength(1);
    expect((await call('POST', `/v1/tickets/${keep.id}/merge`, { sourceIds: [keep.id] })).status).toBe(400);
    await call('POST', `/v1/tickets/${keep.id}/merge`, { sourceIds: [a.id] });
    expect((await call('POST', `/v1/tickets/${keep.id}/merge`, { sourceIds: [a.id] })).status).toBe(409);
  });
});

describe('canned responses', () => {
  it('are managed by managers, read by agents, and refused with an unknown placeholder', async () => {
    const body = '<p onclick="x()">Hi {{contact.firstName}}, ticket #{{ticket.number}} is fixed. — {{agent.name}}</p>';
    const created = await call(
      'POST',
      '/v1/cannedResponses',
      { name: 'Fixed', shortcut: 'fixed', body, status: 'solved' },
      t.a.keys.manager,
    );
    expect(created.status).toBe(201);
    expect(created.body.body).toBe(
      '<p>Hi {{contact.firstName}}, ticket #{{ticket.number}} is fixed. — {{agent.name}}</p>',
    );
    const bad = await call(
      'POST',
      '/v1/cannedResponses',
      { name: 'Bad', body: 'Hi {{contact.phone}}' },
      t.a.keys.manager,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body', message: 'unknown placeholder {{contact.phone}}' }]);
    expect((await call('POST', '/v1/cannedResponses', { name: 'Agent', body: 'x' })).status).toBe(403);
    expect((await call('GET', '/v1/cannedResponses?q=fixed')).body.data).toHaveLength(1);
    const dup = await call(
      'POST',
      '/v1/cannedResponses',
      { name: 'Dup', shortcut: 'fixed', body: 'x' },
      t.a.keys.manager,
    );
    expect(dup.status).toBe(409);
  });
});
