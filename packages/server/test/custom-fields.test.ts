import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbState, expectProblem, expectServing } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/** Custom fields defined in workspace settings: validation of every type, merging, filtering and sorting. */

const field = (key: string, type: string, extra: Record<string, unknown> = {}) => ({
  key,
  label: { en: key, vi: key },
  type,
  custom: true,
  required: false,
  sortable: true,
  filterable: true,
  ...extra,
});
const options = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));

const CONTACT_FIELDS = [
  field('memberNo', 'text', { required: true }),
  field('plan', 'select', { options: options('vip', 'basic') }),
  field('interests', 'multiselect', { options: options('yoga', 'swim', 'gym') }),
  field('score', 'number', { min: 0, max: 100 }),
  field('budget', 'currency', { currency: 'VND' }),
  field('since', 'date'),
  field('active', 'boolean'),
  field('altEmail', 'email'),
  field('hotline', 'phone'),
  field('site', 'url'),
];

const VALID = {
  memberNo: 'M-001',
  plan: 'vip',
  interests: ['yoga', 'gym'],
  score: 42.5,
  budget: 1_500_000,
  since: '2024-02-29',
  active: true,
  altEmail: 'lan@example.vn',
  hotline: '+84901234567',
  site: 'https://example.vn/lan',
};

let t: TestServer;
let key: string;

beforeAll(async () => {
  t = await startTestServer({
    settings: {
      customFields: {
        contact: CONTACT_FIELDS as never,
        company: [field('tier', 'select', { options: options('a', 'b') })] as never,
      },
    },
  });
  key = t.a.keys.admin;
});
afterAll(() => t.close());

const create = (customFields: unknown, extra: Record<string, unknown> = {}) =>
  t.call(key, 'POST', '/v1/contacts', { firstName: 'Lan', customFields, ...extra });

describe('custom field validation', () => {
  it('accepts a valid value of every type and returns it', async () => {
    const res = await create(VALID);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.customFields).toEqual(VALID);
    const got = await t.call(key, 'GET', `/v1/contacts/${res.body.id}`);
    expect(got.body.customFields).toEqual(VALID);
  });

  it.each([
    ['plan', 'gold'],
    ['plan', 1],
    ['interests', ['yoga', 'ski']],
    ['interests', 'yoga'],
    ['score', 'five'],
    ['score', -1],
    ['score', 100.5],
    ['budget', 10.5],
    ['budget', '1000'],
    ['since', '2026-02-30'],
    ['since', '2026/01/01'],
    ['since', 'tomorrow'],
    ['since', 20260101],
    ['active', 'yes'],
    ['active', 1],
    ['altEmail', 'not-an-email'],
    ['hotline', '0901 234 567'],
    ['site', 'ftp://example.vn'],
    ['site', 'javascript:alert(1)'],
    ['site', 'not a url'],
    ['memberNo', 7],
  ])('%s = %j → 400 at customFields.%s', async (k, value) => {
    const before = await dbState(t);
    const res = await create({ ...VALID, [k]: value });
    expectProblem(res, 400, `customFields.${k}`);
    expect(await dbState(t)).toBe(before);
  });

  it('refuses unknown keys and keys that cannot be field keys', async () => {
    expectProblem(await create({ ...VALID, tier: 'a' }), 400, 'customFields.tier');
    expectProblem(await create({ ...VALID, tier: null }), 400, 'customFields.tier');
    expectProblem(await create({ ...VALID, 'Bad Key': 1 }), 400, /^customFields\./);
    expectProblem(await create('not an object'), 400, 'customFields');
    // Another entity's field is unknown here.
    const company = await t.call(key, 'POST', '/v1/companies', { name: 'Acme', customFields: { plan: 'vip' } });
    expectProblem(company, 400, 'customFields.plan');
    const ok = await t.call(key, 'POST', '/v1/companies', { name: 'Acme', customFields: { tier: 'a' } });
    expect(ok.status).toBe(201);
  });

  it('requires required fields on create (missing, null or empty)', async () => {
    const { memberNo: _, ...withoutMember } = VALID;
    expectProblem(await create(withoutMember), 400, 'customFields.memberNo');
    expectProblem(await create({ ...VALID, memberNo: null }), 400, 'customFields.memberNo');
    expectProblem(await create({ ...VALID, memberNo: '' }), 400, 'customFields.memberNo');
    expectProblem(await create(undefined), 400, 'customFields.memberNo');
    expect((await create({ memberNo: 'M-2' })).status).toBe(201);
  });

  it('reports every bad value at once', async () => {
    const res = await create({ memberNo: 'M', plan: 'gold', score: 500, site: 'nope' });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'customFields.plan',
      'customFields.score',
      'customFields.site',
    ]);
  });
});

describe('partial updates', () => {
  it('merge into the stored values; null removes an optional value', async () => {
    const c = (await create(VALID)).body;
    const patched = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { customFields: { score: 99, plan: null } });
    expect(patched.status).toBe(200);
    const { plan: _, ...rest } = VALID;
    expect(patched.body.customFields).toEqual({ ...rest, score: 99 });
    // A PATCH without customFields leaves them alone.
    const titled = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { title: 'CEO' });
    expect(titled.body.customFields).toEqual({ ...rest, score: 99 });
    // An empty object changes nothing.
    const empty = await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { customFields: {} });
    expect(empty.body.customFields).toEqual({ ...rest, score: 99 });
  });

  it('validate only what they change, but never clear a required field', async () => {
    const c = (await create(VALID)).body;
    expectProblem(
      await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { customFields: { memberNo: null } }),
      400,
      'customFields.memberNo',
    );
    expectProblem(
      await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { customFields: { score: 101 } }),
      400,
      'customFields.score',
    );
    expectProblem(
      await t.call(key, 'PATCH', `/v1/contacts/${c.id}`, { customFields: { nope: 1 } }),
      400,
      'customFields.nope',
    );
    const unchanged = await t.call(key, 'GET', `/v1/contacts/${c.id}`);
    expect(unchanged.body).toMatchObject({ version: 1, customFields: VALID });
  });
});

describe('filtering and sorting on custom fields', () => {
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    const rows = {
      a: { memberNo: 'A', plan: 'vip', score: 4.5, active: true, since: '2020-01-01', interests: ['yoga'] },
      b: { memberNo: 'B', plan: 'basic', score: 80, active: false, since: '2023-06-15', interests: ['swim', 'gym'] },
      c: { memberNo: 'C', score: 4, budget: 100 },
    };
    ids = {};
    for (const [name, cf] of Object.entries(rows)) {
      ids[name] = (await create(cf, { firstName: 'Filter', lastName: name })).body.id;
    }
  });
  const find = async (query: string) => {
    const res = await t.call(key, 'GET', `/v1/contacts?filter[lastName]=a,b,c&filter[firstName]=Filter&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data
      .map((c: { lastName: string }) => c.lastName)
      .sort()
      .join('');
  };

  it('filters by every type', async () => {
    expect(await find('filter[customFields.plan]=vip')).toBe('a');
    expect(await find('filter[customFields.plan]=vip,basic')).toBe('ab');
    expect(await find('filter[customFields.plan][isNull]=true')).toBe('c');
    expect(await find('filter[customFields.score][gt]=4.2')).toBe('ab');
    expect(await find('filter[customFields.score][lte]=4.5')).toBe('ac');
    expect(await find('filter[customFields.score]=80')).toBe('b');
    expect(await find('filter[customFields.active]=true')).toBe('a');
    expect(await find('filter[customFields.active]=false')).toBe('b');
    expect(await find('filter[customFields.since][gte]=2021-01-01')).toBe('b');
    expect(await find('filter[customFields.interests]=gym')).toBe('b');
    expect(await find('filter[customFields.interests]=yoga,swim')).toBe('ab');
    expect(await find('filter[customFields.memberNo][startsWith]=b')).toBe('b');
    expect(await find('filter[customFields.budget][isNull]=false')).toBe('c');
  });

  it('answers 400 for values of the wrong type', async () => {
    for (const q of [
      'filter[customFields.score][gt]=high',
      'filter[customFields.active]=maybe',
      'filter[customFields.since][gt]=2021-13-01',
      'filter[customFields.interests][gt]=a',
    ]) {
      expectProblem(await t.call(key, 'GET', `/v1/contacts?${q}`), 400);
    }
  });

  it('sorts by number and date fields, nulls last', async () => {
    const order = async (sort: string) =>
      (await t.call(key, 'GET', `/v1/contacts?filter[firstName]=Filter&sort=${sort}`)).body.data
        .map((c: { lastName: string }) => c.lastName)
        .join('');
    expect(await order('customFields.score')).toBe('cab');
    expect(await order('-customFields.score')).toBe('bac');
    expect(await order('customFields.since')).toBe('abc');
    expect(await order('-customFields.since')).toBe('bac');
    expectProblem(await t.call(key, 'GET', '/v1/contacts?sort=customFields.interests'), 400, 'sort');
    expectProblem(await t.call(key, 'GET', '/v1/contacts?sort=customFields.nope'), 400, 'sort');
  });

  it('pages through long text values with short cursors', async () => {
    for (const i of [1, 2, 3]) await create({ memberNo: `${'m'.repeat(5000)}${i}` }, { firstName: 'Long' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { data: { id: string }[]; nextCursor: string | null } } = await t.call(
        key,
        'GET',
        `/v1/contacts?filter[firstName]=Long&sort=customFields.memberNo&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((c) => c.id));
      cursor = res.body.nextCursor;
      if (cursor) expect(cursor.length).toBeLessThan(500);
    } while (cursor);
    expect(new Set(seen).size).toBe(3);
  });

  it('keeps working when a definition changes type after values were stored', async () => {
    // `plan` becomes a number field and `score` a date field: stored values no longer fit.
    const { rows } = await t.db.query<{ settings: { customFields: { contact: { key: string; type: string }[] } } }>(
      "SELECT settings FROM workspaces WHERE id = 'ws_a'",
    );
    const settings = rows[0]!.settings;
    for (const f of settings.customFields.contact) {
      if (f.key === 'plan') Object.assign(f, { type: 'number', options: undefined });
      if (f.key === 'score') f.type = 'date';
    }
    await t.db.query("UPDATE workspaces SET settings = $1 WHERE id = 'ws_a'", [JSON.stringify(settings)]);
    try {
      for (const q of [
        'filter[customFields.plan][gt]=1',
        'sort=customFields.plan',
        'filter[customFields.score][gt]=2020-01-01',
        'sort=-customFields.score',
      ]) {
        const res = await t.call(key, 'GET', `/v1/contacts?filter[firstName]=Filter&${q}`);
        expect(res.status, q).toBe(200);
      }
      await expectServing(t);
    } finally {
      await t.db.query("UPDATE workspaces SET settings = $1 WHERE id = 'ws_a'", [
        JSON.stringify({ ...settings, customFields: { ...settings.customFields, contact: CONTACT_FIELDS } }),
      ]);
    }
  });
});

describe('schema', () => {
  it('lists the custom fields in GET /v1/schema', async () => {
    const schema = await t.call(key, 'GET', '/v1/schema');
    expect(schema.status).toBe(200);
    const custom = schema.body.fields.contact.filter((f: { custom: boolean }) => f.custom);
    expect(custom.map((f: { key: string }) => f.key)).toEqual(CONTACT_FIELDS.map((f) => f.key));
    expect(
      schema.body.fields.company.filter((f: { custom: boolean }) => f.custom).map((f: { key: string }) => f.key),
    ).toEqual(['tier']);
  });
});
