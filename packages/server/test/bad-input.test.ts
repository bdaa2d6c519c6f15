import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, expectProblem, expectServing } from './expect-problem.js';
import { type ApiResponse, startTestServer, type TestServer } from './harness.js';

/**
 * Bad input of every kind: each answers the right 4xx problem+json, changes nothing stored, and leaves the
 * server serving. Never a 500, never a stack trace.
 */

let t: TestServer;
let admin: string;
let contact: { id: string; version: number };
let bCompany: string;
let bContact: string;
let cursorByLastName: string;

beforeAll(async () => {
  t = await startTestServer();
  admin = t.a.keys.admin;
  const created = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Lan', lastName: 'Nguyễn' });
  await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Minh', lastName: 'Trần' });
  contact = created.body;
  bCompany = (await t.call(t.b.keys.admin, 'POST', '/v1/companies', { name: 'B Corp' })).body.id;
  bContact = (await t.call(t.b.keys.admin, 'POST', '/v1/contacts', { firstName: 'Bee' })).body.id;
  cursorByLastName = (await t.call(admin, 'GET', '/v1/contacts?limit=1&sort=lastName')).body.nextCursor;
  expect(cursorByLastName).toBeTruthy();
});
afterAll(() => t.close());

const raw = async (method: string, path: string, body: BodyInit, headers: Record<string, string>) => {
  const res = await t.server.fetch(
    new Request(`http://crm.test${path}`, { method, body, headers: { authorization: `Bearer ${admin}`, ...headers } }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) } as ApiResponse;
};

const SQL = "'; DROP TABLE contacts; --";

interface Case {
  name: string;
  status: number;
  path?: string | RegExp;
  run: () => Promise<ApiResponse>;
}

const cases: Case[] = [
  // Bodies
  {
    name: 'malformed JSON',
    status: 400,
    run: () => t.call(admin, 'POST', '/v1/contacts', '{"firstName": "Lan",'),
  },
  {
    name: 'non-JSON content type',
    status: 415,
    run: () => t.call(admin, 'POST', '/v1/contacts', 'firstName=Lan', { 'content-type': 'text/plain' }),
  },
  {
    name: 'form-encoded body',
    status: 415,
    run: () =>
      t.call(admin, 'POST', '/v1/contacts', 'firstName=Lan', { 'content-type': 'application/x-www-form-urlencoded' }),
  },
  {
    name: 'invalid UTF-8',
    status: 400,
    run: () =>
      raw('POST', '/v1/contacts', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), {
        'content-type': 'application/json',
      }),
  },
  { name: 'JSON array body', status: 400, run: () => t.call(admin, 'POST', '/v1/contacts', [1, 2]) },
  { name: 'JSON null body', status: 400, run: () => t.call(admin, 'POST', '/v1/contacts', 'null') },
  {
    name: 'wrong type: number for text',
    status: 400,
    path: 'firstName',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 5 }),
  },
  {
    name: 'wrong type: string for list',
    status: 400,
    path: 'emails',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', emails: 'a@b.co' }),
  },
  {
    name: 'wrong type: bad email in list',
    status: 400,
    path: 'emails.1',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', emails: ['a@b.co', 'not-an-email'] }),
  },
  {
    name: 'wrong type: unknown enum value',
    status: 400,
    path: 'lifecycleStage',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', lifecycleStage: 'vip' }),
  },
  {
    name: 'wrong type: impossible date',
    status: 400,
    path: 'birthday',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', birthday: '2026-02-30' }),
  },
  {
    name: 'wrong type: phone not E.164',
    status: 400,
    path: 'phones.0',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', phones: ['0901 234 567'] }),
  },
  {
    name: 'wrong type: number for id',
    status: 400,
    path: 'companyId',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', companyId: 42 }),
  },
  {
    name: 'wrong type on PATCH',
    status: 400,
    path: 'tags',
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { tags: 'vip' }),
  },
  {
    name: 'unknown field',
    status: 400,
    path: 'nickname',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', nickname: 'Al' }),
  },
  {
    name: 'unknown nested field',
    status: 400,
    path: 'consent.fax',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', consent: { fax: true } }),
  },
  {
    name: 'read-only field on PATCH',
    status: 400,
    path: 'version',
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { version: 99 }),
  },
  {
    name: 'oversize body (> 1 MB)',
    status: 413,
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', title: 'x'.repeat(1_100_000) }),
  },
  {
    name: 'NUL character in a body string',
    status: 400,
    path: 'firstName',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A\u0000B' }),
  },
  // Lists
  { name: 'garbage cursor', status: 400, path: 'cursor', run: () => t.call(admin, 'GET', '/v1/contacts?cursor=abc') },
  {
    name: 'cursor of the wrong shape',
    status: 400,
    path: 'cursor',
    run: () => t.call(admin, 'GET', `/v1/contacts?cursor=${btoa(JSON.stringify({ a: 1 }))}`),
  },
  {
    name: 'cursor for another sort',
    status: 400,
    path: 'cursor',
    run: () => t.call(admin, 'GET', `/v1/contacts?sort=-updatedAt&cursor=${cursorByLastName}`),
  },
  {
    name: 'cursor with a value that does not fit the sort field',
    status: 400,
    path: 'cursor',
    run: () =>
      t.call(
        admin,
        'GET',
        `/v1/contacts?sort=-updatedAt&cursor=${Buffer.from(JSON.stringify(['-updatedAt', 'soon', 'con_x'])).toString('base64url')}`,
      ),
  },
  { name: 'limit=0', status: 400, path: 'limit', run: () => t.call(admin, 'GET', '/v1/contacts?limit=0') },
  { name: 'limit=201', status: 400, path: 'limit', run: () => t.call(admin, 'GET', '/v1/contacts?limit=201') },
  { name: 'limit=abc', status: 400, path: 'limit', run: () => t.call(admin, 'GET', '/v1/contacts?limit=abc') },
  { name: 'limit=1.5', status: 400, path: 'limit', run: () => t.call(admin, 'GET', '/v1/contacts?limit=1.5') },
  { name: 'unknown sort field', status: 400, path: 'sort', run: () => t.call(admin, 'GET', '/v1/contacts?sort=age') },
  {
    name: 'sort by a list field',
    status: 400,
    path: 'sort',
    run: () => t.call(admin, 'GET', '/v1/contacts?sort=emails'),
  },
  {
    name: 'unknown filter field',
    status: 400,
    path: /field$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[age]=3'),
  },
  {
    name: 'unknown filter operator',
    status: 400,
    path: 'filter[firstName][like]',
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[firstName][like]=A'),
  },
  {
    name: 'malformed filter parameter',
    status: 400,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter=firstName'),
  },
  {
    name: 'number field with text',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[version][gt]=abc'),
  },
  {
    name: 'number field out of range',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[version]=99999999999'),
  },
  {
    name: 'date field with an impossible date',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[birthday][gte]=2026-02-30'),
  },
  {
    name: 'date-time field with text',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[updatedAt][gte]=yesterday'),
  },
  {
    name: 'date-time beyond year 9999',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[lastContactedAt][gt]=%2B275760-09-13T00:00:00Z'),
  },
  {
    name: 'ordering operator on a list field',
    status: 400,
    path: /op$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[tags][gt]=a'),
  },
  {
    name: 'isNull with a non-boolean',
    status: 400,
    path: /value$/,
    run: () => t.call(admin, 'GET', '/v1/contacts?filter[companyId][isNull]=maybe'),
  },
  {
    name: 'bad updatedSince',
    status: 400,
    path: 'updatedSince',
    run: () => t.call(admin, 'GET', '/v1/contacts?updatedSince=last-week'),
  },
  {
    name: 'q too long',
    status: 400,
    path: 'q',
    run: () => t.call(admin, 'GET', `/v1/contacts?q=${'a'.repeat(201)}`),
  },
  { name: 'NUL in q', status: 400, run: () => t.call(admin, 'GET', '/v1/contacts?q=a%00b') },
  { name: 'NUL in a filter value', status: 400, run: () => t.call(admin, 'GET', '/v1/contacts?filter[firstName]=%00') },
  // Ids, versions, workspaces
  { name: 'unknown id (GET)', status: 404, run: () => t.call(admin, 'GET', '/v1/contacts/con_nope') },
  {
    name: 'unknown id (PATCH)',
    status: 404,
    run: () => t.call(admin, 'PATCH', '/v1/contacts/con_nope', { title: 'x' }),
  },
  { name: 'unknown id (DELETE)', status: 404, run: () => t.call(admin, 'DELETE', '/v1/contacts/con_nope') },
  {
    name: 'SQL-looking id',
    status: 404,
    run: () => t.call(admin, 'GET', `/v1/contacts/${encodeURIComponent(SQL)}`),
  },
  { name: 'NUL in an id', status: 400, run: () => t.call(admin, 'GET', '/v1/contacts/con_%00') },
  { name: 'overlong id', status: 404, run: () => t.call(admin, 'GET', `/v1/contacts/${'x'.repeat(300)}`) },
  {
    name: 'stale version (PATCH)',
    status: 412,
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { title: 'x' }, { 'if-match': '"999"' }),
  },
  {
    name: 'stale version (DELETE)',
    status: 412,
    run: () => t.call(admin, 'DELETE', `/v1/contacts/${contact.id}`, undefined, { 'if-match': '"999"' }),
  },
  {
    name: 'malformed If-Match',
    status: 400,
    path: 'If-Match',
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { title: 'x' }, { 'if-match': 'version 1' }),
  },
  {
    name: "another workspace's id in the path (GET)",
    status: 404,
    run: () => t.call(admin, 'GET', `/v1/contacts/${bContact}`),
  },
  {
    name: "another workspace's id in the path (PATCH)",
    status: 404,
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${bContact}`, { title: 'x' }),
  },
  {
    name: "another workspace's id in the path (DELETE)",
    status: 404,
    run: () => t.call(admin, 'DELETE', `/v1/contacts/${bContact}`),
  },
  {
    name: "another workspace's id in a reference field (create)",
    status: 400,
    path: 'companyId',
    run: () => t.call(admin, 'POST', '/v1/contacts', { firstName: 'A', companyId: bCompany }),
  },
  {
    name: "another workspace's id in a reference field (update)",
    status: 400,
    path: 'companyId',
    run: () => t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { companyId: bCompany }),
  },
  {
    name: "another workspace's user as owner",
    status: 400,
    path: 'ownerId',
    run: () => t.call(admin, 'POST', '/v1/companies', { name: 'X', ownerId: t.b.users['admin@b.test'] }),
  },
  { name: 'unknown route', status: 404, run: () => t.call(admin, 'GET', '/v1/widgets') },
  {
    name: 'search with a malformed tree',
    status: 400,
    run: () => t.call(admin, 'POST', '/v1/contacts/search', { filter: { field: 'firstName', op: 'like', value: 'a' } }),
  },
];

describe('bad input', () => {
  it.each(cases)('$name → $status problem, nothing changed, still serving', async (c) => {
    const before = await dbState(t);
    const res = await c.run();
    expectProblem(res, c.status, c.path);
    expect(await dbState(t)).toBe(before);
    await expectServing(t);
  });

  it('a stale version answers 412 with the current record', async () => {
    const res = await t.call(admin, 'PATCH', `/v1/contacts/${contact.id}`, { title: 'x' }, { 'if-match': '"999"' });
    expectProblem(res, 412);
    expect(res.body.current).toMatchObject({ id: contact.id, version: contact.version, firstName: 'Lan' });
  });

  it('stores SQL-looking text as plain data and finds it with q and filters', async () => {
    const before = (await t.call(admin, 'GET', '/v1/contacts?limit=200')).body.data.length;
    const created = await t.call(admin, 'POST', '/v1/contacts', { firstName: SQL, lastName: '%_\\', tags: [SQL] });
    expect(created.status).toBe(201);
    expect(created.body.firstName).toBe(SQL);
    expect(created.body.tags).toEqual([SQL]);
    const byQ = await t.call(admin, 'GET', `/v1/contacts?q=${encodeURIComponent("'; drop table")}`);
    expect(byQ.status).toBe(200);
    expect(byQ.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    // LIKE wildcards in q are literal characters.
    const wild = await t.call(admin, 'GET', `/v1/contacts?q=${encodeURIComponent('%_\\')}`);
    expect(wild.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const none = await t.call(admin, 'GET', `/v1/contacts?q=${encodeURIComponent('%')}`);
    expect(none.body.data.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
    const byFilter = await t.call(admin, 'GET', `/v1/contacts?filter[firstName]=${encodeURIComponent(SQL)}`);
    expect(byFilter.body.data).toHaveLength(1);
    const byTag = await t.call(admin, 'GET', `/v1/contacts?filter[tags]=${encodeURIComponent(SQL)}`);
    expect(byTag.body.data).toHaveLength(1);
    const searched = await t.call(admin, 'POST', '/v1/contacts/search', {
      filter: {
        or: [
          { field: 'lastName', op: 'contains', value: SQL },
          { field: 'firstName', op: 'startsWith', value: "'; DROP" },
        ],
      },
    });
    expect(searched.body.data).toHaveLength(1);
    const after = (await t.call(admin, 'GET', '/v1/contacts?limit=200')).body.data.length;
    expect(after).toBe(before + 1);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts');
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('answers bad input to every resource without a 500', async () => {
    for (const resource of ['companies', 'contacts', 'users', 'teams', 'pipelines']) {
      for (const [method, path, body] of [
        ['POST', `/v1/${resource}`, { bogus: true }],
        ['POST', `/v1/${resource}`, {}],
        ['PATCH', `/v1/${resource}/nope`, { bogus: true }],
        ['GET', `/v1/${resource}?sort=bogus`, undefined],
        ['GET', `/v1/${resource}?filter[bogus]=1`, undefined],
        ['GET', `/v1/${resource}?limit=-1`, undefined],
        ['POST', `/v1/${resource}/search`, { filter: { field: 'bogus', op: 'eq', value: 1 } }],
        ['POST', `/v1/${resource}/batch`, { operations: [] }],
      ] as const) {
        const res = await t.call(admin, method, path, body);
        expect([400, 404], `${method} ${path}`).toContain(res.status);
        expectProblem(res, res.status);
      }
    }
    await expectServing(t);
  });
});
