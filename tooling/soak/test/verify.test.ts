import { createCrmServer, type Database, openDatabase, provisionWorkspace } from '@crmkit/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../src/ledger.js';
import { verify } from '../src/verify.js';

/**
 * The soak's verdict must be able to fail: each test breaks the database behind the server's back the way a faulty
 * server would (a lost write, a duplicate, half a batch…) and checks that the verification says so.
 */

let db: Database;
let server: Awaited<ReturnType<typeof createCrmServer>>;
let call: (method: string, path: string, body?: unknown) => Promise<any>;
let ledger: Ledger;
/** Each test has a workspace of its own. */
let ws = '';
let n = 0;

beforeAll(async () => {
  db = await openDatabase();
  server = await createCrmServer({ db });
});
afterAll(() => db.close());

beforeEach(async () => {
  ws = `ws_v${n++}`;
  const provisioned = await provisionWorkspace(db, {
    id: ws,
    name: 'Soak',
    users: [{ name: 'A', email: 'a@soak.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'a@soak.test' }],
  });
  call = async (method, path, body) => {
    const res = await server.fetch(
      new Request(`http://crm.test${path}`, {
        method,
        headers: { authorization: `Bearer ${provisioned.keys.admin}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return res.status === 204 ? null : res.json();
  };
  ledger = new Ledger(performance.now());
});

const ids = async () =>
  (await db.query<{ id: number }>('SELECT seq AS id FROM events WHERE workspace_id = $1 ORDER BY seq', [ws])).rows.map(
    (r) => Number(r.id),
  );
const run = async (delivered?: number[]) => {
  const all = await ids();
  return verify(db, ws, ledger, { since: 0, delivered: delivered ?? all, resumeFrom: 0, resumed: all });
};
const createContact = async (marker: string) => {
  const c = await call('POST', '/v1/contacts', { firstName: 'Soak', lastName: marker });
  ledger.record(0, 0, { op: 'contact.create', marker }, 'acked', { id: c.id, version: c.version });
  return c;
};

describe('the soak verification', () => {
  it('passes a faithful server', async () => {
    const c = await createContact('m1');
    const u = await call('PATCH', `/v1/contacts/${c.id}`, { title: 't' });
    ledger.record(0, 0, { op: 'contact.update', id: c.id, ifVersion: 1, title: 't' }, 'acked', {
      id: c.id,
      version: u.version,
    });
    const r = await run();
    expect(r.problems).toEqual([]);
    expect([r.acknowledged, r.verified, r.lost, r.duplicated]).toEqual([2, 2, 0, 0]);
  });

  it('counts an acknowledged create that is missing as lost', async () => {
    const c = await createContact('m1');
    await db.query('DELETE FROM contacts WHERE id = $1', [c.id]);
    const r = await run();
    expect(r.lost).toBe(1);
    expect(r.verified).toBe(0);
    expect(r.problems.join()).toMatch(/acknowledged create .* missing/);
  });

  it('counts a record created twice as duplicated', async () => {
    await createContact('m1');
    await call('POST', '/v1/contacts', { firstName: 'Soak', lastName: 'm1' });
    expect((await run()).duplicated).toBe(1);
  });

  it('counts an acknowledged update the record no longer holds as lost', async () => {
    const c = await createContact('m1');
    const u = await call('PATCH', `/v1/contacts/${c.id}`, { title: 't' });
    ledger.record(0, 0, { op: 'contact.update', id: c.id, ifVersion: 1, title: 't' }, 'acked', {
      id: c.id,
      version: u.version,
    });
    await db.query('UPDATE contacts SET version = 1 WHERE id = $1', [c.id]);
    const r = await run();
    expect(r.lost).toBe(1);
    expect(r.verified).toBe(1);
  });

  it('finds an acknowledged update without its event', async () => {
    const c = await createContact('m1');
    ledger.record(0, 0, { op: 'contact.update', id: c.id, ifVersion: 1, title: 't' }, 'acked', {
      id: c.id,
      version: 2,
    });
    expect((await run()).checks.feedComplete).toBe(false);
  });

  it('finds half a batch without an answer', async () => {
    await call('POST', '/v1/contacts', { firstName: 'Batch', lastName: 'b1' });
    ledger.record(
      0,
      0,
      {
        op: 'batch',
        items: [
          { op: 'create', marker: 'b1' },
          { op: 'create', marker: 'b2' },
        ],
      },
      'unknown',
      {},
    );
    expect((await run()).checks.batchesAtomic).toBe(false);
  });

  it('finds deals of a stage sharing a rank', async () => {
    const pipeline = await call('POST', '/v1/pipelines', {
      name: 'P',
      currency: 'VND',
      stages: [{ name: 'A', probability: 10, kind: 'open' }],
    });
    const a = await call('POST', '/v1/deals', { name: 'a', pipelineId: pipeline.id });
    const b = await call('POST', '/v1/deals', { name: 'b', pipelineId: pipeline.id });
    await db.query('UPDATE deals SET rank = (SELECT rank FROM deals WHERE id = $1) WHERE id = $2', [a.id, b.id]);
    expect((await run()).checks.ranksTotalOrder).toBe(false);
  });

  it('finds a change missing from the feed, and an event the subscriber missed', async () => {
    const c = await createContact('m1');
    await db.query('UPDATE contacts SET version = 2 WHERE id = $1', [c.id]); // a change without its event
    const all = await ids();
    const r = await run(all.slice(1));
    expect(r.checks.feedComplete).toBe(false);
    expect(r.checks.feedDeliveredOnce).toBe(false);
  });

  it('finds half a lead conversion', async () => {
    await call('POST', '/v1/pipelines', {
      name: 'P',
      isDefault: true,
      currency: 'VND',
      stages: [{ name: 'A', probability: 10, kind: 'open' }],
    });
    const lead = await call('POST', '/v1/leads', { name: 'Lead l1', companyName: 'l1-co', email: 'l1@lead.test' });
    ledger.record(0, 0, { op: 'lead.create', marker: 'l1' }, 'acked', { id: lead.id, version: lead.version });
    const conversion = await call('POST', `/v1/leads/${lead.id}/convert`, { deal: { name: 'v1-deal' } });
    await db.query('DELETE FROM deals WHERE id = $1', [conversion.deal.id]);
    ledger.record(0, 0, { op: 'lead.convert', leadId: lead.id, marker: 'v1' }, 'acked', {
      conversion: { contactId: conversion.contact.id, companyId: conversion.company.id, dealId: conversion.deal.id },
    });
    const r = await run();
    expect(r.lost).toBe(1);
    expect(r.problems.join()).toMatch(/acknowledged but not whole/);
  });
});
