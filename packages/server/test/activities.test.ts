import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let contactId: string;
let otherContactId: string;

async function eventsOf(type: string, resourceId: string) {
  const { rows } = await t.db.query<{ type: string; data: any }>(
    'SELECT type, data FROM events WHERE workspace_id = $1 AND type = $2 AND resource_id = $3 ORDER BY id',
    ['ws_a', type, resourceId],
  );
  return rows;
}

beforeAll(async () => {
  t = await startTestServer();
  contactId = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Lan', lastName: 'Trần' })).body.id;
  otherContactId = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Minh', lastName: 'Lê' })).body
    .id;
});
afterAll(() => t.close());

describe('activities', () => {
  it('logs a call with server-set author and default occurredAt', async () => {
    const res = await t.call(t.a.keys.agent, 'POST', '/v1/activities', {
      type: 'call',
      direction: 'outbound',
      subject: 'Follow-up',
      body: 'Talked about renewal',
      outcome: 'connected',
      durationSeconds: 300,
      contactId,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'call',
      direction: 'outbound',
      outcome: 'connected',
      durationSeconds: 300,
      contactId,
      companyId: null,
      authorId: t.a.users['agent@a.test'],
      occurredAt: t.clock.now().toISOString(),
      tags: [],
    });
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('rejects system activities, unlinked activities and foreign links', async () => {
    const system = await t.call(t.a.keys.admin, 'POST', '/v1/activities', { type: 'system', contactId });
    expect(system.status).toBe(400);
    expect(system.body.errors[0].path).toBe('type');

    const unlinked = await t.call(t.a.keys.agent, 'POST', '/v1/activities', { type: 'note', body: 'x' });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.errors[0].path).toBe('contactId');

    const foreign = (await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'B' })).body.id;
    const res = await t.call(t.a.keys.agent, 'POST', '/v1/activities', { type: 'note', contactId: foreign });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        path: 'contactId',
        message: `no contact with id ${foreign}`,
        code: 'notFound',
        params: { what: 'contact', id: foreign },
      },
    ]);

    const authorId = await t.call(t.a.keys.agent, 'POST', '/v1/activities', {
      type: 'note',
      contactId,
      authorId: 'usr_x',
    });
    expect(authorId.status).toBe(400);
  });

  it('handles tasks: due, completion, and keeping at least one link', async () => {
    const task = await t.call(t.a.keys.agent, 'POST', '/v1/activities', {
      type: 'task',
      subject: 'Call back about the promotion',
      purpose: 'call_back',
      dueAt: '2026-11-25T03:00:00.000Z',
      assigneeId: t.a.users['manager@a.test'],
      contactId,
    });
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ dueAt: '2026-11-25T03:00:00.000Z', completedAt: null, purpose: 'call_back' });

    const open = await t.call(
      t.a.keys.agent,
      'GET',
      `/v1/activities?filter[type]=task&filter[completedAt][isNull]=true`,
    );
    expect(open.body.data.map((a: any) => a.id)).toContain(task.body.id);

    const done = await t.call(t.a.keys.agent, 'PATCH', `/v1/activities/${task.body.id}`, {
      completedAt: '2026-11-24T03:00:00.000Z',
    });
    expect(done.status).toBe(200);
    expect(done.body.completedAt).toBe('2026-11-24T03:00:00.000Z');
    expect(done.body.version).toBe(2);

    const unlink = await t.call(t.a.keys.agent, 'PATCH', `/v1/activities/${task.body.id}`, { contactId: null });
    expect(unlink.status).toBe(400);
    expect(unlink.body.errors[0].path).toBe('contactId');

    const badAssignee = await t.call(t.a.keys.agent, 'PATCH', `/v1/activities/${task.body.id}`, {
      assigneeId: 'usr_nobody',
    });
    expect(badAssignee.status).toBe(400);
    expect(badAssignee.body.errors[0].path).toBe('assigneeId');
  });

  it('enforces roles: viewers read, agents write', async () => {
    const viewer = await t.call(t.a.keys.viewer, 'POST', '/v1/activities', { type: 'note', contactId });
    expect(viewer.status).toBe(403);
    const list = await t.call(t.a.keys.viewer, 'GET', `/v1/activities?filter[contactId]=${contactId}`);
    expect(list.status).toBe(200);
  });

  it('serves a timeline per contact, newest first, paginated', async () => {
    const times = ['2026-11-20T01:00:00.000Z', '2026-11-22T01:00:00.000Z', '2026-11-21T01:00:00.000Z'];
    for (const [i, occurredAt] of times.entries()) {
      await t.call(t.a.keys.agent, 'POST', '/v1/activities', {
        type: 'note',
        body: `timeline ${i}`,
        occurredAt,
        contactId: otherContactId,
      });
    }
    await t.call(t.a.keys.agent, 'POST', '/v1/activities', { type: 'note', body: 'elsewhere', contactId });

    const first = await t.call(t.a.keys.agent, 'GET', `/v1/activities?filter[contactId]=${otherContactId}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.data.map((a: any) => a.occurredAt)).toEqual([times[1], times[2]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.call(
      t.a.keys.agent,
      'GET',
      `/v1/activities?filter[contactId]=${otherContactId}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.data.map((a: any) => a.occurredAt)).toEqual([times[0]]);
    expect(second.body.nextCursor).toBeNull();

    const oldestFirst = await t.call(
      t.a.keys.agent,
      'GET',
      `/v1/activities?filter[contactId]=${otherContactId}&sort=occurredAt`,
    );
    expect(oldestFirst.body.data.map((a: any) => a.occurredAt)).toEqual([times[0], times[2], times[1]]);

    const search = await t.call(t.a.keys.agent, 'GET', `/v1/activities?q=timeline&filter[contactId]=${otherContactId}`);
    expect(search.body.data).toHaveLength(3);
    // Notes are not touches: the contact was never "contacted".
    expect((await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${otherContactId}`)).body.lastContactedAt).toBeNull();
  });

  it("moves the contact's lastContactedAt forward only, with contact.updated", async () => {
    const c = (await t.call(t.a.keys.agent, 'POST', '/v1/contacts', { firstName: 'Hoa' })).body;
    const log = (type: string, occurredAt: string) =>
      t.call(t.a.keys.agent, 'POST', '/v1/activities', { type, occurredAt, contactId: c.id });

    expect((await log('email', '2026-11-21T08:00:00.000Z')).status).toBe(201);
    let contact = (await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${c.id}`)).body;
    expect(contact.lastContactedAt).toBe('2026-11-21T08:00:00.000Z');
    expect(contact.version).toBe(2);
    const updates = await eventsOf('contact.updated', c.id);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.data.lastContactedAt).toBe('2026-11-21T08:00:00.000Z');

    await log('sms', '2026-11-20T08:00:00.000Z'); // older: no change
    await log('note', '2026-11-22T08:00:00.000Z'); // not a touch
    contact = (await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${c.id}`)).body;
    expect(contact.lastContactedAt).toBe('2026-11-21T08:00:00.000Z');
    expect(await eventsOf('contact.updated', c.id)).toHaveLength(1);

    await log('meeting', '2026-11-22T09:00:00.000Z');
    contact = (await t.call(t.a.keys.agent, 'GET', `/v1/contacts/${c.id}`)).body;
    expect(contact.lastContactedAt).toBe('2026-11-22T09:00:00.000Z');
    expect(await eventsOf('contact.updated', c.id)).toHaveLength(2);

    const recent = await t.call(
      t.a.keys.agent,
      'GET',
      '/v1/contacts?filter[lastContactedAt][gte]=2026-11-22T00:00:00Z&filter[lastContactedAt][lt]=2026-11-23T00:00:00Z',
    );
    expect(recent.body.data.map((x: any) => x.id)).toEqual([c.id]);
  });

  it('deletes (agents may delete their activities) and 404s afterwards', async () => {
    const a = (await t.call(t.a.keys.agent, 'POST', '/v1/activities', { type: 'note', contactId })).body;
    expect((await t.call(t.a.keys.viewer, 'DELETE', `/v1/activities/${a.id}`)).status).toBe(403);
    expect((await t.call(t.a.keys.agent, 'DELETE', `/v1/activities/${a.id}`)).status).toBe(204);
    expect((await t.call(t.a.keys.agent, 'GET', `/v1/activities/${a.id}`)).status).toBe(404);
    expect((await t.call(t.b.keys.admin, 'GET', `/v1/activities?filter[contactId]=${contactId}`)).body.data).toEqual(
      [],
    );
  });
});

describe("an activity's links to its contact", () => {
  const agent = () => t.a.keys.agent;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await t.call(agent(), 'POST', path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("links an activity about a contact to the contact's company, unless told otherwise", async () => {
    const acme = await post('/v1/companies', { name: 'Acme' });
    const other = await post('/v1/companies', { name: 'Other' });
    const lan = await post('/v1/contacts', { firstName: 'Lan', companyId: acme.id });
    const solo = await post('/v1/contacts', { firstName: 'Solo' });

    const call = await post('/v1/activities', { type: 'call', contactId: lan.id });
    expect(call.companyId).toBe(acme.id);
    const timeline = await t.call(agent(), 'GET', `/v1/activities?filter[companyId]=${acme.id}`);
    expect(timeline.body.data.map((a: any) => a.id)).toEqual([call.id]);

    expect((await post('/v1/activities', { type: 'note', contactId: lan.id, companyId: null })).companyId).toBeNull();
    const explicit = await post('/v1/activities', { type: 'note', contactId: lan.id, companyId: other.id });
    expect(explicit.companyId).toBe(other.id);
    expect((await post('/v1/activities', { type: 'note', contactId: solo.id })).companyId).toBeNull();

    // Moved to another contact, the activity follows that contact's company when it had its contact's by default…
    const bob = await post('/v1/contacts', { firstName: 'Bob', companyId: other.id });
    const moved = await t.call(agent(), 'PATCH', `/v1/activities/${call.id}`, { contactId: bob.id });
    expect(moved.body).toMatchObject({ contactId: bob.id, companyId: other.id });
    // …and keeps a company chosen for it, or the one sent with the change.
    const kept = await t.call(agent(), 'PATCH', `/v1/activities/${explicit.id}`, { contactId: solo.id });
    expect(kept.body).toMatchObject({ contactId: solo.id, companyId: other.id });
    const both = await t.call(agent(), 'PATCH', `/v1/activities/${call.id}`, { contactId: lan.id, companyId: null });
    expect(both.body).toMatchObject({ contactId: lan.id, companyId: null });
  });

  it("recomputes the contact's lastContactedAt when a touch is deleted or changed", async () => {
    const c = await post('/v1/contacts', { firstName: 'Thu' });
    const touch = (type: string, occurredAt: string) => post('/v1/activities', { type, occurredAt, contactId: c.id });
    const last = async () => (await t.call(agent(), 'GET', `/v1/contacts/${c.id}`)).body.lastContactedAt;
    const older = await touch('email', '2026-11-20T08:00:00.000Z');
    const newer = await touch('call', '2026-11-21T08:00:00.000Z');
    await touch('note', '2026-11-22T08:00:00.000Z');
    expect(await last()).toBe('2026-11-21T08:00:00.000Z');
    const updates = async () => (await eventsOf('contact.updated', c.id)).length;
    const before = await updates();

    // Deleting an older touch changes nothing.
    const extra = await touch('sms', '2026-11-19T08:00:00.000Z');
    expect((await t.call(agent(), 'DELETE', `/v1/activities/${extra.id}`)).status).toBe(204);
    expect(await last()).toBe('2026-11-21T08:00:00.000Z');
    expect(await updates()).toBe(before);

    // Deleting the latest falls back to the one before, with contact.updated.
    expect((await t.call(agent(), 'DELETE', `/v1/activities/${newer.id}`)).status).toBe(204);
    expect(await last()).toBe('2026-11-20T08:00:00.000Z');
    expect(await updates()).toBe(before + 1);
    const [event] = (await eventsOf('contact.updated', c.id)).slice(-1);
    expect(event!.data.lastContactedAt).toBe('2026-11-20T08:00:00.000Z');

    // A touch that stops being one (or moves earlier) is taken back too; without touches it is null again.
    const later = await touch('meeting', '2026-11-23T08:00:00.000Z');
    expect(await last()).toBe('2026-11-23T08:00:00.000Z');
    await t.call(agent(), 'PATCH', `/v1/activities/${later.id}`, { occurredAt: '2026-11-18T08:00:00.000Z' });
    expect(await last()).toBe('2026-11-20T08:00:00.000Z');
    await t.call(agent(), 'PATCH', `/v1/activities/${older.id}`, { type: 'note' });
    expect(await last()).toBe('2026-11-18T08:00:00.000Z');
    expect((await t.call(agent(), 'DELETE', `/v1/activities/${later.id}`)).status).toBe(204);
    expect(await last()).toBeNull();
  });
});
