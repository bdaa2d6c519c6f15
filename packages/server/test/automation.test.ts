import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** A local HTTP sink: answers with `status()` and keeps what it got. */
async function sink(status: () => number) {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status(), { 'Content-Type': 'application/json' }).end('{"id":"p1"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('automation', () => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer({
      now: '2027-02-27T20:00:00Z',
      settings: { timeZone: 'Asia/Ho_Chi_Minh', messaging: { quietHours: { start: '21:00', end: '08:00' } } },
    });
    admin = t.a.keys.admin;
  });
  afterAll(() => t.close());

  const rule = (body: Record<string, unknown>) => t.call(admin, 'POST', '/v1/automation-rules', body);
  const tick = () => t.server.automation.tick();

  it('greets yearly birthdays once, 29 February on 28 February in other years, at 09:00 in the workspace zone', async () => {
    const leap = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Leap', birthday: '2000-02-29' });
    const plain = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Plain', birthday: '1990-02-28' });
    const r = await rule({
      name: 'Birthday',
      resource: 'contacts',
      trigger: { type: 'date', field: 'birthday', offsetDays: 0, repeat: 'yearly', at: '09:00' },
      steps: [
        {
          type: 'create_task',
          kind: 'reminder',
          subject: 'Happy birthday {{contact.firstName}}',
          dueInMinutes: 0,
          assignee: { type: 'user', userId: t.a.users['agent@a.test'] },
        },
      ],
    });
    expect(r.body).toMatchObject({ name: 'Birthday' });
    // 2027-02-28 03:00 in Ho Chi Minh City (UTC+7): the day has come, 09:00 not yet.
    t.clock.set('2027-02-27T20:00:00Z');
    await tick();
    await tick();
    const runs = await t.call(admin, 'GET', `/v1/automation-runs?ruleId=${r.body.id}`);
    expect(runs.body.data.map((x: { recordId: string }) => x.recordId).sort()).toEqual(
      [leap.body.id, plain.body.id].sort(),
    );
    expect(
      runs.body.data.every(
        (x: { status: string; nextStepAt: string }) =>
          x.status === 'waiting' && x.nextStepAt === '2027-02-28T02:00:00.000Z',
      ),
    ).toBe(true);
    t.clock.set('2027-02-28T02:00:00Z');
    await tick();
    const tasks = await t.call(admin, 'GET', `/v1/activities?filter[contactId]=${leap.body.id}`);
    expect(tasks.body.data.map((a: { subject: string }) => a.subject)).toEqual(['Happy birthday Leap']);
    // A second pass the same day, and the next days, enrol nobody again.
    t.clock.set('2027-03-01T02:00:00Z');
    await tick();
    const again = await t.call(admin, 'GET', `/v1/automation-runs?ruleId=${r.body.id}`);
    expect(again.body.data).toHaveLength(2);
    expect(again.body.data.every((x: { status: string }) => x.status === 'completed')).toBe(true);
    const steps = await t.call(admin, 'GET', `/v1/automation-runs/${again.body.data[0].id}/steps`);
    expect(steps.body.data).toMatchObject([{ type: 'create_task', outcome: 'done' }]);
  });

  it('runs a manual run once per occurrence, and a due step resumes after a restart, once and on time', async () => {
    const c = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Wait', tags: [] });
    const r = await rule({
      name: 'Tag after a day',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [
        { type: 'delay', minutes: 1440 },
        { type: 'add_tag', tag: 'followed-up' },
      ],
    });
    const body = { recordIds: [c.body.id], occurrence: 'batch-1' };
    const first = await t.call(admin, 'POST', `/v1/automation-rules/${r.body.id}/run`, body);
    const second = await t.call(admin, 'POST', `/v1/automation-rules/${r.body.id}/run`, body);
    expect(first.body.runs[0].enrolled).toBe(true);
    expect(second.body.runs[0].enrolled).toBe(false);
    await tick();
    t.clock.advance({ hours: 23 });
    await tick();
    expect((await t.call(admin, 'GET', `/v1/contacts/${c.body.id}`)).body.tags).toEqual([]);
    // "Restart": a new server on the same database; nothing in memory carries over.
    const { createCrmServer } = await import('@crmkit/server');
    const restarted = await createCrmServer({ db: t.db, clock: t.clock });
    t.clock.advance({ minutes: 59 });
    await restarted.automation.tick();
    expect((await t.call(admin, 'GET', `/v1/contacts/${c.body.id}`)).body.tags).toEqual([]);
    t.clock.advance({ minutes: 1 });
    await restarted.automation.tick();
    await tick();
    const contact = await t.call(admin, 'GET', `/v1/contacts/${c.body.id}`);
    expect(contact.body.tags).toEqual(['followed-up']);
    expect(contact.body.version).toBe(2);
  });

  it('delivers webhooks after the receiver recovers, signed, one logical delivery per event', async () => {
    let up = false;
    const receiver = await sink(() => (up ? 200 : 503));
    const sub = await t.call(admin, 'POST', '/v1/webhook-subscriptions', {
      url: receiver.url,
      eventTypes: ['contact.created'],
    });
    expect(sub.status).toBe(201);
    const created = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Hooked' });
    await tick();
    for (let i = 0; i < 4; i++) {
      t.clock.advance({ minutes: 30 });
      await tick();
    }
    up = true;
    t.clock.advance({ hours: 3 });
    await tick();
    await tick();
    const ids = new Set(receiver.got.map((g) => g.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const ok = receiver.got.at(-1)!;
    // The receiver's clock agrees with the server's (a manual one): the signature's timestamp is checked against it.
    vi.useFakeTimers({ toFake: ['Date'], now: t.clock.now() });
    const event = new Webhook(sub.body.secret).verify(ok.body, ok.headers as Record<string, string>) as {
      resourceId: string;
    };
    vi.useRealTimers();
    expect(event.resourceId).toBe(created.body.id);
    const log = await t.call(admin, 'GET', `/v1/webhook-deliveries?subscriptionId=${sub.body.id}`);
    expect(log.body.data).toMatchObject([{ status: 'delivered' }]);
    expect(log.body.data[0].attempts).toBeGreaterThan(1);
    await receiver.close();
  });

  it('checks consent right before sending: revoked after enrolment, nothing is sent (and it is logged)', async () => {
    const sms = await sink(() => 200);
    const { createCrmServer, httpSmsChannel } = await import('@crmkit/server');
    const sender = await createCrmServer({
      db: t.db,
      clock: t.clock,
      automation: { channels: [httpSmsChannel({ url: sms.url })] },
    });
    const consent = { sms: true };
    const keep = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Keep', phones: ['+84901234567'], consent });
    const revoke = await t.call(admin, 'POST', '/v1/contacts', {
      firstName: 'Revoke',
      phones: ['+84901234568'],
      consent,
    });
    const r = await rule({
      name: 'SMS',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'send_message', channel: 'sms', template: 'Xin chào {{contact.firstName}}' }],
    });
    await t.call(admin, 'POST', `/v1/automation-rules/${r.body.id}/run`, { recordIds: [keep.body.id, revoke.body.id] });
    // 22:00 in Ho Chi Minh City: the runs queue their messages, which wait for the quiet hours to end at 08:00.
    t.clock.set('2027-03-05T15:00:00Z');
    await sender.automation.tick();
    expect(sms.got).toEqual([]);
    await t.call(admin, 'PATCH', `/v1/contacts/${revoke.body.id}`, { consent: { sms: false } });
    t.clock.set('2027-03-06T01:00:00Z');
    await sender.automation.tick();
    expect(sms.got.map((g) => JSON.parse(g.body))).toEqual([{ to: '+84901234567', from: null, text: 'Xin chào Keep' }]);
    const { rows } = await t.db.query<{ recipient: string; status: string; last_error: string | null }>(
      "SELECT recipient, status, last_error FROM outbox_messages WHERE source = 'automation' ORDER BY recipient",
    );
    expect(rows).toEqual([
      { recipient: '+84901234567', status: 'sent', last_error: null },
      { recipient: '+84901234568', status: 'suppressed', last_error: 'no sms consent at send time' },
    ]);
    await sms.close();
  });
});
