import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmServer } from '../src/index.js';
import { smtpEmailChannel } from '../src/node.js';
import { startTestServer, type TestServer } from './harness.js';
import { smtpSink } from './sinks.js';

const PUBLIC = 'https://crm.example.test';

/**
 * A campaign sent through the outbox to a local SMTP sink: frozen audience, consent and address checks, a throttle of
 * three an hour across a server restart (each message exactly once at the sink), tracking links that cannot be
 * forged, one-click unsubscribe, and responses on the contacts' timelines.
 */
describe('campaign sending', () => {
  let t: TestServer;
  let admin: string;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  const ids: Record<string, string> = {};

  const contact = async (name: string, body: Record<string, unknown>) => {
    const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: name, tags: ['m'], ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[name] = res.body.id;
  };
  /** A sending server on the shared database: a process of its own, as after a restart. */
  const process = async () => {
    const email = smtpEmailChannel({ host: '127.0.0.1', port: sink.port, from: '"Club" <club@example.test>' });
    const server = await createCrmServer({
      db: t.db,
      clock: t.clock,
      automation: { channels: [email], campaigns: { publicUrl: PUBLIC } },
    });
    return { server, close: () => email.close() };
  };
  /** Calls a public tracking URL of a message on the test server. */
  const visit = (url: string, method = 'GET') => t.server.fetch(new Request(url, { method, redirect: 'manual' }));
  /** A header of a received mail as sent (mailparser folds `List-*` headers into a structure). */
  const header = (mail: (typeof sink.mails)[number], name: string) =>
    mail.headerLines
      .find((h) => h.key === name)
      ?.line.slice(name.length + 1)
      .replace(/\s+/g, '');
  const mailTo = (address: string) => sink.mails.filter((m) => (m.to as { text: string }).text === address);
  const recipients = async (campaignId: string) =>
    Object.fromEntries(
      (await t.call(admin, 'GET', `/v1/campaigns/${campaignId}/recipients?limit=50`)).body.data.map(
        (r: { contactId: string }) => [Object.keys(ids).find((k) => ids[k] === r.contactId), r],
      ),
    );

  let campaignId: string;
  beforeAll(async () => {
    sink = await smtpSink();
    t = await startTestServer({ now: '2026-12-01T03:00:00Z', settings: { timeZone: 'Asia/Ho_Chi_Minh' } });
    admin = t.a.keys.admin!;
    await contact('An', { emails: ['an@example.test'], consent: { email: true } });
    await contact('Bao', { emails: ['bao@example.test'] }); // never asked: no consent
    await contact('Chi', { consent: { email: true } }); // no address
    await contact('Dung', { emails: ['dung@example.test'], consent: { email: false } }); // opted out
    await contact('', { lastName: '<b>Evil</b>', emails: ['e@example.test'], consent: { email: true } });
    await contact('Phuc', { emails: ['phuc@example.test'], consent: { email: true } });
    await contact('Giang', { emails: ['giang@example.test'], consent: { email: true } });
    const segment = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Members',
      filter: { field: 'tags', op: 'in', value: ['m'] },
    });
    const created = await t.call(admin, 'POST', '/v1/campaigns', {
      name: 'Renewal',
      segmentId: segment.body.id,
      channel: 'email',
      subject: 'Ưu đãi cho {{contact.firstName|bạn}}',
      template: 'Chào {{contact.firstName|bạn}} {{contact.lastName}},\n\nGia hạn tại https://club.vn/offer?x=1 nhé.',
      throttlePerHour: 3,
    });
    campaignId = created.body.id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('freezes the audience, skips who may not get it, and sends three an hour, each once across a restart', async () => {
    expect((await t.call(admin, 'POST', `/v1/campaigns/${campaignId}/schedule`, {})).body.status).toBe('scheduled');
    const first = await process();
    await first.server.automation.tick();
    first.close();
    // Joining the segment after the start changes nothing: the audience is frozen.
    await contact('Late', { emails: ['late@example.test'], consent: { email: true } });
    // Giang withdraws consent before her hour: she gets nothing after that moment.
    await t.call(admin, 'PATCH', `/v1/contacts/${ids.Giang}`, { consent: { email: false } });
    expect((await t.call(admin, 'GET', `/v1/campaigns/${campaignId}`)).body.status).toBe('sending');
    expect(sink.mails.map((m) => (m.to as { text: string }).text)).toEqual(['an@example.test']);

    // The first process is gone; another one goes on where it stopped.
    const second = await process();
    await second.server.automation.tick(); // nothing is due yet
    t.clock.advance({ hours: 1 });
    await second.server.automation.tick();
    t.clock.advance({ hours: 1 });
    await second.server.automation.tick();
    await second.server.automation.tick();
    second.close();

    expect(sink.mails.map((m) => (m.to as { text: string }).text).sort()).toEqual([
      'an@example.test',
      'e@example.test',
      'phuc@example.test',
    ]);
    const r = await recipients(campaignId);
    expect(Object.keys(r)).toHaveLength(7);
    expect(r.An).toMatchObject({ status: 'sent', sendAt: '2026-12-01T03:00:00.000Z' });
    expect(r.Bao).toMatchObject({ status: 'skipped', skipReason: 'noConsent' });
    expect(r.Chi).toMatchObject({ status: 'skipped', skipReason: 'noAddress' });
    expect(r.Dung).toMatchObject({ status: 'skipped', skipReason: 'optedOut', sendAt: '2026-12-01T04:00:00.000Z' });
    expect(r.Giang).toMatchObject({ status: 'skipped', skipReason: 'optedOut', sendAt: '2026-12-01T05:00:00.000Z' });
    expect(r.Late).toBeUndefined();
    const campaign = (await t.call(admin, 'GET', `/v1/campaigns/${campaignId}`)).body;
    expect(campaign).toMatchObject({ status: 'sent', stats: { audience: 7, sent: 3, skipped: 4 } });
  });

  it('personalises with fallbacks, escapes values in HTML, and carries RFC 8058 unsubscribe headers', async () => {
    const [evil] = mailTo('e@example.test');
    expect(evil!.subject).toBe('Ưu đãi cho bạn');
    expect(evil!.text).toContain('Chào bạn <b>Evil</b>,');
    expect(evil!.html).toContain('Chào bạn &lt;b&gt;Evil&lt;/b&gt;,');
    expect(evil!.html).not.toContain('<b>Evil');
    for (const m of sink.mails) expect(`${m.subject}${m.text}${m.html}`).not.toContain('{{');
    const [an] = mailTo('an@example.test');
    const unsubscribe = header(an!, 'list-unsubscribe')!;
    expect(unsubscribe).toMatch(new RegExp(`^<${PUBLIC}/t/u/rcp_[^>]+>$`));
    expect(header(an!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(an!.html).toContain(`${PUBLIC}/t/o/`);
    expect(an!.html).not.toContain('href="https://club.vn/offer');
  });

  it('records opens and clicks through signed links, and refuses any forged or altered link', async () => {
    const html = mailTo('an@example.test')[0]!.html as string;
    const pixel = /src="([^"]+\/t\/o\/[^"]+)"/.exec(html)![1]!;
    const click = /href="([^"]+\/t\/c\/[^"]+)"/.exec(html)![1]!.replaceAll('&amp;', '&');
    const pixelRes = await visit(pixel);
    expect(pixelRes.headers.get('content-type')).toBe('image/gif');
    const res = await visit(click);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://club.vn/offer?x=1');

    const other = mailTo('phuc@example.test')[0]!.html as string;
    const otherRecipient = /\/t\/c\/(rcp_[^/]+)\//.exec(other)![1]!;
    const forged = [
      click.replace(encodeURIComponent('https://club.vn/offer?x=1'), encodeURIComponent('https://evil.example/')),
      `${click}&u=${encodeURIComponent('https://evil.example/')}`,
      click.replace(/\/t\/c\/rcp_[^/]+\//, `/t/c/${otherRecipient}/`),
      click.replace(/\/([A-Za-z0-9_-]{43})\?/, (_, s: string) => `/${s.slice(0, -1)}${s.at(-1) === 'A' ? 'B' : 'A'}?`),
      click.replace(encodeURIComponent('https://club.vn/offer?x=1'), encodeURIComponent('javascript:alert(1)')),
    ];
    for (const url of forged) {
      const bad = await visit(url);
      expect(bad.status, url).toBe(404);
      expect(bad.headers.get('location')).toBeNull();
    }
    const r = await recipients(campaignId);
    expect(r.An).toMatchObject({ status: 'clicked', openedAt: expect.any(String), clickedAt: expect.any(String) });
    expect(r.Phuc).toMatchObject({ status: 'sent', clickedAt: null });
  });

  it('unsubscribes in one click: consent withdrawn at once with its time, and on the timeline', async () => {
    const [an] = mailTo('an@example.test');
    const url = header(an!, 'list-unsubscribe')!.slice(1, -1);
    expect((await visit(url)).status).toBe(200); // the confirmation page changes nothing
    expect((await t.call(admin, 'GET', `/v1/contacts/${ids.An}`)).body.consent.email.granted).toBe(true);
    expect((await visit(url, 'POST')).status).toBe(200);
    const contact = (await t.call(admin, 'GET', `/v1/contacts/${ids.An}`)).body;
    expect(contact.consent.email).toEqual({ granted: false, updatedAt: t.clock.now().toISOString() });
    expect((await recipients(campaignId)).An).toMatchObject({ status: 'optedOut', optedOutAt: expect.any(String) });
    const timeline = await t.call(admin, 'GET', `/v1/activities?filter[contactId]=${ids.An}&sort=occurredAt`);
    const subjects = timeline.body.data.map((a: { type: string; subject: string }) => `${a.type}: ${a.subject}`);
    expect(subjects).toEqual([
      'email: Ưu đãi cho An',
      'system: Opened the campaign “Renewal”',
      'system: Clicked a link in the campaign “Renewal”',
      'system: Unsubscribed from e-mails (campaign “Renewal”)',
    ]);
  });

  it('links replies and conversions within the attribution window, and reports the funnel', async () => {
    await t.call(admin, 'POST', '/v1/activities', {
      type: 'email',
      direction: 'inbound',
      subject: 'Re: Ưu đãi',
      contactId: ids[''],
      occurredAt: t.clock.now().toISOString(),
    });
    await t.call(admin, 'POST', '/v1/activities', {
      type: 'meeting',
      subject: 'Visit',
      contactId: ids.Phuc,
      occurredAt: t.clock.now().toISOString(),
    });
    const r = await recipients(campaignId);
    expect(r['']).toMatchObject({ status: 'replied', repliedAt: expect.any(String) });
    expect(r.Phuc).toMatchObject({ status: 'converted', convertedAt: expect.any(String) });
    const report = (await t.call(admin, 'GET', `/v1/campaigns/${campaignId}/report`)).body;
    expect(report.funnel).toEqual({
      audience: 7,
      skipped: 4,
      sent: 3,
      delivered: 2,
      bounced: 0,
      opened: 1,
      clicked: 1,
      replied: 1,
      converted: 1,
      optedOut: 1,
      failed: 0,
    });
    expect(report.series).toEqual([{ at: '2026-12-01T05:00:00.000Z', opened: 1, clicked: 1 }]);
    const segmentId = (await t.call(admin, 'GET', `/v1/campaigns/${campaignId}`)).body.segmentId;
    const insights = (await t.call(admin, 'GET', `/v1/campaigns/insights?segmentId=${segmentId}`)).body;
    // An was sent at 10:00 local (03:00Z); Evil and Phuc at 11:00 (04:00Z). All three responded.
    expect(insights).toMatchObject({ segmentId, campaigns: 1 });
    expect(insights.bySendHour).toEqual([
      { channel: 'email', hour: 10, sent: 1, opened: 1, responded: 1, responseRate: 1 },
      { channel: 'email', hour: 11, sent: 2, opened: 0, responded: 2, responseRate: 1 },
    ]);
    expect(insights.byAttribute).toEqual([
      { attribute: 'lifecycleStage', value: 'potential', sent: 3, opened: 1, responded: 3, responseRate: 1 },
      { attribute: 'tags', value: 'm', sent: 3, opened: 1, responded: 3, responseRate: 1 },
    ]);
  });
});
