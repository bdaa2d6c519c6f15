import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpEmailChannel } from '../src/node.js';
import { expectProblem } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';
import { smtpSink } from './sinks.js';

/**
 * "Send a test to myself": the content rendered for a real recipient goes through the SMTP channel to the calling
 * user's own address, marked as a test, and changes no recipient, funnel count or outbox message.
 */
describe('campaign test send', () => {
  let t: TestServer;
  let admin: string;
  let segmentId: string;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let email: ReturnType<typeof smtpEmailChannel>;
  const ids: Record<string, string> = {};
  const content = {
    channel: 'email',
    subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
    template: 'Chào {{contact.firstName|bạn}} {{contact.lastName|}},\n\nGia hạn tại https://club.vn/offer nhé.',
  };
  const test = (body: Record<string, unknown>, key = admin) =>
    t.call(key, 'POST', '/v1/campaigns/test', { segmentId, ...content, ...body });
  const count = async (sql: string) => Number((await t.db.query<{ n: string }>(sql)).rows[0]!.n);

  beforeAll(async () => {
    sink = await smtpSink(1); // the first attempt is refused with a transient 451
    email = smtpEmailChannel({ host: '127.0.0.1', port: sink.port, from: '"Club" <club@example.test>' });
    t = await startTestServer({ now: '2026-12-01T03:00:00Z', automation: { channels: [email] } });
    admin = t.a.keys.admin!;
    for (const [name, body] of [
      ['Lan', { lastName: 'Phạm', emails: ['lan@example.vn'], consent: { email: true } }],
      ['', { lastName: '<b>Trần</b>', emails: ['tran@example.vn'] }],
    ] as const) {
      const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: name, tags: ['member'], ...body });
      ids[name || 'Tran'] = res.body.id;
    }
    segmentId = (
      await t.call(admin, 'POST', '/v1/segments', {
        name: 'Members',
        filter: { field: 'tags', op: 'in', value: ['member'] },
      })
    ).body.id;
  });
  afterAll(async () => {
    email.close();
    await t.close();
    await sink.close();
  });

  it('answers 502 when the provider fails, then sends the first member’s message to the caller, marked as a test', async () => {
    const [first] = (await t.call(admin, 'POST', '/v1/campaigns/preview', { segmentId, ...content, sample: 1 })).body
      .items;
    expectProblem(await test({}), 502);
    const res = await test({});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      channel: 'email',
      to: 'admin@a.test',
      contactId: first.contactId,
      subject: `[Test] ${first.subject}`,
    });
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0]!;
    expect((mail.to as { text: string }).text).toBe('admin@a.test');
    expect(mail.subject).toBe(`[Test] ${first.subject}`);
    expect(mail.headers.get('x-crmkit-test')).toBe('true');
    expect(mail.text).toBe(first.text);
  });

  it('renders for a chosen contact, untracked, without an unsubscribe link', async () => {
    const res = await test({ contactId: ids.Lan });
    expect(res.body).toMatchObject({ contactId: ids.Lan, name: 'Phạm Lan', subject: '[Test] Ưu đãi cho Lan' });
    const mail = sink.mails.at(-1)!;
    expect(mail.text).toContain('Chào Lan Phạm');
    expect(mail.html).toContain('href="https://club.vn/offer"');
    expect(mail.html).not.toMatch(/unsubscribe/i);
  });

  it('uses fallbacks for missing values and escapes hostile ones', async () => {
    const res = await test({ contactId: ids.Tran });
    expect(res.body).toMatchObject({ contactId: ids.Tran, subject: '[Test] Ưu đãi cho bạn' });
    const mail = sink.mails.at(-1)!;
    expect(mail.text).toContain('Chào bạn <b>Trần</b>');
    expect(mail.html).toContain('&lt;b&gt;Trần&lt;/b&gt;');
    expect(mail.text).not.toContain('{{');
  });

  it('changes no recipient, funnel count or outbox message, and works on a saved campaign unchanged', async () => {
    const campaign = (await t.call(admin, 'POST', '/v1/campaigns', { name: 'Renewal', segmentId, ...content })).body;
    const before = sink.mails.length;
    expect((await test({})).status).toBe(200);
    expect(sink.mails).toHaveLength(before + 1);
    expect(await count('SELECT count(*) AS n FROM outbox_messages')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM campaign_recipients')).toBe(0);
    const after = (await t.call(admin, 'GET', `/v1/campaigns/${campaign.id}`)).body;
    expect(after).toMatchObject({ status: 'draft', version: campaign.version, stats: campaign.stats });
  });

  it('sends once for an Idempotency-Key, however often the request is repeated', async () => {
    const before = sink.mails.length;
    const keyed = () =>
      t.call(admin, 'POST', '/v1/campaigns/test', { segmentId, ...content }, { 'Idempotency-Key': 'test-send-once-1' });
    const first = await keyed();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await keyed()).body).toEqual(first.body);
    expect(sink.mails).toHaveLength(before + 1);
  });

  it('answers typed 422s: a bad placeholder, SMS to a user with no phone, a key of no user, an empty segment', async () => {
    const bad = await test({ template: 'Chào {{contact.frist}}' });
    expectProblem(bad, 422, 'template');
    expect(bad.body.errors[0]).toMatchObject({ code: 'unknownPlaceholder', params: { placeholder: 'contact.frist' } });

    const sms = await test({ channel: 'sms', subject: null });
    expectProblem(sms, 422, 'channel');
    expect(sms.body.errors[0]).toMatchObject({ code: 'noTestAddress', params: { channel: 'sms' } });

    const key = 'ck_integration_testsend0000000000000000';
    const hash = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))).toString('hex');
    await t.db.query(
      `INSERT INTO api_keys (id, workspace_id, key_hash, role, user_id, name, created_at)
       VALUES ('key_testsend', 'ws_a', $1, 'admin', NULL, 'integration', now())`,
      [hash],
    );
    const noUser = await test({}, key);
    expectProblem(noUser, 422, 'channel');
    expect(noUser.body.errors[0]).toMatchObject({ code: 'noTestAddress', params: { channel: 'email' } });

    const empty = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Nobody',
      filter: { field: 'tags', op: 'in', value: ['nobody'] },
    });
    expectProblem(await test({ segmentId: empty.body.id }), 422, 'segmentId');
  });

  it('is for those who may edit campaigns: agents and viewers get 403 and nothing is sent', async () => {
    const before = sink.mails.length;
    for (const role of ['agent', 'viewer'] as const) expectProblem(await test({}, t.a.keys[role]!), 403);
    expect((await test({}, t.a.keys.manager!)).body.to).toBe('manager@a.test');
    expect(sink.mails).toHaveLength(before + 1);
  });
});
