import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmServer, httpSmsChannel } from '../src/index.js';
import { smtpEmailChannel } from '../src/node.js';
import { startTestServer, type TestServer } from './harness.js';
import { httpSink, smtpSink } from './sinks.js';

describe('automation channels and lifecycle', () => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer({
      now: '2027-06-01T03:00:00Z', // 10:00 in Bangkok
      settings: {
        timeZone: 'Asia/Bangkok',
        lifecycle: { activeOnFirstWonDeal: true, loyalAfterRenewals: 1, lostAfterDays: 30, visitTypes: ['app'] },
      },
    });
    admin = t.a.keys.admin;
  });
  afterAll(() => t.close());

  const outbox = async (source: string) =>
    (
      await t.db.query<{ recipient: string; status: string; attempts: number; last_error: string | null }>(
        'SELECT recipient, status, attempts, last_error FROM outbox_messages WHERE source_id = ANY($1::text[]) ORDER BY recipient',
        [[source]],
      )
    ).rows;
  const messageRule = (channel: 'email' | 'sms') =>
    t.call(admin, 'POST', '/v1/automation-rules', {
      name: `Welcome by ${channel}`,
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [
        {
          type: 'send_message',
          channel,
          subject: 'Chào mừng {{contact.firstName}} đến {{workspace.name}}',
          template: 'Xin chào {{contact.firstName}}, hẹn gặp bạn ở phòng tập!',
        },
      ],
    });

  it('sends e-mail over SMTP to a local sink: personalised, retried after a transient refusal, sent once', async () => {
    const sink = await smtpSink(1);
    const email = smtpEmailChannel({ host: '127.0.0.1', port: sink.port, from: '"Club" <club@example.test>' });
    const sender = await createCrmServer({ db: t.db, clock: t.clock, automation: { channels: [email] } });
    const c = await t.call(admin, 'POST', '/v1/contacts', {
      firstName: 'Ngọc',
      emails: ['ngoc@example.test'],
      consent: { email: true },
    });
    const rule = (await messageRule('email')).body;
    const run = (await t.call(admin, 'POST', `/v1/automation-rules/${rule.id}/run`, { recordIds: [c.body.id] })).body;
    const runId = run.runs[0].runId;
    await sender.automation.tick();
    expect(sink.mails).toEqual([]);
    expect(await outbox(runId)).toMatchObject([
      { status: 'queued', attempts: 1, last_error: expect.stringMatching(/451/) },
    ]);
    t.clock.advance({ minutes: 2 });
    await sender.automation.tick();
    t.clock.advance({ minutes: 30 });
    await sender.automation.tick();
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0]!;
    expect(mail.subject).toBe('Chào mừng Ngọc đến Workspace A');
    expect(mail.text?.trim()).toBe('Xin chào Ngọc, hẹn gặp bạn ở phòng tập!');
    expect(mail.messageId).toMatch(/^<msg_.+@crmkit>$/);
    expect(sink.attempts()).toBe(2);
    expect(await outbox(runId)).toMatchObject([{ recipient: 'ngoc@example.test', status: 'sent', attempts: 2 }]);
    email.close();
    await sink.close();
  });

  it('sends SMS through a generic HTTP provider: one idempotency key over retries, a 4xx refusal is final', async () => {
    const sink = await httpSink([503, 200, 400]);
    const sms = httpSmsChannel({ url: sink.url, token: 'secret-token', from: 'CLUB' });
    const sender = await createCrmServer({ db: t.db, clock: t.clock, automation: { channels: [sms] } });
    const consent = { sms: true };
    const ok = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'An', phones: ['+66812345678'], consent });
    const rule = (await messageRule('sms')).body;
    const first = (await t.call(admin, 'POST', `/v1/automation-rules/${rule.id}/run`, { recordIds: [ok.body.id] }))
      .body;
    await sender.automation.tick();
    t.clock.advance({ minutes: 2 });
    await sender.automation.tick();
    expect(sink.got).toHaveLength(2);
    expect(sink.got.map((g) => g.headers['idempotency-key'])).toEqual([
      sink.got[0]!.headers['idempotency-key'],
      sink.got[0]!.headers['idempotency-key'],
    ]);
    expect(sink.got[1]).toMatchObject({
      headers: { authorization: 'Bearer secret-token' },
      body: { to: '+66812345678', from: 'CLUB', text: 'Xin chào An, hẹn gặp bạn ở phòng tập!' },
    });
    expect(await outbox(first.runs[0].runId)).toMatchObject([{ status: 'sent', attempts: 2 }]);
    // Ticking again sends nothing more.
    t.clock.advance({ hours: 1 });
    await sender.automation.tick();
    expect(sink.got).toHaveLength(2);

    const refused = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Bo', phones: ['+66812345679'], consent });
    const second = (
      await t.call(admin, 'POST', `/v1/automation-rules/${rule.id}/run`, { recordIds: [refused.body.id] })
    ).body;
    await sender.automation.tick();
    t.clock.advance({ hours: 2 });
    await sender.automation.tick();
    expect(sink.got).toHaveLength(3);
    expect(await outbox(second.runs[0].runId)).toMatchObject([
      { status: 'failed', attempts: 1, last_error: expect.stringMatching(/answered 400/) },
    ]);
    await sink.close();
  });

  it('moves contacts through the lifecycle the workspace configures: active, loyal, lost', async () => {
    const pipeline = (
      await t.call(admin, 'POST', '/v1/pipelines', {
        name: 'Memberships',
        currency: 'THB',
        stages: [
          { name: 'Open', probability: 50, kind: 'open' },
          { name: 'Paid', probability: 100, kind: 'won' },
          { name: 'Lost', probability: 0, kind: 'lost' },
        ],
      })
    ).body;
    const [open, won] = pipeline.stages as { id: string }[];
    const member = (await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Life', lifecycleStage: 'potential' }))
      .body;
    const visitor = (await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Visitor', lifecycleStage: 'potential' }))
      .body;
    const stage = async (id: string) => (await t.call(admin, 'GET', `/v1/contacts/${id}`)).body.lifecycleStage;
    const sell = async (contactId: string) => {
      const deal = (
        await t.call(admin, 'POST', '/v1/deals', {
          name: 'Membership',
          pipelineId: pipeline.id,
          stageId: open!.id,
          currency: 'THB',
          amount: 100_000,
          contactIds: [contactId],
        })
      ).body;
      const moved = await t.call(admin, 'POST', `/v1/deals/${deal.id}/move`, { stageId: won!.id });
      expect(moved.status).toBe(200);
    };
    await sell(member.id);
    await sell(visitor.id);
    expect(await stage(member.id)).toBe('active');
    await sell(member.id);
    expect(await stage(member.id)).toBe('loyal');
    // 31 days on: the visitor checked in last week, the member never did.
    t.clock.advance({ hours: 24 * 24 });
    await t.call(admin, 'POST', '/v1/activities', {
      type: 'app',
      subject: 'Check-in',
      contactId: visitor.id,
      occurredAt: t.clock.now().toISOString(),
    });
    t.clock.advance({ hours: 7 * 24 });
    await t.server.automation.tick();
    expect(await stage(member.id)).toBe('lost');
    expect(await stage(visitor.id)).toBe('active');
    // The move went through the engine: an event, so rules and widgets see it.
    const { rows } = await t.db.query(
      "SELECT 1 FROM events WHERE resource_id = $1 AND type = 'contact.updated' AND data->>'lifecycleStage' = 'lost'",
      [member.id],
    );
    expect(rows).toHaveLength(1);
  });
});
