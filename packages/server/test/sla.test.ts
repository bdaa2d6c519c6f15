import type { SlaPolicy } from '@crmkit/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** Mon–Fri 09:00–18:00 in Ho Chi Minh City (UTC+7): 09:00 local = 02:00Z, 18:00 local = 11:00Z. */
const calendar = {
  id: 'cal_vn',
  name: 'HCMC office',
  timeZone: 'Asia/Ho_Chi_Minh',
  weeklyHours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: ['2026-12-02'],
};
const none = { firstResponseMinutes: null, nextResponseMinutes: null, resolutionMinutes: null };
const standard: SlaPolicy = {
  id: 'sla_std',
  name: 'Standard',
  position: 2,
  calendarId: 'cal_vn',
  conditions: {},
  targets: {
    low: none,
    normal: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 600 },
    high: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 240 },
    urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 120 },
  },
  warnBeforeMinutes: 15,
};
const vipPhone: SlaPolicy = {
  ...standard,
  id: 'sla_vip',
  name: 'Urgent phone',
  position: 1,
  conditions: { channels: ['phone'], priorities: ['urgent'] },
  targets: { ...standard.targets, urgent: { firstResponseMinutes: 5, nextResponseMinutes: 10, resolutionMinutes: 60 } },
  warnBeforeMinutes: 2,
};

/** Monday 23 Nov 2026, 09:00 in Ho Chi Minh City. */
const MONDAY_0900 = '2026-11-23T02:00:00.000Z';

let t: TestServer;
let requesterId: string;

const getTicket = async (id: string) => (await t.call(t.a.keys.agent, 'GET', `/v1/tickets/${id}`)).body;
const post = (id: string, body: Record<string, unknown>) =>
  t.call(t.a.keys.agent, 'POST', `/v1/tickets/${id}/messages`, body);
const patch = (id: string, body: Record<string, unknown>) => t.call(t.a.keys.agent, 'PATCH', `/v1/tickets/${id}`, body);
async function create(body: Record<string, unknown> = {}) {
  const res = await t.call(t.a.keys.agent, 'POST', '/v1/tickets', { subject: 'SLA', requesterId, ...body });
  expect(res.status).toBe(201);
  return res.body;
}
async function events(resourceId: string, type: string, workspace = 'ws_a') {
  const { rows } = await t.db.query<{ data: any }>(
    'SELECT data FROM events WHERE workspace_id = $1 AND resource_id = $2 AND type = $3 ORDER BY id',
    [workspace, resourceId, type],
  );
  return rows.map((r) => r.data);
}

beforeAll(async () => {
  t = await startTestServer({
    now: MONDAY_0900,
    settings: { businessCalendars: [calendar], slaPolicies: [standard, vipPhone] },
  });
  requesterId = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Lan' })).body.id;
});
beforeEach(() => t.clock.set(MONDAY_0900));
afterAll(() => t.close());

describe('SLA due times', () => {
  it('computes due times in business time on create', async () => {
    const tk = await create({ description: 'Help' });
    expect(tk.sla).toEqual({
      policyId: 'sla_std',
      status: 'active',
      firstResponseDueAt: '2026-11-23T03:00:00.000Z', // Mon 10:00
      firstResponseAt: null,
      firstResponseBreached: false,
      nextResponseDueAt: null,
      nextResponseBreached: false,
      resolutionDueAt: '2026-11-24T03:00:00.000Z', // 9 h on Monday + 1 h → Tue 10:00
      resolutionBreached: false,
      pausedAt: null,
      nextBreachAt: '2026-11-23T03:00:00.000Z',
    });
  });

  it('counts from the next opening, across the weekend', async () => {
    t.clock.set('2026-11-27T10:30:00.000Z'); // Friday 17:30
    const tk = await create({ priority: 'high' });
    expect(tk.sla.firstResponseDueAt).toBe('2026-11-27T11:00:00.000Z'); // exactly at Friday's closing time
    expect(tk.sla.resolutionDueAt).toBe('2026-11-30T05:30:00.000Z'); // 30 min Fri + 210 min Mon → 12:30
  });

  it('applies the first matching policy by position, and none for targets without minutes', async () => {
    const vip = await create({ channel: 'phone', priority: 'urgent' });
    expect(vip.sla).toMatchObject({ policyId: 'sla_vip', firstResponseDueAt: '2026-11-23T02:05:00.000Z' });
    const urgentEmail = await create({ channel: 'email', priority: 'urgent' });
    expect(urgentEmail.sla).toMatchObject({ policyId: 'sla_std', firstResponseDueAt: '2026-11-23T02:15:00.000Z' });
    const low = await create({ priority: 'low' });
    expect(low.sla).toBeNull();
  });

  it('re-evaluates the policy when the priority changes', async () => {
    const tk = await create({ priority: 'low' });
    t.clock.advance({ minutes: 10 });
    const normal = (await patch(tk.id, { priority: 'normal' })).body;
    expect(normal.sla).toMatchObject({ policyId: 'sla_std', firstResponseDueAt: '2026-11-23T03:00:00.000Z' });
    const urgent = (await patch(tk.id, { priority: 'urgent', channel: 'phone' })).body;
    expect(urgent.sla).toMatchObject({
      policyId: 'sla_vip',
      firstResponseDueAt: '2026-11-23T02:05:00.000Z', // already past: breached at once
      firstResponseBreached: true,
      resolutionDueAt: '2026-11-23T03:00:00.000Z',
      status: 'missed',
      nextBreachAt: '2026-11-23T03:00:00.000Z',
    });
    expect(await events(tk.id, 'ticket.sla.breached')).toEqual([
      expect.objectContaining({ id: tk.id, slaTarget: 'firstResponse', slaDueAt: '2026-11-23T02:05:00.000Z' }),
    ]);
    const back = (await patch(tk.id, { priority: 'low' })).body;
    expect(back.sla).toBeNull();
  });
});

describe('SLA clocks', () => {
  it('records the first response on the first public agent reply, not on a note', async () => {
    const tk = await create({ description: 'Hello?' });
    t.clock.advance({ minutes: 20 });
    await post(tk.id, { kind: 'note', body: 'internal' });
    expect((await getTicket(tk.id)).sla.firstResponseAt).toBeNull();
    await post(tk.id, { kind: 'reply', authorType: 'contact', body: 'anyone?' });
    expect((await getTicket(tk.id)).sla.firstResponseAt).toBeNull();

    t.clock.advance({ minutes: 10 });
    await post(tk.id, { kind: 'reply', body: 'Hi, looking into it' });
    const after = await getTicket(tk.id);
    expect(after.status).toBe('open');
    expect(after.sla).toMatchObject({
      firstResponseAt: '2026-11-23T02:30:00.000Z',
      firstResponseBreached: false,
      nextResponseDueAt: null,
      nextBreachAt: after.sla.resolutionDueAt,
      status: 'active',
    });

    t.clock.advance({ minutes: 10 });
    await post(tk.id, { kind: 'reply', body: 'second reply' });
    expect((await getTicket(tk.id)).sla.firstResponseAt).toBe('2026-11-23T02:30:00.000Z');
  });

  it('runs the next-response clock from the customer message to the agent reply', async () => {
    const tk = await create();
    await post(tk.id, { kind: 'reply', body: 'first response' });
    t.clock.set('2026-11-23T10:00:00.000Z'); // Mon 17:00
    await post(tk.id, { kind: 'reply', authorType: 'contact', body: 'still broken' });
    let sla = (await getTicket(tk.id)).sla;
    expect(sla.nextResponseDueAt).toBe('2026-11-24T03:00:00.000Z'); // 60 min Mon + 60 min Tue
    expect(sla.nextBreachAt).toBe('2026-11-24T03:00:00.000Z');
    t.clock.advance({ minutes: 5 });
    await post(tk.id, { kind: 'note', body: 'a note does not answer' });
    expect((await getTicket(tk.id)).sla.nextResponseDueAt).toBe('2026-11-24T03:00:00.000Z');
    await post(tk.id, { kind: 'reply', body: 'answer' });
    sla = (await getTicket(tk.id)).sla;
    expect(sla.nextResponseDueAt).toBeNull();
    expect(sla.nextBreachAt).toBe(sla.resolutionDueAt);
  });

  it('pauses while pending and pushes due times by the business time paused', async () => {
    const tk = await create();
    expect(tk.sla.resolutionDueAt).toBe('2026-11-24T03:00:00.000Z');
    t.clock.advance({ minutes: 30 });
    await post(tk.id, { kind: 'reply', body: 'Please send logs', status: 'pending' });
    let ticket = await getTicket(tk.id);
    expect(ticket.status).toBe('pending');
    expect(ticket.sla).toMatchObject({ status: 'paused', pausedAt: '2026-11-23T02:30:00.000Z', nextBreachAt: null });
    const paused = await t.call(t.a.keys.agent, 'GET', '/v1/tickets?filter[slaStatus]=paused');
    expect(paused.body.data.map((x: any) => x.id)).toContain(tk.id);

    t.clock.set('2026-11-23T04:30:00.000Z'); // Mon 11:30: paused 120 business minutes
    await post(tk.id, { kind: 'reply', authorType: 'contact', body: 'logs attached' });
    ticket = await getTicket(tk.id);
    expect(ticket.status).toBe('open');
    expect(ticket.sla).toMatchObject({
      status: 'active',
      pausedAt: null,
      resolutionDueAt: '2026-11-24T05:00:00.000Z', // Tue 10:00 + 120 min
      nextResponseDueAt: '2026-11-23T06:30:00.000Z', // customer wrote at 11:30: +120 → 13:30
      nextBreachAt: '2026-11-23T06:30:00.000Z',
    });
  });

  it('does not count a weekend or a holiday spent on hold', async () => {
    t.clock.set('2026-11-27T09:00:00.000Z'); // Friday 16:00
    const tk = await create();
    expect(tk.sla.firstResponseDueAt).toBe('2026-11-27T10:00:00.000Z'); // Fri 17:00
    expect(tk.sla.resolutionDueAt).toBe('2026-11-30T10:00:00.000Z'); // 2 h Fri + 8 h Mon → 17:00
    t.clock.set('2026-11-27T09:30:00.000Z'); // Friday 16:30
    const held = (await patch(tk.id, { status: 'on_hold' })).body;
    expect(held.sla).toMatchObject({ status: 'paused', pausedAt: '2026-11-27T09:30:00.000Z' });
    // Thursday 3 Dec 10:00: on hold for Fri 90 + Mon 540 + Tue 540 + Wed 0 (holiday) + Thu 60 = 1230 business minutes
    t.clock.set('2026-12-03T03:00:00.000Z');
    const resumed = (await patch(tk.id, { status: 'open' })).body;
    expect(resumed.sla).toMatchObject({
      status: 'active',
      pausedAt: null,
      firstResponseBreached: false,
      firstResponseDueAt: '2026-12-03T03:30:00.000Z', // the 30 minutes left at the pause → Thu 10:30
      resolutionDueAt: '2026-12-04T03:30:00.000Z', // the 570 minutes left → Fri 10:30
    });
  });

  it('stops at solved: hit when every target was met, missed once any was breached', async () => {
    const tk = await create();
    await post(tk.id, { kind: 'reply', body: 'fixed', status: 'solved' });
    let ticket = await getTicket(tk.id);
    expect(ticket.sla).toMatchObject({ status: 'hit', nextBreachAt: null });
    const hit = await t.call(t.a.keys.agent, 'GET', '/v1/tickets?filter[slaStatus]=hit');
    expect(hit.body.data.map((x: any) => x.id)).toContain(tk.id);

    const late = await create();
    t.clock.advance({ minutes: 61 });
    await post(late.id, { kind: 'reply', body: 'sorry for the wait' });
    ticket = await getTicket(late.id);
    expect(ticket.sla).toMatchObject({ firstResponseBreached: true, status: 'missed' });
    expect(await events(late.id, 'ticket.sla.breached')).toHaveLength(1);
    await patch(late.id, { status: 'solved' });
    expect((await getTicket(late.id)).sla.status).toBe('missed');
  });
});

describe('SLA sweep', () => {
  beforeAll(async () => {
    // Start from a clean slate: earlier tests' tickets would be swept too.
    await t.db.query('UPDATE tickets SET sla = NULL, sla_status = NULL, next_breach_at = NULL');
  });

  it('emits a warning shortly before and a breach at the due time, each exactly once', async () => {
    const tk = await create();
    const sweep = () => t.server.sla.sweep();

    t.clock.set('2026-11-23T02:44:00.000Z'); // 16 min before the first-response due time
    expect(await sweep()).toEqual({ warned: 0, breached: 0 });
    t.clock.set('2026-11-23T02:46:00.000Z');
    expect(await sweep()).toEqual({ warned: 1, breached: 0 });
    expect(await sweep()).toEqual({ warned: 0, breached: 0 });
    const warnings = await events(tk.id, 'ticket.sla.warning');
    expect(warnings).toEqual([expect.objectContaining({ id: tk.id, slaTarget: 'firstResponse' })]);
    expect((await getTicket(tk.id)).version).toBe(1);

    t.clock.set('2026-11-23T03:00:00.000Z');
    expect(await sweep()).toEqual({ warned: 0, breached: 1 });
    expect(await sweep()).toEqual({ warned: 0, breached: 0 });
    const breaches = await events(tk.id, 'ticket.sla.breached');
    expect(breaches).toEqual([
      expect.objectContaining({ id: tk.id, slaTarget: 'firstResponse', slaDueAt: '2026-11-23T03:00:00.000Z' }),
    ]);
    expect(breaches[0].sla).toMatchObject({ firstResponseBreached: true, status: 'missed' });
    const ticket = await getTicket(tk.id);
    expect(ticket.sla).toMatchObject({
      firstResponseBreached: true,
      status: 'missed',
      nextBreachAt: '2026-11-24T03:00:00.000Z',
    });
    expect(await events(tk.id, 'ticket.updated')).toHaveLength(1);
    const missed = await t.call(t.a.keys.agent, 'GET', '/v1/tickets?filter[slaStatus]=missed');
    expect(missed.body.data.map((x: any) => x.id)).toContain(tk.id);

    // A late reply does not breach again.
    await post(tk.id, { kind: 'reply', body: 'finally' });
    expect(await events(tk.id, 'ticket.sla.breached')).toHaveLength(1);

    // Resolution: warning at Tue 09:45, breach at Tue 10:00.
    t.clock.set('2026-11-24T02:50:00.000Z');
    await sweep();
    t.clock.set('2026-11-24T03:00:00.000Z');
    await sweep();
    await sweep();
    expect((await events(tk.id, 'ticket.sla.warning')).map((e) => e.slaTarget)).toEqual([
      'firstResponse',
      'resolution',
    ]);
    expect((await events(tk.id, 'ticket.sla.breached')).map((e) => e.slaTarget)).toEqual([
      'firstResponse',
      'resolution',
    ]);
    expect((await getTicket(tk.id)).sla.nextBreachAt).toBeNull();
  });

  it('ignores paused tickets and sweeps every workspace', async () => {
    const paused = await create();
    await patch(paused.id, { status: 'pending' });
    await t.db.query(`UPDATE workspaces SET settings = settings || $1::jsonb WHERE id = 'ws_b'`, [
      JSON.stringify({ businessCalendars: [calendar], slaPolicies: [standard] }),
    ]);
    const inB = (await t.call(t.b.keys.admin, 'POST', '/v1/tickets', { subject: 'B', priority: 'urgent' })).body;
    expect(inB.sla.firstResponseDueAt).toBe('2026-11-23T02:15:00.000Z');

    t.clock.set('2026-11-23T02:20:00.000Z');
    const result = await t.server.sla.sweep();
    expect(result.breached).toBeGreaterThanOrEqual(1);
    expect(await events(inB.id, 'ticket.sla.breached', 'ws_b')).toHaveLength(1);
    expect(await events(paused.id, 'ticket.sla.breached')).toHaveLength(0);
    expect(await events(paused.id, 'ticket.sla.warning')).toHaveLength(0);

    const sorted = await t.call(
      t.a.keys.agent,
      'GET',
      '/v1/tickets?sort=nextBreachAt&filter[slaStatus]=active&limit=200',
    );
    const times = sorted.body.data.map((x: any) => x.sla.nextBreachAt);
    expect(times).toEqual([...times].sort());
  });
});

describe('without the sla capability', () => {
  it('leaves tickets without SLA and the sweep idle', async () => {
    const plain = await startTestServer({
      now: MONDAY_0900,
      capabilities: { sla: false },
      settings: { businessCalendars: [calendar], slaPolicies: [standard] },
    });
    try {
      const tk = await plain.call(plain.a.keys.agent, 'POST', '/v1/tickets', { subject: 'x' });
      expect(tk.body.sla).toBeNull();
      const replied = await plain.call(plain.a.keys.agent, 'POST', `/v1/tickets/${tk.body.id}/messages`, {
        kind: 'reply',
        body: 'hi',
        status: 'pending',
      });
      expect(replied.status).toBe(201);
      expect((await plain.call(plain.a.keys.agent, 'GET', `/v1/tickets/${tk.body.id}`)).body).toMatchObject({
        status: 'pending',
        sla: null,
      });
      plain.clock.advance({ hours: 48 });
      expect(await plain.server.sla.sweep()).toEqual({ warned: 0, breached: 0 });
    } finally {
      await plain.close();
    }
  });
});
