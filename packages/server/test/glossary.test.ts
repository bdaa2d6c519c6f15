import * as en from '@crmkit/core/glossary/en';
import * as th from '@crmkit/core/glossary/th';
import * as vi from '@crmkit/core/glossary/vi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/**
 * `/v1/schema` labels the built-in concepts with the glossary's terms (`@crmkit/core/glossary/*`), the terms the
 * widgets' catalogs are checked against: a server label and a catalog message never name one thing two ways.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const term = (concept: keyof typeof en) => ({ en: en[concept], vi: vi[concept], th: th[concept] });

describe('the schema’s labels', () => {
  it('are the glossary’s terms', async () => {
    const schema = (await t.call(t.a.keys.admin, 'GET', '/v1/schema')).body;
    expect(schema.entities.contact.labels.singular).toEqual(term('contact'));
    expect(schema.entities.ticket.labels.plural).toEqual(term('tickets'));
    const label = (list: { key: string; label: unknown }[], key: string) => list.find((x) => x.key === key)?.label;
    expect(label(schema.lifecycleStages, 'potential')).toEqual(term('lifecyclePotential'));
    expect(label(schema.lifecycleStages, 'active')).toEqual(term('lifecycleActive'));
    expect(label(schema.lifecycleStages, 'lost')).toEqual(term('lifecycleLost'));
    expect(label(schema.ticketStatuses, 'on_hold')).toEqual(term('ticketOnHold'));
    expect(label(schema.activityTypes, 'note')).toEqual(term('note'));
    const field = (entity: string, key: string) => label(schema.fields[entity], key);
    expect(field('contact', 'lifecycleStage')).toEqual(term('lifecycleStage'));
    expect(field('deal', 'probability')).toEqual(term('probability'));
    expect(field('deal', 'expectedCloseDate')).toEqual(term('expectedCloseDate'));
    expect(field('lead', 'name')).toEqual(term('fullName'));
    expect(field('company', 'name')).toEqual(term('name'));
    // How a contact is addressed and how its name is written: standard fields, with the glossary's terms.
    expect(field('contact', 'salutation')).toEqual(term('salutation'));
    expect(field('contact', 'nameOrder')).toEqual(term('nameOrder'));
    const order = schema.fields.contact.find((f: { key: string }) => f.key === 'nameOrder');
    expect(order.options).toEqual([
      { value: 'given_first', label: term('givenNameFirst') },
      { value: 'family_first', label: term('familyNameFirst') },
    ]);
  });
});

describe('a workspace’s own labels', () => {
  it('label pipeline stages per locale in /v1/schema, as the built-in values are', async () => {
    const admin = t.a.keys.admin;
    const created = await t.call(admin, 'POST', '/v1/pipelines', {
      name: 'Sales',
      currency: 'VND',
      stages: [
        { name: 'Proposal', label: term('proposal'), probability: 50, kind: 'open' },
        { name: 'Won', label: term('won'), probability: 100, kind: 'won' },
        { name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const schema = (await t.call(t.a.keys.viewer, 'GET', '/v1/schema')).body;
    const stages = schema.pipelines.find((p: { id: string }) => p.id === created.body.id).stages;
    expect(stages.map((s: { label?: unknown }) => s.label)).toEqual([term('proposal'), term('won'), undefined]);
    expect(stages[0].label.vi).toBe('Gửi báo giá');
    // Relabelling a stage keeps its id and deals; a label must say it in English at least.
    const input = ({ position: _, ...stage }: { position: number }) => stage;
    const [proposal, won, lost] = created.body.stages.map(input);
    const relabelled = await t.call(admin, 'PATCH', `/v1/pipelines/${created.body.id}`, {
      stages: [{ ...proposal, label: { en: 'Quote', vi: 'Báo giá' } }, won, lost],
    });
    expect(relabelled.status, JSON.stringify(relabelled.body)).toBe(200);
    expect(relabelled.body.stages[0]).toMatchObject({ id: proposal.id, label: { en: 'Quote', vi: 'Báo giá' } });
    const bad = await t.call(admin, 'PATCH', `/v1/pipelines/${created.body.id}`, {
      stages: [{ ...proposal, label: { vi: 'Báo giá' } }, won, lost],
    });
    expect(bad.status).toBe(400);
  });

  it('label pipelines per locale in /v1/schema, like their stages', async () => {
    const admin = t.a.keys.admin;
    const stages = [
      { name: 'Open', probability: 20, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ];
    const created = await t.call(admin, 'POST', '/v1/pipelines', {
      name: 'Renewals',
      label: term('renewals'),
      currency: 'VND',
      stages,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.label).toEqual({ en: 'Renewals', vi: 'Gia hạn hội viên', th: 'ต่ออายุสมาชิก' });
    const inSchema = async () =>
      (await t.call(t.a.keys.viewer, 'GET', '/v1/schema')).body.pipelines.find(
        (p: { id: string }) => p.id === created.body.id,
      );
    expect((await inSchema()).label).toEqual(term('renewals'));
    // A label must say it in English at least; null clears it (clients then show the name).
    const bad = await t.call(admin, 'PATCH', `/v1/pipelines/${created.body.id}`, { label: { vi: 'Gia hạn' } });
    expect(bad.status).toBe(400);
    const cleared = await t.call(admin, 'PATCH', `/v1/pipelines/${created.body.id}`, { label: null });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect((await inSchema()).label).toBeNull();
    const plain = await t.call(admin, 'POST', '/v1/pipelines', { name: 'Plain', stages });
    expect(plain.body.label).toBeNull();
  });
});
