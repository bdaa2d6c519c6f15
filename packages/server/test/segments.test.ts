import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Segment semantics against a hand-counted data set in Asia/Ho_Chi_Minh (UTC+7). The clock is 2026-12-06T18:30Z:
 * 7 December 01:30 local while UTC still says 6 December, so every relative date must count from the local day.
 */
describe('segments', () => {
  let t: TestServer;
  let admin: string;
  const ids: Record<string, string> = {};
  const NOW = '2026-12-06T18:30:00.000Z';

  const contact = async (name: string, body: Record<string, unknown>) => {
    const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: name, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[name] = res.body.id;
  };
  const activity = async (name: string, type: string, occurredAt: string) => {
    const res = await t.call(admin, 'POST', '/v1/activities', {
      type,
      contactId: ids[name],
      occurredAt,
      subject: type,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  /** The first names of the members a filter previews, sorted. */
  const preview = async (filter: unknown, resource = 'contacts') => {
    const res = await t.call(admin, 'POST', '/v1/segments/preview', { resource, filter, sample: 50 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const names = (res.body.sample as { firstName: string }[]).map((c) => c.firstName).sort();
    expect(res.body.count).toEqual({ value: names.length, exact: true });
    return names;
  };

  beforeAll(async () => {
    t = await startTestServer({
      now: '2026-11-01T10:00:00Z',
      settings: {
        timeZone: 'Asia/Ho_Chi_Minh',
        customFields: {
          contact: [
            {
              key: 'membershipExpiry',
              label: { en: 'Membership expires' },
              type: 'date',
              custom: true,
              required: false,
              sortable: true,
              filterable: true,
            },
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
    admin = t.a.keys.admin;
    await contact('Hạnh', {});
    t.clock.set(NOW);
    const cf = (membershipExpiry: string | null, plan?: string) => ({
      customFields: { membershipExpiry, ...(plan ? { plan } : {}) },
    });
    await contact('An', {
      birthday: '1990-12-10',
      lifecycleStage: 'active',
      tags: ['vip'],
      ...cf('2026-12-20', 'premium'),
    });
    await contact('Bình', { birthday: '1985-12-07', lifecycleStage: 'loyal', ...cf('2026-12-31', 'basic') });
    await contact('Chi', {
      birthday: '1992-12-06',
      lifecycleStage: 'active',
      tags: ['vip', 'trial'],
      ...cf('2027-01-10'),
    });
    await contact('Dũng', {
      birthday: '2000-02-29',
      lifecycleStage: 'potential',
      tags: ['trial'],
      ...cf('2026-12-07', 'basic'),
    });
    await contact('Em', { birthday: '1995-12-14', lifecycleStage: 'lost', tags: ['vip'], ...cf('2026-11-30') });
    await contact('Giang', { lifecycleStage: 'active' });
    await activity('An', 'meeting', '2026-12-01T03:00:00Z');
    await activity('Bình', 'call', '2026-08-01T03:00:00Z');
    await activity('Bình', 'meeting', '2026-11-01T03:00:00Z');
    await activity('Dũng', 'meeting', '2026-12-06T17:30:00Z'); // 00:30 on 7 December, local
    await activity('Dũng', 'call', '2026-11-20T03:00:00Z');
    await activity('Giang', 'meeting', '2026-12-06T16:30:00Z'); // 23:30 on 6 December, local
  });
  afterAll(() => t.close());

  it('birthdays in the next 7 days, from the local today (7 December)', async () => {
    const filter = { field: 'birthday', op: 'inNextDays', days: 7, yearly: true };
    expect(await preview(filter)).toEqual(['An', 'Bình', 'Em']);
  });

  it('a 29 February birthday falls on 28 February in a year without one', async () => {
    t.clock.set('2027-02-27T12:00:00Z');
    try {
      expect(await preview({ field: 'birthday', op: 'inNextDays', days: 1, yearly: true })).toEqual(['Dũng']);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('a custom date field within the next 30 days, and dates long ago or far ahead', async () => {
    expect(await preview({ field: 'customFields.membershipExpiry', op: 'inNextDays', days: 30 })).toEqual([
      'An',
      'Bình',
      'Dũng',
    ]);
    expect(await preview({ field: 'customFields.membershipExpiry', op: 'inLastDays', days: 7 })).toEqual([
      'Dũng',
      'Em',
    ]);
    expect(await preview({ field: 'customFields.membershipExpiry', op: 'moreThanDaysAhead', days: 30 })).toEqual([
      'Chi',
    ]);
    expect(await preview({ field: 'createdAt', op: 'moreThanDaysAgo', days: 30 })).toEqual(['Hạnh']);
    expect(await preview({ field: 'createdAt', op: 'inLastDays', days: 0 })).toHaveLength(6);
  });

  it('activity facts: no visit for 21 days, a call in the last 90 days, a visit today (local)', async () => {
    const visit = (inLastDays: number, has: boolean) => ({ activity: { types: ['meeting'], inLastDays }, has });
    expect(await preview(visit(21, false))).toEqual(['Bình', 'Chi', 'Em', 'Hạnh']);
    expect(await preview({ activity: { types: ['call'], inLastDays: 90 }, has: true })).toEqual(['Dũng']);
    expect(await preview(visit(0, true))).toEqual(['Dũng']);
    expect(await preview({ activity: {}, has: true })).toEqual(['An', 'Bình', 'Dũng', 'Giang']);
  });

  it('campaign facts: opened a campaign (ever, in the last 30 days, today local), clicked that one, never opened', async () => {
    // Two campaigns to everyone; what their sender and tracking recorded per recipient, written as they write it.
    const all = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Everyone',
      filter: { field: 'createdAt', op: 'isNull', value: false },
    });
    const campaign = async (name: string) => {
      const res = await t.call(admin, 'POST', '/v1/campaigns', {
        name,
        segmentId: all.body.id,
        channel: 'email',
        subject: 'Ưu đãi',
        template: 'Chào {{contact.firstName|bạn}}',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const [november, december] = [await campaign('November'), await campaign('December')];
    let position = 0;
    const recipient = async (campaignId: string, name: string, at: Record<string, string>) => {
      const columns = Object.keys(at);
      await t.db.query(
        `INSERT INTO campaign_recipients (id, workspace_id, campaign_id, position, contact_id, name, status, send_at,
           send_hour${columns.map((c) => `, ${c}`).join('')})
         VALUES ($1, 'ws_a', $2, $3, $4, $5, 'sent', $6, 10${columns.map((_, i) => `, $${i + 7}`).join('')})`,
        [`cr_${++position}`, campaignId, position, ids[name], name, at.sent_at, ...Object.values(at)],
      );
    };
    await recipient(november, 'An', { sent_at: '2026-11-01T03:00:00Z', opened_at: '2026-11-02T03:00:00Z' });
    await recipient(november, 'Bình', { sent_at: '2026-11-01T03:00:00Z' });
    await recipient(november, 'Chi', {
      sent_at: '2026-11-01T03:00:00Z',
      opened_at: '2026-12-05T03:00:00Z',
      clicked_at: '2026-12-05T03:01:00Z',
    });
    await recipient(december, 'An', { sent_at: '2026-12-06T17:30:00Z' });
    await recipient(december, 'Dũng', { sent_at: '2026-12-06T17:30:00Z', opened_at: '2026-12-06T17:45:00Z' }); // 00:45 local

    const opened = (inLastDays?: number, has = true) => ({ campaign: { response: 'opened', inLastDays }, has });
    expect(await preview(opened())).toEqual(['An', 'Chi', 'Dũng']);
    expect(await preview(opened(30))).toEqual(['Chi', 'Dũng']); // An opened 35 days ago
    expect(await preview(opened(0))).toEqual(['Dũng']);
    expect(await preview(opened(undefined, false))).toEqual(['Bình', 'Em', 'Giang', 'Hạnh']);
    expect(await preview({ campaign: { response: 'clicked', campaignId: november }, has: true })).toEqual(['Chi']);
    expect(await preview({ campaign: { response: 'sent', campaignId: december }, has: true })).toEqual(['An', 'Dũng']);
    // Received the December campaign and did not open it.
    expect(
      await preview({
        and: [
          { campaign: { response: 'sent', campaignId: december }, has: true },
          { not: { campaign: { response: 'opened', campaignId: december }, has: true } },
        ],
      }),
    ).toEqual(['An']);
  });

  it('nested and / or / not over tags, lifecycle, custom selects and relative dates', async () => {
    const birthdays = { field: 'birthday', op: 'inNextDays', days: 7, yearly: true };
    const vipPremiumOrBirthday = {
      and: [
        { field: 'tags', op: 'in', value: ['vip'] },
        { or: [{ field: 'customFields.plan', op: 'eq', value: 'premium' }, birthdays] },
      ],
    };
    expect(await preview(vipPremiumOrBirthday)).toEqual(['An', 'Em']);
    expect(await preview({ not: { field: 'tags', op: 'in', value: ['trial'] } })).toEqual([
      'An',
      'Bình',
      'Em',
      'Giang',
      'Hạnh',
    ]);
    expect(await preview({ field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] })).toEqual([
      'An',
      'Bình',
      'Chi',
      'Giang',
    ]);
  });

  it('saves a segment and lists its members live, with a count', async () => {
    const created = await t.call(admin, 'POST', '/v1/segments', {
      name: 'Renewals this month',
      filter: { field: 'customFields.membershipExpiry', op: 'inNextDays', days: 30 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ resource: 'contacts', description: null, version: 1 });
    const id = created.body.id;
    const first = await t.call(admin, 'GET', `/v1/segments/${id}/members?limit=2&count=true&sort=firstName`);
    expect(first.status).toBe(200);
    expect(first.body.count).toEqual({ value: 3, exact: true });
    expect(first.body.data.map((c: { firstName: string }) => c.firstName)).toEqual(['An', 'Bình']);
    const second = await t.call(
      admin,
      'GET',
      `/v1/segments/${id}/members?limit=2&sort=firstName&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.data.map((c: { firstName: string }) => c.firstName)).toEqual(['Dũng']);
    expect(second.body.count).toBeUndefined();
    // Membership is live: a renewal moves An out.
    await t.call(admin, 'PATCH', `/v1/contacts/${ids.An}`, { customFields: { membershipExpiry: '2027-12-20' } });
    const after = await t.call(admin, 'GET', `/v1/segments/${id}/members?count=true`);
    expect(after.body.count.value).toBe(2);
    await t.call(admin, 'PATCH', `/v1/contacts/${ids.An}`, { customFields: { membershipExpiry: '2026-12-20' } });
    const renamed = await t.call(admin, 'PATCH', `/v1/segments/${id}`, { name: 'Renewals' }, { 'If-Match': '"1"' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renewals', version: 2 });
  });

  it('counts lists and searches on request, and only then', async () => {
    const list = await t.call(admin, 'GET', '/v1/contacts?limit=2&count=true');
    expect(list.body.count).toEqual({ value: 7, exact: true });
    expect(list.body.data).toHaveLength(2);
    const vip = await t.call(admin, 'GET', '/v1/contacts?limit=1&count=true&filter[tags]=vip');
    expect(vip.body.count).toEqual({ value: 3, exact: true });
    const search = await t.call(admin, 'POST', '/v1/contacts/search', {
      filter: { field: 'lifecycleStage', op: 'eq', value: 'active' },
      q: 'an',
      count: true,
    });
    expect(search.body.count).toEqual({ value: 2, exact: true }); // An, Giang
    expect((await t.call(admin, 'GET', '/v1/contacts?limit=1')).body.count).toBeUndefined();
    const bad = await t.call(admin, 'GET', '/v1/contacts?count=yes');
    expect(bad.status).toBe(400);
  });

  it('refuses filters the fields do not allow, naming the path', async () => {
    const save = (filter: unknown, resource = 'contacts') =>
      t.call(admin, 'POST', '/v1/segments', { name: 'Bad', resource, filter });
    const cases: [unknown, string, string?][] = [
      [{ field: 'firstName', op: 'inNextDays', days: 7 }, 'filter.field'],
      [{ and: [{ field: 'birthday', op: 'moreThanDaysAgo', days: 7, yearly: true }] }, 'filter.and.0.yearly'],
      [{ field: 'birthday', op: 'inNextDays', days: 400, yearly: true }, 'filter.days'],
      [{ field: 'customFields.nope', op: 'eq', value: 'x' }, 'filter.field'],
      [{ activity: { types: ['call'] }, has: true }, 'filter.activity', 'leads'],
      [{ campaign: { response: 'opened' }, has: true }, 'filter.campaign', 'deals'],
    ];
    for (const [filter, path, resource] of cases) {
      const res = await save(filter, resource);
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const shape = await save({ field: 'birthday', op: 'inNextDays' });
    expect(shape.status).toBe(400);
  });

  it('keeps roles and workspaces apart', async () => {
    const body = { name: 'Mine', filter: { field: 'tags', op: 'in', value: ['vip'] } };
    expect((await t.call(t.a.keys.viewer!, 'POST', '/v1/segments', body)).status).toBe(403);
    const agent = await t.call(t.a.keys.agent!, 'POST', '/v1/segments', body);
    expect(agent.status).toBe(201);
    expect((await t.call(t.a.keys.viewer!, 'GET', `/v1/segments/${agent.body.id}/members`)).status).toBe(200);
    expect((await t.call(t.b.keys.admin, 'GET', `/v1/segments/${agent.body.id}/members`)).status).toBe(404);
    const other = await t.call(t.b.keys.admin, 'POST', '/v1/segments/preview', { filter: body.filter });
    expect(other.body.count.value).toBe(0);
  });
});

describe('segments on a server without the capability', () => {
  it('answers 404, and the schema says so', async () => {
    const t = await startTestServer({ capabilities: { segments: false } });
    try {
      const res = await t.call(t.a.keys.admin, 'GET', '/v1/segments');
      expect(res.status).toBe(404);
      const schema = await t.call(t.a.keys.admin, 'GET', '/v1/schema');
      expect(schema.body.capabilities.segments).toBe(false);
    } finally {
      await t.close();
    }
  });
});
