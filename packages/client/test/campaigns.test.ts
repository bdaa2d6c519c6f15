import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmClient, type CrmError, PreconditionFailedError, ValidationError } from '../src/index.js';
import { startServer, type TestServer } from './harness.js';

let t: TestServer;
let crm: CrmClient;
beforeAll(async () => {
  t = await startServer();
  crm = t.client();
});
afterAll(() => t.close());

describe('campaigns through the client', () => {
  it('saves a draft, previews it, schedules and cancels it, and reads its recipients, report and CSV', async () => {
    await crm.contacts.create({ firstName: 'Lan', emails: ['lan@example.vn'], tags: ['camp'] });
    await crm.contacts.create({ firstName: '', lastName: 'Trần', emails: ['tran@example.vn'], tags: ['camp'] });
    const segment = await crm.segments.create({ name: 'Camp', filter: { field: 'tags', op: 'in', value: ['camp'] } });
    const content = {
      segmentId: segment.id,
      channel: 'email' as const,
      subject: 'Ưu đãi',
      template: 'Chào {{contact.firstName|bạn}}',
    };
    const body = { name: 'Renewal', ...content };
    const campaign = await crm.campaigns.create(body);
    expect(campaign).toMatchObject({ status: 'draft', version: 1, stats: { audience: 0 } });

    const preview = await crm.campaigns.preview({ ...content, sample: 5 });
    expect(preview.items.map((i) => i.text).sort()).toEqual(['Chào Lan', 'Chào bạn']);

    const error = await crm.campaigns.update(campaign.id, { template: '{{contact.nope}}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as CrmError).status).toBe(422);
    expect((error as CrmError).problem.errors?.[0]).toMatchObject({
      code: 'unknownPlaceholder',
      params: { placeholder: 'contact.nope' },
    });

    // This server has no e-mail channel: the test send says so on `channel`.
    const test = await crm.campaigns.testSend(content).catch((e: unknown) => e);
    expect(test).toBeInstanceOf(ValidationError);
    expect((test as CrmError).problem.errors?.[0]).toMatchObject({ path: 'channel' });

    const stale = await crm.campaigns.schedule(campaign.id, {}, { ifVersion: 9 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    const scheduled = await crm.campaigns.schedule(
      campaign.id,
      { schedule: { localTime: '2099-01-01T09:00', timeZone: 'workspace' }, throttlePerHour: 10 },
      { ifVersion: 1 },
    );
    expect(scheduled).toMatchObject({ status: 'scheduled', throttlePerHour: 10 });
    expect((await crm.campaigns.cancel(campaign.id)).status).toBe('cancelled');

    expect(await crm.campaigns.recipients(campaign.id, { count: true, status: 'sent' })).toEqual({
      data: [],
      nextCursor: null,
      count: { value: 0, exact: true },
    });
    expect((await crm.campaigns.report(campaign.id, { interval: 'day' })).funnel.audience).toBe(0);
    expect(await crm.campaigns.insights(segment.id)).toEqual({
      segmentId: segment.id,
      campaigns: 0,
      bySendHour: [],
      byAttribute: [],
    });
    const csv = await crm.campaigns.exportRecipients(campaign.id, { status: 'sent' });
    expect((await csv.text()).startsWith('contactId,name,address,status')).toBe(true);
  });
});
