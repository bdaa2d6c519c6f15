import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError, filterParams, InvalidResponseError } from '../src/index.js';
import { faulty, json, sseResponse } from './faults.js';
import { createPipeline, eventually, startServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

/** A backend that answers like the reference server, with `edit` applied to the JSON of matching responses. */
const tampering = (match: (url: string, method: string) => boolean, edit: (body: any) => void) =>
  faulty(t.fetch, async (seen, pass) => {
    const res = await pass();
    if (!match(seen.url, seen.method) || !res.ok) return res;
    const body = await res.json();
    edit(body);
    return json(res.status, body, Object.fromEntries(res.headers));
  });

describe('validate: true', () => {
  it('accepts every response of the reference server', async () => {
    const crm = t.client({ validate: true });
    await createPipeline(crm);
    const contact = await crm.contacts.create({ firstName: 'Valid', emails: ['v@x.vn'], phones: ['+84901234567'] });
    await crm.contacts.update(contact.id, { birthday: '1990-02-03' });
    await crm.contacts.list({ limit: 5 });
    await crm.contacts.search({ filter: { field: 'firstName', op: 'eq', value: 'Valid' } });
    await crm.contacts.batch([{ op: 'create', data: { firstName: 'B' } }]);
    const deal = await crm.deals.create({ name: 'D', amount: 100 });
    await crm.deals.aggregate({ groupBy: 'stageId' });
    await crm.deals.move(deal.id, { stageId: deal.stageId });
    const lead = await crm.leads.create({ name: 'L' });
    await crm.leads.convert(lead.id);
    const ticket = await crm.tickets.create({ subject: 'T' });
    await crm.tickets.reply(ticket.id, 'ok');
    await crm.tickets.messages(ticket.id);
    await crm.schema.get();
    await crm.me.get();
    await crm.contacts.remove(contact.id);
  });

  it('turns a non-conforming body into an InvalidResponseError naming the bad field', async () => {
    const net = tampering(
      (url) => url.includes('/v1/contacts?'),
      (page) => {
        page.data[0].emails = 'lan@x.vn';
        page.data[1].version = '2';
      },
    );
    const crm = t.client({ fetch: net.fetch, validate: true });
    await crm.contacts.create({ firstName: 'A' });
    await crm.contacts.create({ firstName: 'B' });
    const error = await crm.contacts.list({ limit: 10 }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.errors.map((e: { path: string }) => e.path)).toEqual(['data.0.emails', 'data.1.version']);
    expect(error.message).toMatch(/GET \/v1\/contacts breaks the contract: data\.0\.emails: /);
    expect(error.requestId).toEqual(expect.any(String));
    // Without validation the same body goes through as is.
    const page = await t.client({ fetch: net.fetch }).contacts.list({ limit: 10 });
    expect(page.data[0]!.emails).toBe('lan@x.vn');
  });

  it('matches literal paths before templated ones, and checks the status that was answered', async () => {
    const net = tampering(
      (url) => url.includes('/v1/deals/aggregate'),
      (body) => {
        body.groups = [{ key: null, currency: 'VND', count: 'many', sum: 0, weightedSum: 0 }];
      },
    );
    const error = await t
      .client({ fetch: net.fetch, validate: true })
      .deals.aggregate({ groupBy: 'stageId' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.errors[0].path).toBe('groups.0.count');
    const created = tampering(
      (url, method) => url.endsWith('/v1/contacts') && method === 'POST',
      (body) => {
        delete body.id;
      },
    );
    const e2 = await t
      .client({ fetch: created.fetch, validate: true })
      .contacts.create({ firstName: 'NoId' })
      .catch((e) => e);
    expect(e2.errors[0].path).toBe('id');
  });

  it('takes the import itself (as a bundled app passes it), and says what to install when it cannot load', async () => {
    const net = tampering(
      (url) => url.includes('/v1/me'),
      (me) => {
        me.role = 'emperor';
      },
    );
    const loads: string[] = [];
    const validate = () => {
      loads.push('validate');
      return import('../src/validate.js');
    };
    const crm = t.client({ fetch: net.fetch, validate });
    const error = await crm.me.get().catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, errors: [{ path: 'role' }] });
    expect(error.responseBody).toContain('emperor');
    await crm.schema.get();
    expect(loads).toEqual(['validate']); // loaded once

    // zod missing: every call, and the feed, fail with an error that says so (not a network error, not retried).
    const missing = () => Promise.reject(new Error("Cannot find package 'zod' imported from validate.js"));
    const net2 = faulty(t.fetch, () => undefined);
    const broken = t.client({ fetch: net2.fetch, validate: missing });
    const e = await broken.contacts.list().catch((x) => x);
    expect(e).not.toBeInstanceOf(CrmError);
    expect(e.message).toMatch(
      /^Could not load @crmkit\/client\/validate \(npm install zod; .*Cannot find package 'zod'/,
    );
    expect(net2.seen).toHaveLength(0);
    const feedErrors: unknown[] = [];
    broken.events.subscribe(() => {}, { onError: (x) => feedErrors.push(x) });
    await eventually(() => expect(feedErrors).toEqual([e]));
  });

  it('validates change-feed events and skips a bad one', async () => {
    const fetch = async () =>
      sseResponse([
        'id: 1\ndata: {"id":"1","type":"nope","resource":"contacts","resourceId":"con_1","occurredAt":"2026-11-23T02:00:00.000Z","actorId":null,"data":{}}\n\n',
        'id: 2\ndata: {"id":"2","type":"contact.created","resource":"contacts","resourceId":"con_1","occurredAt":"2026-11-23T02:00:00.000Z","actorId":null,"data":{}}\n\n',
      ]);
    const got: string[] = [];
    const errors: unknown[] = [];
    const stop = t.client({ fetch, validate: true }).events.subscribe((e) => void got.push(e.id), {
      onError: (e) => errors.push(e),
    });
    await eventually(() => expect(got).toEqual(['2']));
    stop();
    expect(errors[0]).toBeInstanceOf(InvalidResponseError);
    expect((errors[0] as InvalidResponseError).errors[0]!.path).toBe('type');
  });
});

describe('filterParams', () => {
  it('serialises values, lists, operators and null', () => {
    expect(
      filterParams({
        lifecycleStage: ['active', 'loyal'],
        probability: { gte: 50, lt: 90 },
        ownerId: { isNull: true },
        companyId: null,
        'customFields.plan': 'gold',
        tags: undefined,
      } as never),
    ).toEqual({
      'filter[lifecycleStage]': 'active,loyal',
      'filter[probability][gte]': '50',
      'filter[probability][lt]': '90',
      'filter[ownerId][isNull]': 'true',
      'filter[companyId]': 'null',
      'filter[customFields.plan]': 'gold',
    });
  });

  it('reaches the server as filter[field]=a,b and filter[field][op]=v', async () => {
    const net = faulty(t.fetch, () => undefined);
    await t.client({ fetch: net.fetch }).deals.list({ filter: { status: ['open', 'won'], probability: { gte: 50 } } });
    const url = new URL(net.seen[0]!.url);
    expect(url.searchParams.get('filter[status]')).toBe('open,won');
    expect(url.searchParams.get('filter[probability][gte]')).toBe('50');
  });
});
