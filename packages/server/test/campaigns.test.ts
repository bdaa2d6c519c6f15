import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** Campaign drafts, validation of placeholders, previews for real recipients, and the status lifecycle. */
describe('campaigns', () => {
  let t: TestServer;
  let admin: string;
  let segmentId: string;
  const ids: Record<string, string> = {};

  const contact = async (name: string, body: Record<string, unknown>) => {
    const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: name, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[name] = res.body.id;
  };
  const draft = (body: Record<string, unknown> = {}) =>
    t.call(admin, 'POST', '/v1/campaigns', {
      name: 'Renewal',
      segmentId,
      channel: 'email',
      subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
      template: 'Chào {{contact.firstName|bạn}}, gói {{contact.customFields.plan|thành viên}} sắp hết hạn.',
      ...body,
    });

  beforeAll(async () => {
    t = await startTestServer({
      now: '2026-12-01T03:00:00Z', // 10:00 in Ho Chi Minh City
      settings: {
        timeZone: 'Asia/Ho_Chi_Minh',
        customFields: {
          contact: [
            {
              key: 'plan',
              label: { en: 'Plan' },
              type: 'select',
              options: [
                { value: 'basic', label: { en: 'Basic' } },
                { value: 'premium', label: { en: 'Premium' } },
              ],
              custom: true,
              required: false,
              sortable: true,
              filterable: true,
            },
          ],
        },
      },
    });
    admin = t.a.keys.admin!;
    await contact('Lan', { emails: ['lan@example.vn'], tags: ['member'], customFields: { plan: 'premium' } });
    await contact('', { lastName: 'Trần', emails: ['tran@example.vn'], tags: ['member'] });
    await contact('<img src=x onerror=alert(1)>', { emails: ['evil@example.vn'], tags: ['member'] });
    await contact('Outsider', { emails: ['out@example.vn'] });
    const seg = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Members',
      filter: { field: 'tags', op: 'in', value: ['member'] },
    });
    segmentId = seg.body.id;
  });
  afterAll(() => t.close());

  it('is advertised in /v1/schema and creates drafts with an empty funnel', async () => {
    const schema = await t.call(admin, 'GET', '/v1/schema');
    expect(schema.body.capabilities.campaigns).toBe(true);
    const res = await draft();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', scheduledAt: null, schedule: null, throttlePerHour: null });
    expect(res.body.stats).toMatchObject({ audience: 0, sent: 0, opened: 0 });
    expect((await t.call(admin, 'GET', `/v1/campaigns/${res.body.id}`)).body.name).toBe('Renewal');
  });

  it('answers a typed 422 for a placeholder the workspace lacks, and for text that would print {{ as is', async () => {
    const res = await draft({ template: 'Chào {{contact.frist}} {{contact.customFields.nope}}' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: 'template',
        code: 'unknownPlaceholder',
        params: { placeholder: 'contact.frist' },
      }),
      expect.objectContaining({ code: 'unknownPlaceholder', params: { placeholder: 'contact.customFields.nope' } }),
    ]);
    const subject = await draft({ subject: 'Hi {{contact.firstName' });
    expect(subject.status).toBe(422);
    expect(subject.body.errors).toEqual([expect.objectContaining({ path: 'subject', code: 'malformedPlaceholder' })]);
    const created = await draft();
    const patched = await t.call(admin, 'PATCH', `/v1/campaigns/${created.body.id}`, { template: '{{deal.amount}}' });
    expect(patched.status).toBe(422);
  });

  it('refuses a segment that does not exist or does not select contacts', async () => {
    const missing = await draft({ segmentId: 'seg_nope' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ path: 'segmentId', code: 'notFound' });
    const deals = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Deals',
      resource: 'deals',
      filter: { field: 'name', op: 'isNull' },
    });
    expect((await draft({ segmentId: deals.body.id })).status).toBe(400);
  });

  it('previews for the first members: values, fallbacks, never {{…}}, hostile values escaped in HTML', async () => {
    const res = await t.call(admin, 'POST', '/v1/campaigns/preview', {
      segmentId,
      channel: 'email',
      subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
      template:
        'Chào {{contact.firstName|bạn}}, gói {{contact.customFields.plan|thành viên}}.\n\nXem https://club.vn/offer?a=1&b=2.',
      sample: 10,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byId = new Map(res.body.items.map((i: { contactId: string }) => [i.contactId, i]));
    expect(byId.size).toBe(3);
    expect(byId.get(ids.Lan)).toMatchObject({
      subject: 'Ưu đãi cho Lan',
      text: 'Chào Lan, gói premium.\n\nXem https://club.vn/offer?a=1&b=2.',
      address: 'lan@example.vn',
      consent: false,
      fallbacks: [],
    });
    const tran = byId.get(ids['']) as { text: string; fallbacks: string[] };
    expect(tran.text).toBe('Chào bạn, gói thành viên.\n\nXem https://club.vn/offer?a=1&b=2.');
    expect(tran.fallbacks).toEqual(['contact.firstName', 'contact.customFields.plan']);
    const evil = byId.get(ids['<img src=x onerror=alert(1)>']) as { html: string; text: string };
    expect(evil.text).toContain('<img src=x onerror=alert(1)>');
    expect(evil.html).not.toContain('<img src=x');
    expect(evil.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(evil.html).toContain('<a href="https://club.vn/offer?a=1&amp;b=2"');
    for (const item of res.body.items) expect(`${item.subject}${item.text}${item.html}`).not.toContain('{{');
  });

  it('previews for one given contact, and SMS without HTML', async () => {
    const res = await t.call(admin, 'POST', '/v1/campaigns/preview', {
      segmentId,
      channel: 'sms',
      template: 'Hi {{contact.name}}',
      contactId: ids.Outsider,
    });
    expect(res.body.items).toEqual([expect.objectContaining({ text: 'Hi Outsider', html: null, address: null })]);
  });

  it('escapes a hostile template in the e-mail HTML', async () => {
    const res = await t.call(admin, 'POST', '/v1/campaigns/preview', {
      segmentId,
      channel: 'email',
      subject: 'x',
      template: '<script>alert(1)</script><a href="javascript:alert(1)">x</a> "quoted" \'q\' javascript:alert(1)',
      contactId: ids.Lan,
    });
    const html = res.body.items[0].html as string;
    expect(html).not.toMatch(/<script|<a href="javascript|onerror=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('schedules a draft (workspace or recipient time zone), refuses edits then, and cancels', async () => {
    const created = await draft({ throttlePerHour: 100 });
    const id = created.body.id;
    const past = await t.call(admin, 'POST', `/v1/campaigns/${id}/schedule`, {
      schedule: { localTime: '2026-12-01T09:00', timeZone: 'workspace' },
    });
    expect(past.status).toBe(422);
    expect(past.body.errors[0]).toMatchObject({ path: 'schedule.localTime', code: 'future' });
    const res = await t.call(admin, 'POST', `/v1/campaigns/${id}/schedule`, {
      schedule: { localTime: '2026-12-02T09:00', timeZone: 'workspace' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-12-02T02:00:00.000Z',
      throttlePerHour: 100,
    });
    expect((await t.call(admin, 'PATCH', `/v1/campaigns/${id}`, { name: 'x' })).status).toBe(409);
    expect((await t.call(admin, 'POST', `/v1/campaigns/${id}/schedule`, {})).status).toBe(409);
    expect((await t.call(admin, 'DELETE', `/v1/campaigns/${id}`)).status).toBe(409);
    const stale = await t.call(admin, 'POST', `/v1/campaigns/${id}/cancel`, undefined, { 'If-Match': '"1"' });
    expect(stale.status).toBe(412);
    const cancelled = await t.call(admin, 'POST', `/v1/campaigns/${id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: '2026-12-01T03:00:00.000Z' });
    expect((await t.call(admin, 'POST', `/v1/campaigns/${id}/cancel`)).status).toBe(409);
    expect((await t.call(admin, 'DELETE', `/v1/campaigns/${id}`)).status).toBe(204);

    const local = await draft();
    const recipient = await t.call(admin, 'POST', `/v1/campaigns/${local.body.id}/schedule`, {
      schedule: { localTime: '2026-12-02T09:00', timeZone: 'recipient' },
    });
    // 09:00 first comes at UTC+14: 19:00 UTC the day before.
    expect(recipient.body.scheduledAt).toBe('2026-12-01T19:00:00.000Z');
  });

  it('requires a subject to send an e-mail', async () => {
    const created = await draft({ subject: null });
    expect(created.status).toBe(201);
    const res = await t.call(admin, 'POST', `/v1/campaigns/${created.body.id}/schedule`, {});
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'subject', code: 'required' });
  });

  it('lets viewers and agents read but only managers and up write', async () => {
    const created = await draft();
    for (const role of ['viewer', 'agent'] as const) {
      const key = t.a.keys[role]!;
      expect((await t.call(key, 'GET', '/v1/campaigns')).status).toBe(200);
      expect((await t.call(key, 'GET', `/v1/campaigns/${created.body.id}/report`)).status).toBe(200);
      expect((await t.call(key, 'POST', '/v1/campaigns', { name: 'x' })).status).toBe(403);
      expect((await t.call(key, 'POST', `/v1/campaigns/${created.body.id}/schedule`, {})).status).toBe(403);
    }
    expect((await t.call(t.a.keys.manager!, 'POST', `/v1/campaigns/${created.body.id}/schedule`, {})).status).toBe(200);
    expect((await t.call(t.b.keys.admin!, 'GET', `/v1/campaigns/${created.body.id}`)).status).toBe(404);
  });

  it('lists recipients, exports them as CSV and reports the funnel (empty before sending)', async () => {
    const created = await draft();
    const id = created.body.id;
    const recipients = await t.call(admin, 'GET', `/v1/campaigns/${id}/recipients?count=true`);
    expect(recipients.body).toEqual({ data: [], nextCursor: null, count: { value: 0, exact: true } });
    expect((await t.call(admin, 'GET', `/v1/campaigns/${id}/recipients?cursor=zzz`)).status).toBe(400);
    const csv = await t.server.fetch(
      new Request(`http://x/v1/campaigns/${id}/recipients/export`, { headers: { Authorization: `Bearer ${admin}` } }),
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM spreadsheets read UTF-8 by
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe(
      'contactId,name,address,status,skipReason,sendAt,sentAt,deliveredAt,bouncedAt,openedAt,clickedAt,repliedAt,convertedAt,optedOutAt,error',
    );
    const report = await t.call(admin, 'GET', `/v1/campaigns/${id}/report?interval=day`);
    expect(report.body).toMatchObject({ campaignId: id, interval: 'day', series: [] });
    expect(report.body.funnel.audience).toBe(0);
  });
});
