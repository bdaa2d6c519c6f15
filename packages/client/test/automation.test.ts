import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmClient, NotFoundError, ValidationError } from '../src/index.js';
import { startServer, type TestServer } from './harness.js';

let t: TestServer;
let crm: CrmClient;
beforeAll(async () => {
  t = await startServer();
  crm = t.client();
});
afterAll(() => t.close());

describe('automation, webhooks and notifications against the reference server', () => {
  it('manages a rule, previews it, runs it once per occurrence and reads its log and the notification it sent', async () => {
    const me = await crm.me.get();
    const contact = await crm.contacts.create({ firstName: 'Lan', lastName: 'Nguyễn' });
    const draft = {
      name: 'Say hello',
      resource: 'contacts' as const,
      trigger: { type: 'manual' as const },
      steps: [
        {
          type: 'notify' as const,
          to: { type: 'user' as const, userId: me.user!.id },
          message: 'Hi {{contact.firstName}}',
        },
      ],
    };
    const preview = await crm.automationRules.dryRun(null, { rule: draft, recordId: contact.id });
    expect(preview.matches).toBe(true);
    expect(preview.steps).toHaveLength(1);
    await expect(
      crm.automationRules.create({ ...draft, trigger: { type: 'schedule', cron: 'not a cron' } }),
    ).rejects.toBeInstanceOf(ValidationError);

    const rule = await crm.automationRules.create(draft);
    expect(rule).toMatchObject({ enabled: true, stats: { runs: 0, failures: 0 } });
    const off = await crm.automationRules.update(rule.id, { enabled: false }, { ifVersion: rule.version });
    expect(off.enabled).toBe(false);
    await crm.automationRules.update(rule.id, { enabled: true });
    expect((await crm.automationRules.list({ filter: { enabled: true } })).data.map((r) => r.id)).toContain(rule.id);

    const first = await crm.automationRules.run(rule.id, { recordIds: [contact.id], occurrence: 'hello-1' });
    expect(first.runs).toEqual([expect.objectContaining({ recordId: contact.id, enrolled: true })]);
    const again = await crm.automationRules.run(rule.id, { recordIds: [contact.id], occurrence: 'hello-1' });
    expect(again.runs[0]!.enrolled).toBe(false);
    await t.server.automation.tick();

    const { data: runs } = await crm.automationRuns.list({ ruleId: rule.id, recordId: contact.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', occurrence: expect.stringContaining('hello-1') });
    expect((await crm.automationRuns.get(runs[0]!.id)).id).toBe(runs[0]!.id);
    const { data: steps } = await crm.automationRuns.steps(runs[0]!.id);
    expect(steps).toEqual([expect.objectContaining({ path: '0', type: 'notify', outcome: 'done' })]);
    expect((await crm.automationRuns.list({ ruleId: rule.id, status: 'failed' })).data).toEqual([]);

    const { data: unread } = await crm.notifications.list({ unread: true });
    const hello = unread.find((n) => n.resourceId === contact.id);
    expect(hello).toMatchObject({ title: 'Hi Lan', readAt: null });
    expect((await crm.notifications.read(hello!.id)).readAt).not.toBeNull();
    expect((await crm.notifications.list({ unread: true })).data.some((n) => n.id === hello!.id)).toBe(false);
    expect((await crm.notifications.readAll()).updated).toBeGreaterThanOrEqual(0);
    expect((await crm.notifications.list({ unread: true })).data).toEqual([]);

    await crm.automationRules.remove(rule.id);
    await expect(crm.automationRules.get(rule.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates a webhook subscription (its secret shown once), rotates the secret and lists its deliveries', async () => {
    const created = await crm.webhookSubscriptions.create({
      url: 'https://hooks.example.com/crm',
      eventTypes: ['contact.created'],
    });
    const { secret } = created;
    expect(secret).toMatch(/^whsec_/);
    const read = await crm.webhookSubscriptions.get(created.id);
    expect(read).not.toHaveProperty('secret');
    const rotated = await crm.webhookSubscriptions.rotateSecret(created.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);

    await crm.contacts.create({ firstName: 'Hook' });
    const { data } = await crm.webhookDeliveries.list({ subscriptionId: created.id });
    expect(data).toEqual([expect.objectContaining({ subscriptionId: created.id, eventType: 'contact.created' })]);
    await expect(crm.webhookDeliveries.replay('whd_nope')).rejects.toBeInstanceOf(NotFoundError);
    await crm.webhookSubscriptions.remove(created.id);
  });
});
