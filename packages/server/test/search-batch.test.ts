import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, expectProblem, expectServing } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/** `POST /v1/<resource>/search` (filter trees and their limits) and `POST /v1/<resource>/batch`. */

type Contact = {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  lifecycleStage: string;
  birthday: string | null;
  tags: string[];
  companyId: string | null;
  source: string | null;
  title: string | null;
};

let t: TestServer;
let key: string;
let company: string;
let all: Contact[] = [];

beforeAll(async () => {
  t = await startTestServer();
  key = t.a.keys.admin;
  company = (await t.call(key, 'POST', '/v1/companies', { name: 'Acme' })).body.id;
  const names = ['Anh', 'Bao', 'Cuong', 'Dao', 'Em', 'Phuong', 'Giao', 'Hanh', 'Khoa', 'Lam', 'Mai', 'Nam'];
  for (const [i, firstName] of names.entries()) {
    const res = await t.call(key, 'POST', '/v1/contacts', {
      firstName,
      lastName: i % 2 ? 'Tran' : 'Nguyen',
      lifecycleStage: ['potential', 'active', 'loyal', 'lost'][i % 4],
      birthday: i % 3 === 0 ? null : `1990-0${1 + (i % 9)}-15`,
      tags: i % 4 === 0 ? ['vip'] : [],
      companyId: i % 3 === 1 ? company : null,
      source: i % 5 === 0 ? 'web' : i % 5 === 1 ? 'ads' : null,
    });
    expect(res.status).toBe(201);
  }
  // Workspace B has look-alikes that A must never see.
  for (const firstName of ['Anh', 'Bao']) {
    await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName, lastName: 'Nguyen', tags: ['vip'] });
  }
  all = (await t.call(key, 'GET', '/v1/contacts?limit=200')).body.data;
  expect(all).toHaveLength(12);
});
afterAll(() => t.close());

async function search(body: unknown, k = key) {
  return t.call(k, 'POST', '/v1/contacts/search', body);
}

/** Every record a search returns, following cursors. */
async function searchAll(body: Record<string, unknown>): Promise<Contact[]> {
  const out: Contact[] = [];
  let cursor: string | null = null;
  do {
    const res = await search({ ...body, limit: 3, ...(cursor ? { cursor } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

const sortedIds = (list: { id: string }[]) => list.map((c) => c.id).sort();

async function expectMatches(filter: unknown, predicate: (c: Contact) => boolean) {
  const got = await searchAll({ filter });
  const want = all.filter(predicate);
  expect(want.length, `${JSON.stringify(filter)} matches something`).toBeGreaterThan(0);
  expect(want.length, `${JSON.stringify(filter)} does not match everything`).toBeLessThan(all.length);
  expect(sortedIds(got), JSON.stringify(filter)).toEqual(sortedIds(want));
}

describe('search', () => {
  it('supports every operator', async () => {
    await expectMatches({ field: 'lastName', op: 'eq', value: 'Tran' }, (c) => c.lastName === 'Tran');
    await expectMatches({ field: 'lifecycleStage', op: 'neq', value: 'lost' }, (c) => c.lifecycleStage !== 'lost');
    await expectMatches({ field: 'lifecycleStage', op: 'in', value: ['active', 'loyal'] }, (c) =>
      ['active', 'loyal'].includes(c.lifecycleStage),
    );
    await expectMatches({ field: 'birthday', op: 'gt', value: '1990-04-15' }, (c) => (c.birthday ?? '') > '1990-04-15');
    await expectMatches(
      { field: 'birthday', op: 'gte', value: '1990-04-15' },
      (c) => c.birthday !== null && c.birthday >= '1990-04-15',
    );
    await expectMatches(
      { field: 'birthday', op: 'lt', value: '1990-04-15' },
      (c) => c.birthday !== null && c.birthday < '1990-04-15',
    );
    await expectMatches(
      { field: 'birthday', op: 'lte', value: '1990-04-15' },
      (c) => c.birthday !== null && c.birthday <= '1990-04-15',
    );
    await expectMatches({ field: 'firstName', op: 'contains', value: 'AO' }, (c) => /ao/i.test(c.firstName));
    await expectMatches({ field: 'firstName', op: 'startsWith', value: 'ph' }, (c) => /^ph/i.test(c.firstName));
    await expectMatches({ field: 'birthday', op: 'isNull', value: true }, (c) => c.birthday === null);
    await expectMatches({ field: 'birthday', op: 'isNull', value: false }, (c) => c.birthday !== null);
    await expectMatches({ field: 'companyId', op: 'isNull' }, (c) => c.companyId === null);
    await expectMatches({ field: 'tags', op: 'eq', value: 'vip' }, (c) => c.tags.includes('vip'));
    await expectMatches({ field: 'tags', op: 'in', value: ['vip', 'other'] }, (c) => c.tags.includes('vip'));
    await expectMatches({ field: 'tags', op: 'contains', value: 'VI' }, (c) => c.tags.includes('vip'));
    await expectMatches({ field: 'source', op: 'eq', value: null }, (c) => c.source === null);
    await expectMatches({ field: 'source', op: 'neq', value: null }, (c) => c.source !== null);
    await expectMatches({ field: 'source', op: 'neq', value: 'web' }, (c) => c.source !== 'web');
    await expectMatches({ field: 'source', op: 'eq', value: 'web' }, (c) => c.source === 'web');
    await expectMatches({ field: 'source', op: 'in', value: ['web', null] }, (c) => c.source !== 'ads');
    const byVersion = await searchAll({ filter: { field: 'version', op: 'eq', value: 1 } });
    expect(byVersion).toHaveLength(all.length);
  });

  it('supports nested and / or / not trees', async () => {
    await expectMatches(
      {
        and: [
          {
            or: [
              { field: 'lastName', op: 'eq', value: 'Tran' },
              { field: 'tags', op: 'eq', value: 'vip' },
            ],
          },
          { not: { field: 'lifecycleStage', op: 'eq', value: 'active' } },
          {
            not: {
              and: [
                { field: 'birthday', op: 'isNull' },
                { field: 'companyId', op: 'isNull' },
              ],
            },
          },
        ],
      },
      (c) =>
        (c.lastName === 'Tran' || c.tags.includes('vip')) &&
        c.lifecycleStage !== 'active' &&
        !(c.birthday === null && c.companyId === null),
    );
    await expectMatches(
      {
        or: [
          {
            and: [
              { field: 'firstName', op: 'startsWith', value: 'A' },
              { field: 'lastName', op: 'eq', value: 'Nguyen' },
            ],
          },
          {
            and: [
              { field: 'firstName', op: 'startsWith', value: 'B' },
              { field: 'lastName', op: 'eq', value: 'Tran' },
            ],
          },
        ],
      },
      (c) =>
        (c.firstName.startsWith('A') && c.lastName === 'Nguyen') ||
        (c.firstName.startsWith('B') && c.lastName === 'Tran'),
    );
  });

  it('combines a filter with q, sort and cursors', async () => {
    const got = await searchAll({
      filter: { field: 'lastName', op: 'eq', value: 'Nguyen' },
      q: 'a',
      sort: '-firstName',
    });
    const want = all
      .filter((c) => c.lastName === 'Nguyen' && /a/i.test(`${c.firstName} ${c.lastName}`))
      .sort((a, b) => (a.firstName < b.firstName ? 1 : -1))
      .map((c) => c.id);
    expect(got.map((c) => c.id)).toEqual(want);
  });

  it('never shows another workspace', async () => {
    const got = await searchAll({ filter: { field: 'tags', op: 'eq', value: 'vip' } });
    expect(got.every((c) => all.some((a) => a.id === c.id))).toBe(true);
    const b = await search({ filter: { field: 'firstName', op: 'in', value: ['Anh', 'Bao'] } }, t.b.keys.admin);
    expect(b.body.data).toHaveLength(2);
    expect(b.body.data.every((c: Contact) => !all.some((a) => a.id === c.id))).toBe(true);
  });

  const cond = (i: number) => ({ field: 'firstName', op: 'eq', value: `n${i}` });
  const nest = (depth: number): unknown => (depth === 1 ? cond(0) : { not: nest(depth - 1) });

  it.each([
    ['a tree 6 levels deep', { filter: nest(6) }, 200],
    ['a tree 7 levels deep', { filter: nest(7) }, 400],
    [
      'a tree 7 levels deep through and/or',
      { filter: { and: [{ or: [{ and: [{ or: [{ and: [{ not: cond(1) }] }] }] }] }] } },
      400,
    ],
    ['50 conditions', { filter: { or: Array.from({ length: 50 }, (_, i) => cond(i)) } }, 200],
    ['51 conditions in one list', { filter: { or: Array.from({ length: 51 }, (_, i) => cond(i)) } }, 400],
    [
      '60 conditions across lists',
      {
        filter: {
          and: [
            { or: Array.from({ length: 30 }, (_, i) => cond(i)) },
            { or: Array.from({ length: 30 }, (_, i) => cond(i + 30)) },
          ],
        },
      },
      400,
    ],
    [
      '100 in values',
      { filter: { field: 'firstName', op: 'in', value: Array.from({ length: 100 }, (_, i) => `v${i}`) } },
      200,
    ],
    [
      '101 in values',
      { filter: { field: 'firstName', op: 'in', value: Array.from({ length: 101 }, (_, i) => `v${i}`) } },
      400,
    ],
    ['an unknown field', { filter: { field: 'salary', op: 'gt', value: 1 } }, 400],
    ['an unknown operator', { filter: { field: 'firstName', op: 'like', value: 'A%' } }, 400],
    ['a list for eq', { filter: { field: 'firstName', op: 'eq', value: ['A', 'B'] } }, 400],
    ['text for a number field', { filter: { field: 'version', op: 'gt', value: 'one' } }, 400],
    ['an empty and', { filter: { and: [] } }, 400],
    ['an unknown key in the body', { filter: cond(1), page: 2 }, 400],
    ['an unknown key in a node', { filter: { field: 'firstName', op: 'eq', value: 'A', boost: 2 } }, 400],
    ['limit 0', { limit: 0 }, 400],
    ['limit 201', { limit: 201 }, 400],
    ['a bad cursor', { cursor: 'nope' }, 400],
    ['an unknown sort', { sort: 'salary' }, 400],
  ])('%s → %i', async (_name, body, status) => {
    const before = await dbState(t);
    const res = await search(body);
    if (status === 200) expect(res.status, JSON.stringify(res.body)).toBe(200);
    else expectProblem(res, status);
    expect(await dbState(t)).toBe(before);
  });

  it('names the offending node in errors[].path', async () => {
    const res = await search({
      filter: { and: [cond(1), { or: [cond(2), { field: 'birthday', op: 'gt', value: 'soon' }] }] },
    });
    expectProblem(res, 400, 'filter.and.1.or.1.value');
    const unknown = await search({ filter: { and: [cond(1), { field: 'salary', op: 'eq', value: 1 }] } });
    expectProblem(unknown, 400, 'filter.and.1.field');
  });
});

describe('batch', () => {
  it('runs up to 100 operations with per-item results; a bad item does not fail the others', async () => {
    const target = all[0]!;
    const victim = (await t.call(key, 'POST', '/v1/contacts', { firstName: 'Victim' })).body;
    const res = await t.call(key, 'POST', '/v1/contacts/batch', {
      operations: [
        { op: 'create', data: { firstName: 'Batch', lastName: 'One' } },
        { op: 'create', data: { firstName: 5 } },
        { op: 'create', data: { firstName: 'Bad ref', companyId: 'com_missing' } },
        { op: 'update', id: target.id, data: { title: 'Updated in batch' } },
        { op: 'update', id: 'con_missing', data: { title: 'x' } },
        { op: 'update', id: target.id, data: { nickname: 'x' } },
        { op: 'delete', id: victim.id },
        { op: 'delete', id: victim.id },
      ],
    });
    expect(res.status).toBe(200);
    const results = res.body.results;
    expect(results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(results.map((r: { status: number }) => r.status)).toEqual([201, 400, 400, 200, 404, 400, 204, 404]);
    expect(results[0].data).toMatchObject({ firstName: 'Batch', version: 1 });
    expect(results[1].error).toMatchObject({ status: 400, errors: [{ path: 'firstName' }] });
    expect(results[2].error.errors).toEqual([
      { path: 'companyId', message: expect.any(String), code: 'notFound', params: expect.any(Object) },
    ]);
    expect(results[3].data).toMatchObject({ id: target.id, title: 'Updated in batch', version: target.version + 1 });
    expect(results[5].error.errors[0].path).toBe('nickname');
    const created = await t.call(key, 'GET', `/v1/contacts/${results[0].data.id}`);
    expect(created.status).toBe(200);
    expect((await t.call(key, 'GET', `/v1/contacts/${victim.id}`)).status).toBe(404);
    const after = (await t.call(key, 'GET', `/v1/contacts/${target.id}`)).body;
    expect(after.title).toBe('Updated in batch');
  });

  it('answers 412 for an item with a stale ifVersion, and applies a current one', async () => {
    const c = (await t.call(key, 'POST', '/v1/contacts', { firstName: 'Versioned' })).body;
    const res = await t.call(key, 'POST', '/v1/contacts/batch', {
      operations: [
        { op: 'update', id: c.id, ifVersion: c.version + 5, data: { title: 'stale' } },
        { op: 'update', id: c.id, ifVersion: c.version, data: { title: 'fresh' } },
        { op: 'delete', id: c.id, ifVersion: c.version },
      ],
    });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([412, 200, 412]);
    expect(res.body.results[0].error.current).toMatchObject({ id: c.id, version: c.version });
    expect(res.body.results[2].error.current).toMatchObject({ id: c.id, version: c.version + 1, title: 'fresh' });
  });

  it('accepts 100 operations and refuses 101 (nothing applied)', async () => {
    const before = (await t.call(key, 'GET', '/v1/contacts?limit=200')).body.data.length;
    const ops = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ op: 'create', data: { firstName: `Bulk ${i}` } }));
    const state = await dbState(t);
    expectProblem(await t.call(key, 'POST', '/v1/contacts/batch', { operations: ops(101) }), 400);
    expectProblem(await t.call(key, 'POST', '/v1/contacts/batch', { operations: [] }), 400);
    expectProblem(await t.call(key, 'POST', '/v1/contacts/batch', { operations: [{ op: 'upsert', data: {} }] }), 400);
    expect(await dbState(t)).toBe(state);
    const ok = await t.call(key, 'POST', '/v1/contacts/batch', { operations: ops(100) });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(100);
    expect(ok.body.results.every((r: { status: number }) => r.status === 201)).toBe(true);
    const count = (await t.call(key, 'GET', '/v1/contacts?limit=200')).body.data.length;
    expect(count).toBe(before + 100);
  });

  it("never touches another workspace's records", async () => {
    const bContact = (await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'B only' })).body;
    const before = await dbState(t);
    const res = await t.call(key, 'POST', '/v1/contacts/batch', {
      operations: [
        { op: 'update', id: bContact.id, data: { title: 'hijacked' } },
        { op: 'delete', id: bContact.id },
      ],
    });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([404, 404]);
    expect(JSON.stringify(res.body)).not.toContain('B only');
    expect(await dbState(t)).toBe(before);
    const still = await t.call(t.b.keys.admin, 'GET', `/v1/contacts/${bContact.id}`);
    expect(still.body).toMatchObject({ title: null, version: 1 });
  });

  it('works for every resource', async () => {
    const res = await t.call(key, 'POST', '/v1/companies/batch', {
      operations: [
        { op: 'create', data: { name: 'Batch Co' } },
        { op: 'create', data: {} },
      ],
    });
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400]);
    const teams = await t.call(key, 'POST', '/v1/teams/batch', { operations: [{ op: 'create', data: { name: 'T' } }] });
    expect(teams.body.results[0].status).toBe(201);
    await expectServing(t);
  });
});

describe('capabilities', () => {
  it('search and batch answer 404 problems when switched off', async () => {
    const core = await startTestServer({ capabilities: { search: false, batch: false } });
    try {
      expectProblem(await core.call(core.a.keys.admin, 'POST', '/v1/contacts/search', {}), 404);
      expectProblem(
        await core.call(core.a.keys.admin, 'POST', '/v1/contacts/batch', {
          operations: [{ op: 'create', data: { firstName: 'X' } }],
        }),
        404,
      );
      const list = await core.call(core.a.keys.admin, 'GET', '/v1/contacts');
      expect(list.body.data).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
