import { resources } from '@crmkit/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './expect-problem.js';
import { type ApiResponse, startTestServer, type TestServer } from './harness.js';

/** Keyset pagination, sorting, `updatedSince`, `q` and query-string filters over contacts. */

type Contact = {
  id: string;
  firstName: string;
  lastName: string;
  lifecycleStage: string;
  birthday: string | null;
  lastContactedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  companyId: string | null;
  customFields: Record<string, unknown>;
};

let t: TestServer;
let key: string;
let company: string;
/** The contacts made in `beforeAll`, as stored. */
let seeded: Contact[] = [];

const FIRST = ['An', 'Binh', 'Chi', 'Dung', 'An', 'Giang', 'Hoa', 'Binh'];
const LAST = ['Tran', 'Le', 'Pham', 'Tran', 'Vo', 'Le', 'Dang', 'Bui', 'Tran'];
const STAGES = ['potential', 'active', 'loyal', 'lost'];
const PLANS = ['vip', 'basic', null];

beforeAll(async () => {
  t = await startTestServer({
    settings: {
      customFields: {
        contact: [
          {
            key: 'plan',
            label: { en: 'Plan' },
            type: 'select',
            custom: true,
            required: false,
            options: [
              { value: 'vip', label: { en: 'VIP' } },
              { value: 'basic', label: { en: 'Basic' } },
            ],
            sortable: true,
            filterable: true,
          },
        ],
      },
    },
  });
  key = t.a.keys.admin;
  company = (await t.call(key, 'POST', '/v1/companies', { name: 'Acme' })).body.id;
  for (let i = 0; i < 30; i++) {
    const plan = PLANS[i % 3];
    const res: ApiResponse = await t.call(key, 'POST', '/v1/contacts', {
      firstName: FIRST[i % FIRST.length],
      lastName: LAST[i % LAST.length],
      lifecycleStage: STAGES[i % 4],
      birthday: i % 3 === 0 ? null : `199${i % 4}-0${1 + (i % 5)}-1${i % 2}`,
      tags: i % 5 === 0 ? ['vip'] : i % 5 === 1 ? ['vip', 'new'] : [],
      companyId: i % 2 === 0 ? company : null,
      ...(plan ? { customFields: { plan } } : {}),
    });
    expect(res.status).toBe(201);
    // A few seconds apart, some at the same instant: createdAt has ties too.
    if (i % 4 === 0) t.clock.advance({ seconds: 3 });
  }
  // Calls set lastContactedAt on some contacts (ties included); the rest stay null.
  const all = await listAll('/v1/contacts?sort=id');
  for (const [i, c] of all.entries()) {
    if (i % 3 === 2) continue;
    const occurredAt = new Date(Date.parse('2026-11-01T00:00:00Z') + (i % 7) * 3_600_000).toISOString();
    const act = await t.call(key, 'POST', '/v1/activities', { type: 'call', contactId: c.id, occurredAt });
    expect(act.status).toBe(201);
  }
  seeded = await listAll('/v1/contacts?sort=id');
  expect(seeded).toHaveLength(30);
});
afterAll(() => t.close());

/** Every record of a list, page by page; fails on a page that is not 200 or a repeated cursor. */
async function listAll(path: string, limit = 7): Promise<Contact[]> {
  const out: Contact[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: ApiResponse = await t.call(
      key,
      'GET',
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
    if (cursor) {
      expect(seen.has(cursor)).toBe(false);
      seen.add(cursor);
    }
  } while (cursor);
  return out;
}

const ids = (list: { id: string }[]) => list.map((c) => c.id);

/** The expected order: by `field` (nulls last either way), ties by id in the same direction. */
function expectedOrder(list: Contact[], field: keyof Contact, desc: boolean): string[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list]
    .sort((a, b) => {
      const va = a[field] as string | null;
      const vb = b[field] as string | null;
      if (va === null && vb !== null) return 1;
      if (vb === null && va !== null) return -1;
      const byValue = va === null || vb === null ? 0 : cmp(va, vb);
      return (desc ? -1 : 1) * (byValue || cmp(a.id, b.id));
    })
    .map((c) => c.id);
}

describe('keyset pagination', () => {
  it('is stable under inserts between pages: no duplicates, no gaps', async () => {
    for (const sort of [
      'name',
      '-name',
      'lastName',
      '-lastName',
      'createdAt',
      '-createdAt',
      '-updatedAt',
      'birthday',
      'id',
    ]) {
      const original = new Set(ids(await listAll(`/v1/contacts?sort=${sort}`, 200)));
      const got: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const res: ApiResponse = await t.call(
          key,
          'GET',
          `/v1/contacts?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        got.push(...ids(res.body.data));
        cursor = res.body.nextCursor;
        // New records that sort before, among and after the ones still to come.
        for (const lastName of ['Aaa', 'Le', 'Zzz']) {
          t.clock.advance({ seconds: 1 });
          const made = await t.call(key, 'POST', '/v1/contacts', {
            firstName: `Inserted ${inserted++}`,
            lastName,
            birthday: '1995-05-05',
          });
          expect(made.status).toBe(201);
        }
      } while (cursor);
      expect(new Set(got).size, `${sort}: no duplicates`).toBe(got.length);
      const missing = [...original].filter((id) => !got.includes(id));
      expect(missing, `${sort}: no gaps`).toEqual([]);
      // Remove what this round inserted, so every sort starts from the same data.
      const extra = await listAll('/v1/contacts?q=inserted', 200);
      for (const c of extra) expect((await t.call(key, 'DELETE', `/v1/contacts/${c.id}`)).status).toBe(204);
    }
  });

  it.each([
    'firstName',
    'lastName',
    'lifecycleStage',
    'birthday',
    'lastContactedAt',
    'createdAt',
    'updatedAt',
    'id',
  ] as const)('sorts by %s, ascending and descending, nulls last, ties by id', async (field) => {
    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${field}`;
      const paged = await listAll(`/v1/contacts?sort=${sort}`, 4);
      expect(ids(paged), sort).toEqual(expectedOrder(seeded, field, desc));
      const whole = await t.call(key, 'GET', `/v1/contacts?sort=${sort}&limit=200`);
      expect(ids(whole.body.data)).toEqual(ids(paged));
      expect(whole.body.nextCursor).toBeNull();
    }
  });

  it('uses name by default and limit 50; an exact last page has no next cursor', async () => {
    const res: ApiResponse = await t.call(key, 'GET', '/v1/contacts');
    // An English workspace: family name, then given name (the names are plain ASCII, one case).
    const byName = [...seeded].sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || (a.id < b.id ? -1 : 1),
    );
    expect(ids(res.body.data)).toEqual(ids(byName));
    expect(res.body.nextCursor).toBeNull();
    const ten = await t.call(key, 'GET', '/v1/contacts?limit=10&sort=id');
    const next = await t.call(key, 'GET', `/v1/contacts?limit=20&sort=id&cursor=${ten.body.nextCursor}`);
    expect(next.body.data).toHaveLength(20);
    expect(next.body.nextCursor).toBeNull();
  });

  it('sorts by a custom field', async () => {
    const paged = await listAll('/v1/contacts?sort=-customFields.plan', 4);
    const plans = paged.map((c) => (c.customFields.plan as string | undefined) ?? null);
    expect(plans.slice(0, 10)).toEqual(Array(10).fill('vip'));
    expect(plans.slice(10, 20)).toEqual(Array(10).fill('basic'));
    expect(plans.slice(20)).toEqual(Array(10).fill(null));
  });

  it('keeps full timestamp precision in cursors (rows written with microseconds)', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await t.call(key, 'POST', '/v1/contacts', { firstName: `Micro ${i}` })).body.id);
    // As another writer (a database default, a bulk import) may store them.
    await t.db.query(
      `UPDATE contacts SET updated_at = timestamptz '2030-01-01 00:00:00.000001+00' + (array_position($1::text[], id) % 2) * interval '1 microsecond'
        WHERE id = ANY($1::text[])`,
      [made],
    );
    for (const sort of ['updatedAt', '-updatedAt']) {
      const paged = await listAll(`/v1/contacts?sort=${sort}&updatedSince=2029-12-31T00:00:00Z`, 1);
      expect(paged.map((c) => c.id).sort(), sort).toEqual([...made].sort());
    }
    for (const id of made) await t.call(key, 'DELETE', `/v1/contacts/${id}`);
  });

  it('a cursor keeps working after the record it points at is deleted', async () => {
    const extra = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Gone', lastName: 'Mmm' });
    const first = await t.call(key, 'GET', '/v1/contacts?limit=1&sort=-createdAt');
    expect(first.body.data[0].id).toBe(extra.body.id);
    await t.call(key, 'DELETE', `/v1/contacts/${extra.body.id}`);
    const rest = await listAll(`/v1/contacts?sort=-createdAt&cursor=${first.body.nextCursor}`, 200);
    expect(ids(rest)).toEqual(expectedOrder(seeded, 'createdAt', true));
  });
});

describe('updatedSince', () => {
  it('returns only records updated at or after the instant', async () => {
    t.clock.advance({ minutes: 10 });
    const since = t.clock.now().toISOString();
    const [a, b] = seeded;
    await t.call(key, 'PATCH', `/v1/contacts/${a!.id}`, { title: 'Changed' });
    t.clock.advance({ minutes: 1 });
    await t.call(key, 'PATCH', `/v1/contacts/${b!.id}`, { title: 'Changed too' });
    const res = await listAll(`/v1/contacts?sort=updatedAt&updatedSince=${encodeURIComponent(since)}`, 1);
    expect(ids(res)).toEqual([a!.id, b!.id]);
    const later = new Date(Date.parse(since) + 1).toISOString();
    expect(ids(await listAll(`/v1/contacts?updatedSince=${encodeURIComponent(later)}`))).toEqual([b!.id]);
    const withOffset = '2099-01-01T07:00:00+07:00';
    expect(await listAll(`/v1/contacts?updatedSince=${encodeURIComponent(withOffset)}`)).toEqual([]);
  });
});

describe('q', () => {
  it('is case-insensitive and handles Vietnamese diacritics', async () => {
    const nguyen = await t.call(key, 'POST', '/v1/contacts', {
      firstName: 'Thị Lan',
      lastName: 'Nguyễn',
      emails: ['lan.nguyen@example.vn'],
      phones: ['+84901234567'],
    });
    const plain = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Van', lastName: 'Nguyen' });
    const dang = await t.call(key, 'POST', '/v1/contacts', { firstName: 'Đặng', lastName: 'Hải' });
    const find = async (q: string) => ids(await listAll(`/v1/contacts?q=${encodeURIComponent(q)}`)).sort();
    const both = [nguyen.body.id, plain.body.id].sort();
    expect(await find('nguyễn')).toEqual([nguyen.body.id]);
    expect(await find('NGUYỄN')).toEqual([nguyen.body.id]);
    expect(await find('Nguyễn')).toEqual([nguyen.body.id]);
    // Decomposed input (as some keyboards send it) is the same text.
    expect(await find('Nguyễn'.normalize('NFD'))).toEqual([nguyen.body.id]);
    // Without diacritics it finds both spellings.
    expect(await find('nguyen')).toEqual(both);
    expect(await find('thi lan')).toEqual([nguyen.body.id]);
    expect(await find('dang hai')).toEqual([dang.body.id]);
    expect(await find('đặng')).toEqual([dang.body.id]);
    // Emails and phones are searchable too.
    expect(await find('LAN.NGUYEN@')).toEqual([nguyen.body.id]);
    expect(await find('+8490123')).toEqual([nguyen.body.id]);
    // A rename is found by its new name only.
    await t.call(key, 'PATCH', `/v1/contacts/${plain.body.id}`, { lastName: 'Smith' });
    expect(await find('nguyen')).toEqual([nguyen.body.id]);
    expect(await find('smith')).toEqual([plain.body.id]);
    expect(await find('   ')).toHaveLength((await listAll('/v1/contacts')).length);
    for (const c of [nguyen, plain, dang]) await t.call(key, 'DELETE', `/v1/contacts/${c.body.id}`);
  });

  it('pages correctly whether a term is rare, common, or common but sorted late', async () => {
    // Written directly, as a bulk import would: enough rows for every way a text search can take (see listRows).
    const bulk = (prefix: string, n: number, text: string, last: string, updated: string) =>
      t.db.query(
        `INSERT INTO contacts (id, workspace_id, created_at, updated_at, search_text, first_name, last_name)
         SELECT '${prefix}' || lpad(g::text, 5, '0'), 'ws_a', now(), timestamptz '${updated}', ${text}, 'Bulk', ${last}
           FROM generate_series(1, ${n}) AS g`,
      );
    await bulk('con_fill', 10_500, "'filler'", "'Aaa'", '2000-01-01');
    await bulk('con_comm', 2500, "'common ' || (g % 50)", "'L' || (g % 50)", '2030-01-01');
    await bulk('con_late', 2100, "'latecomer'", "'Zzz'", '2001-01-01');
    try {
      for (const [q, expected] of [
        ['common', 2500],
        // Two words, each matched on its own: "common" and a number holding a 4 (4, 14, 24, 34, 40–49): 14 × 50.
        ['common 4', 700],
        ['common 42', 50],
        ['latecomer', 2100],
      ] as const) {
        for (const sort of ['lastName', '-updatedAt']) {
          const paged = await listAll(`/v1/contacts?q=${encodeURIComponent(q)}&sort=${sort}`, 200);
          expect(paged, `${q} ${sort}`).toHaveLength(expected);
          expect(new Set(ids(paged)).size).toBe(expected);
          const keys = paged.map((c) => (sort === 'lastName' ? `${c.lastName} ${c.id}` : `${c.updatedAt} ${c.id}`));
          const ordered = [...keys].sort();
          expect(keys).toEqual(sort === 'lastName' ? ordered : ordered.reverse());
        }
      }
    } finally {
      await t.db.query("DELETE FROM contacts WHERE first_name = 'Bulk'");
    }
  });

  it('combines with sort, filters and pagination', async () => {
    const paged = await listAll('/v1/contacts?q=tran&sort=-firstName&filter[lifecycleStage]=potential,active', 2);
    const expected = expectedOrder(
      seeded.filter((c) => c.lastName === 'Tran' && ['potential', 'active'].includes(c.lifecycleStage)),
      'firstName',
      true,
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(ids(paged)).toEqual(expected);
  });
});

describe('query-string filters', () => {
  const sorted = (list: Contact[]) => ids(list).sort();
  const expectIds = async (path: string, predicate: (c: Contact) => boolean) => {
    const got = await listAll(path, 5);
    const want = seeded.filter(predicate);
    expect(want.length, `${path} matches something`).toBeGreaterThan(0);
    expect(sorted(got), path).toEqual(sorted(want));
  };

  it('filter[lifecycleStage]=active,loyal (in)', () =>
    expectIds('/v1/contacts?filter[lifecycleStage]=active,loyal', (c) =>
      ['active', 'loyal'].includes(c.lifecycleStage),
    ));
  it('filter[lifecycleStage]=lost (eq)', () =>
    expectIds('/v1/contacts?filter[lifecycleStage]=lost', (c) => c.lifecycleStage === 'lost'));
  it('filter[lifecycleStage][neq]=lost', () =>
    expectIds('/v1/contacts?filter[lifecycleStage][neq]=lost', (c) => c.lifecycleStage !== 'lost'));
  it('filter[tags]=vip (list contains)', () =>
    expectIds('/v1/contacts?filter[tags]=vip', (c) => c.tags.includes('vip')));
  it('filter[tags]=new,other (list overlaps)', () =>
    expectIds('/v1/contacts?filter[tags]=new,other', (c) => c.tags.includes('new')));
  it('filter[tags][neq]=vip', () => expectIds('/v1/contacts?filter[tags][neq]=vip', (c) => !c.tags.includes('vip')));
  it('filter[tags][isNull]=true (empty list)', () =>
    expectIds('/v1/contacts?filter[tags][isNull]=true', (c) => c.tags.length === 0));
  it('filter[companyId][isNull]=true', () =>
    expectIds('/v1/contacts?filter[companyId][isNull]=true', (c) => c.companyId === null));
  it('filter[companyId][isNull]=false', () =>
    expectIds('/v1/contacts?filter[companyId][isNull]=false', (c) => c.companyId !== null));
  it('filter[companyId]=<id>', () =>
    expectIds(`/v1/contacts?filter[companyId]=${company}`, (c) => c.companyId === company));
  it('filter[companyId]=null', () => expectIds('/v1/contacts?filter[companyId]=null', (c) => c.companyId === null));
  it('filter[birthday][gte]=1992-01-01 and [lt]', () =>
    expectIds(
      '/v1/contacts?filter[birthday][gte]=1991-01-01&filter[birthday][lt]=1993-01-01',
      (c) => c.birthday !== null && c.birthday >= '1991-01-01' && c.birthday < '1993-01-01',
    ));
  it('filter[lastContactedAt][gt]', () =>
    expectIds(
      '/v1/contacts?filter[lastContactedAt][gt]=2026-11-01T02:00:00Z',
      (c) => c.lastContactedAt !== null && c.lastContactedAt > '2026-11-01T02:00:00.000Z',
    ));
  it('filter[firstName][startsWith] and [contains] are case-insensitive', async () => {
    await expectIds('/v1/contacts?filter[firstName][startsWith]=b', (c) => c.firstName.startsWith('B'));
    await expectIds('/v1/contacts?filter[lastName][contains]=RA', (c) => c.lastName.includes('ra'));
  });
  it('filter[customFields.plan]=vip', () =>
    expectIds('/v1/contacts?filter[customFields.plan]=vip', (c) => c.customFields.plan === 'vip'));
  it('filter[customFields.plan]=vip,basic and [isNull]', async () => {
    await expectIds('/v1/contacts?filter[customFields.plan]=vip,basic', (c) => c.customFields.plan !== undefined);
    await expectIds('/v1/contacts?filter[customFields.plan][isNull]=true', (c) => c.customFields.plan === undefined);
    await expectIds('/v1/contacts?filter[customFields.plan][neq]=vip', (c) => c.customFields.plan !== 'vip');
  });
  it('several filters are ANDed', () =>
    expectIds(
      '/v1/contacts?filter[tags]=vip&filter[lifecycleStage]=potential,loyal&filter[companyId][isNull]=false',
      (c) => c.tags.includes('vip') && ['potential', 'loyal'].includes(c.lifecycleStage) && c.companyId !== null,
    ));
  it('an unknown custom field is a 400', async () => {
    expectProblem(await t.call(key, 'GET', '/v1/contacts?filter[customFields.tier]=gold'), 400, /field$/);
  });
});

describe('every resource', () => {
  it('pages consistently by every sortable field, both ways', async () => {
    // Records with ties and nulls in the nullable sort fields (domain, industry).
    for (let i = 0; i < 7; i++) {
      await t.call(key, 'POST', '/v1/companies', {
        name: `Co ${i % 3}`,
        ...(i % 2 ? { domain: `co${i % 3}.vn` } : {}),
        ...(i % 3 ? { industry: i % 3 === 1 ? 'Retail' : 'Food' } : {}),
      });
      await t.call(key, 'POST', '/v1/teams', { name: `Team ${i % 2}` });
      await t.call(key, 'POST', '/v1/users', {
        name: `User ${i % 3}`,
        email: `user${i}@a.test`,
        role: i % 2 ? 'agent' : 'viewer',
      });
      await t.call(key, 'POST', '/v1/pipelines', {
        name: `Pipe ${i % 2}`,
        stages: [{ name: 'S', probability: 5, kind: 'open' }],
      });
    }
    for (const resource of ['companies', 'teams', 'users', 'pipelines']) {
      const sortable = resources[resource as keyof typeof resources].sortable;
      for (const field of [...sortable, 'createdAt', 'updatedAt', 'id']) {
        for (const sort of [field, `-${field}`]) {
          const whole = await t.call(key, 'GET', `/v1/${resource}?sort=${sort}&limit=200`);
          expect(whole.status, `${resource} ${sort}`).toBe(200);
          const paged: { id: string }[] = [];
          let cursor: string | null = null;
          do {
            const res: ApiResponse = await t.call(
              key,
              'GET',
              `/v1/${resource}?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
            );
            expect(res.status).toBe(200);
            paged.push(...res.body.data);
            cursor = res.body.nextCursor;
          } while (cursor);
          expect(ids(paged), `${resource} ${sort}`).toEqual(ids(whole.body.data));
          expect(new Set(ids(paged)).size).toBe(paged.length);
        }
      }
    }
  });
});
