import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  ConflictError,
  type CrmClient,
  CrmError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  paginate,
  ValidationError,
} from '../src/index.js';
import { createPipeline, startServer, type TestServer } from './harness.js';

let t: TestServer;
let crm: CrmClient;
beforeAll(async () => {
  t = await startServer();
  crm = t.client();
});
afterAll(() => t.close());

describe('resource methods against the reference server', () => {
  it('creates, gets, updates, lists and removes a contact', async () => {
    const created = await crm.contacts.create({ firstName: 'Lan', lastName: 'Nguyễn', emails: ['LAN@x.vn'] });
    expect(created).toMatchObject({ firstName: 'Lan', emails: ['lan@x.vn'], version: 1 });
    expect(await crm.contacts.get(created.id)).toEqual(created);
    const updated = await crm.contacts.update(created.id, { lifecycleStage: 'loyal' }, { ifVersion: created.version });
    expect(updated).toMatchObject({ lifecycleStage: 'loyal', version: 2 });
    const page = await crm.contacts.list({ q: 'lan' });
    expect(page.data.map((c) => c.id)).toEqual([created.id]);
    expect(page.nextCursor).toBeNull();
    await expect(crm.contacts.remove(created.id, { ifVersion: 2 })).resolves.toBeUndefined();
    await expect(crm.contacts.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('pages with list and iterates over every record with a filter object', async () => {
    const stages = ['potential', 'active', 'loyal', 'lost'] as const;
    const made = await crm.contacts.batch(
      Array.from({ length: 23 }, (_, i) => ({
        op: 'create' as const,
        data: { firstName: `Iter${String(i).padStart(2, '0')}`, lifecycleStage: stages[i % 4], tags: ['iter'] },
      })),
    );
    expect(made.results.every((r) => r.status === 201)).toBe(true);
    const filter = { lifecycleStage: ['active', 'loyal'], tags: 'iter' } as const;
    const first = await crm.contacts.list({ filter, limit: 5, sort: 'firstName' });
    expect(first.data).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await crm.contacts.list({ filter, limit: 5, sort: 'firstName', cursor: first.nextCursor! });
    expect(second.data[0]!.firstName > first.data[4]!.firstName).toBe(true);
    const names: string[] = [];
    for await (const c of crm.contacts.iterate({ filter, limit: 4, sort: 'firstName' })) names.push(c.firstName);
    // 23 contacts, stages cycle: indexes 1,2 (mod 4) are active/loyal → 12 of them.
    expect(names).toHaveLength(12);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(12);
    const excluded = await crm.contacts.list({ filter: { tags: 'iter', lifecycleStage: { neq: 'lost' } }, limit: 200 });
    expect(excluded.data.every((c) => c.lifecycleStage !== 'lost')).toBe(true);
    expect(excluded.data).toHaveLength(18); // 5 of the 23 are lost
  });

  it('searches with a filter tree and runs batches with per-item results', async () => {
    const page = await crm.contacts.search({
      filter: {
        and: [
          { field: 'tags', op: 'in', value: ['iter'] },
          {
            or: [
              { field: 'firstName', op: 'eq', value: 'Iter00' },
              { field: 'firstName', op: 'eq', value: 'Iter01' },
            ],
          },
        ],
      },
      sort: 'firstName',
    });
    expect(page.data.map((c) => c.firstName)).toEqual(['Iter00', 'Iter01']);
    const target = page.data[0]!;
    const { results } = await crm.contacts.batch([
      { op: 'update', id: target.id, data: { title: 'CEO' }, ifVersion: target.version },
      { op: 'update', id: target.id, data: { title: 'CTO' }, ifVersion: target.version },
      { op: 'delete', id: 'con_missing' },
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 412, 404]);
    expect(results[0]!.data).toMatchObject({ title: 'CEO' });
    expect(results[1]!.error).toMatchObject({ status: 412 });
  });

  it('moves deals and aggregates them with filters', async () => {
    const pipeline = await createPipeline(crm);
    const [lead, proposal] = pipeline.stages;
    const a = await crm.deals.create({ name: 'A', amount: 1_000_000, stageId: lead!.id });
    const b = await crm.deals.create({ name: 'B', amount: 3_000_000, stageId: lead!.id });
    const c = await crm.deals.create({ name: 'C', amount: 5_000_000, stageId: proposal!.id });
    const moved = await crm.deals.move(a.id, { stageId: proposal!.id, afterId: c.id }, { ifVersion: a.version });
    expect(moved).toMatchObject({ stageId: proposal!.id, probability: 60, version: a.version + 1 });
    const inProposal = await crm.deals.list({ filter: { stageId: proposal!.id }, sort: 'rank' });
    expect(inProposal.data.map((d) => d.name)).toEqual(['C', 'A']);
    const agg = await crm.deals.aggregate({ groupBy: 'stageId', filter: { probability: { gte: 50 } } });
    expect(agg.groups).toEqual([
      { key: proposal!.id, currency: 'VND', count: 2, sum: 6_000_000, weightedSum: 3_600_000 },
    ]);
    const all = await crm.deals.aggregate({ groupBy: 'stageId' });
    expect(all.groups.find((g) => g.key === lead!.id)).toMatchObject({ count: 1, sum: b.amount });
    await expect(crm.deals.move(a.id, { stageId: lead!.id }, { ifVersion: a.version })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('converts leads, and replies to tickets and adds notes', async () => {
    const lead = await crm.leads.create({ name: 'Minh Trần', companyName: 'Sao Mai', email: 'minh@saomai.vn' });
    const conversion = await crm.leads.convert(lead.id, { deal: { name: 'Sao Mai — pilot', amount: 2_000_000 } });
    expect(conversion.lead.status).toBe('converted');
    expect(conversion.contact.emails).toEqual(['minh@saomai.vn']);
    expect(conversion.company?.name).toBe('Sao Mai');
    expect(conversion.deal?.name).toBe('Sao Mai — pilot');

    const ticket = await crm.tickets.create({ subject: 'Cannot log in', description: 'Help!' });
    const reply = await crm.tickets.reply(ticket.id, { body: 'On it.', status: 'pending' });
    expect(reply).toMatchObject({ kind: 'reply', ticketId: ticket.id, bodyText: 'On it.' });
    const note = await crm.tickets.note(ticket.id, 'Customer is on the gold plan.');
    expect(note.kind).toBe('note');
    expect((await crm.tickets.get(ticket.id)).status).toBe('pending');
    const thread = await crm.tickets.messages(ticket.id, { limit: 2 });
    expect(thread.data).toHaveLength(2);
    const all = [];
    for await (const m of paginate((cursor) => crm.tickets.messages(ticket.id, { cursor, limit: 1 }))) all.push(m);
    expect(all.map((m) => m.kind)).toEqual(['reply', 'reply', 'note']);
    expect(all.at(-1)!.id).toBe(note.id);
  });

  it('reads the schema and the caller, and exposes the raw typed client', async () => {
    const schema = await crm.schema.get();
    expect(schema.apiVersion).toBe('v1');
    expect(schema.capabilities.events).toBe(true);
    const me = await t.client({ auth: { apiKey: t.a.keys.viewer } }).me.get();
    expect(me.role).toBe('viewer');
    expect(me.permissions).toContain('contacts:read');
    expect(me.permissions).not.toContain('contacts:create');
    const contact = await crm.contacts.create({ firstName: 'Raw' });
    const { data, response } = await crm.raw.GET('/v1/contacts/{id}', { params: { path: { id: contact.id } } });
    expect(data?.firstName).toBe('Raw');
    expect(response.headers.get('etag')).toBe('"1"');
    await expect(crm.raw.GET('/v1/contacts/{id}', { params: { path: { id: 'con_nope' } } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('applies raw middleware added before openapi-fetch has loaded, and ejects it', async () => {
    const raw = t.client().raw;
    const seen: string[] = [];
    const middleware = {
      onRequest: ({ request }: { request: Request }) =>
        void seen.push(`${request.method} ${new URL(request.url).pathname}`),
    };
    // Added before the first call, i.e. before `raw` has loaded openapi-fetch.
    raw.use(middleware);
    const { data } = await raw.GET('/v1/contacts', { params: { query: { limit: 1 } } });
    expect(data?.data).toHaveLength(1);
    expect(seen).toEqual(['GET /v1/contacts']);
    raw.eject(middleware);
    await raw.GET('/v1/me');
    expect(seen).toEqual(['GET /v1/contacts']);
    // Ejected before loading: never runs.
    const other = t.client().raw;
    other.use(middleware);
    other.eject(middleware);
    await other.GET('/v1/me');
    expect(seen).toHaveLength(1);
  });

  it('sends path values encoded, query values encoded and filter names as the contract writes them', async () => {
    const urls: string[] = [];
    const client = t.client({
      fetch: (input, init) => {
        urls.push(input);
        return t.fetch(input, init);
      },
    });
    const tagged = await client.contacts.create({ firstName: 'Encoded', tags: ['a&b', 'c d'] });
    await client.contacts.list({ filter: { tags: ['a&b'], ownerId: { isNull: true } }, q: 'Encoded', limit: 5 });
    await client.contacts.get(tagged.id);
    expect(urls[1]).toMatch(/\/v1\/contacts\?q=Encoded&limit=5&filter\[tags\]=a%26b&filter\[ownerId\]\[isNull\]=true$/);
    expect(urls[2]).toMatch(new RegExp(`/v1/contacts/${tagged.id}$`));
    const page = await client.contacts.list({ filter: { tags: ['a&b'] } });
    expect(page.data.map((c) => c.id)).toEqual([tagged.id]);
  });
});

describe('typed errors from the reference server', () => {
  it('ValidationError carries the problem fields, field paths and the request id', async () => {
    const error = await crm.contacts.create({ emails: ['not-an-email'] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(CrmError);
    expect(error.name).toBe('ValidationError');
    expect(error).toMatchObject({ status: 400, title: 'Validation failed' });
    expect(error.type).toMatch(/^https:\/\/crmkit\.dev\/problems\//);
    expect(error.errors).toEqual([{ path: 'emails.0', code: 'email', message: expect.any(String) }]);
    expect(error.requestId).toMatch(/\S{8,}/);
    expect(error.message).toBe(error.detail);
  });

  it('AuthError, ForbiddenError, NotFoundError', async () => {
    await expect(t.client({ auth: { apiKey: 'ck_not_a_real_key' } }).contacts.list()).rejects.toBeInstanceOf(AuthError);
    await expect(t.client({ auth: {} }).contacts.list()).rejects.toBeInstanceOf(AuthError);
    const viewer = t.client({ auth: { apiKey: t.a.keys.viewer } });
    await expect(viewer.contacts.create({ firstName: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    // Workspace B never sees workspace A's records.
    const mine = await crm.contacts.create({ firstName: 'Mine' });
    await expect(t.client({ auth: { apiKey: t.b.keys.admin } }).contacts.get(mine.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('PreconditionFailedError carries the current record; ConflictError on a reused Idempotency-Key', async () => {
    const c = await crm.contacts.create({ firstName: 'Stale' });
    await crm.contacts.update(c.id, { title: 'first' });
    const error = await crm.contacts.update(c.id, { title: 'second' }, { ifVersion: c.version }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.status).toBe(412);
    expect(error.current).toMatchObject({ id: c.id, version: 2, title: 'first' });
    await expect(crm.contacts.remove(c.id, { ifVersion: 1 })).rejects.toBeInstanceOf(PreconditionFailedError);

    await crm.contacts.create({ firstName: 'Once' }, { idempotencyKey: 'key-1' });
    const replay = await crm.contacts.create({ firstName: 'Once' }, { idempotencyKey: 'key-1' });
    expect(replay.firstName).toBe('Once');
    expect((await crm.contacts.list({ filter: { firstName: 'Once' } })).data).toHaveLength(1);
    await expect(crm.contacts.create({ firstName: 'Other' }, { idempotencyKey: 'key-1' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('a bad cursor is a ValidationError, never a crash', async () => {
    const error = await crm.contacts.list({ cursor: 'garbage' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(400);
  });
});
