import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildSortNames } from '../src/db/sort-names.js';
import { provisionWorkspace } from '../src/workspace/provision.js';
import { updateWorkspaceSettings } from '../src/workspace/update-settings.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Contacts' stored name order (set from the name and the language it is typed in, never the workspace's) and
 * `sort=name`: given name first in Vietnamese and Thai workspaces, family name first elsewhere, each part in the
 * language's collation — the same on PGlite and PostgreSQL (`CRMKIT_TEST_DATABASE_URL`), and there the same as ICU.
 */
let t: TestServer;
let vi: string;
let en: string;
let th: string;

beforeAll(async () => {
  t = await startTestServer({ settings: { defaultLocale: 'vi-VN' } });
  vi = t.a.keys.admin;
  en = t.b.keys.admin;
  const ws = await provisionWorkspace(t.db, {
    id: 'ws_th',
    name: 'Bangkok',
    settings: { defaultLocale: 'th-TH' },
    users: [{ name: 'Somchai', email: 'admin@th.test', role: 'admin' }],
    keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@th.test' }],
  });
  th = ws.keys.admin!;
});
afterAll(() => t.close());

type Name = { firstName?: string; lastName?: string; nameOrder?: string | null; emails?: string[] };
const create = async (key: string, body: Name, headers?: Record<string, string>) => {
  const res = await t.call(key, 'POST', '/v1/contacts', body, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

describe('a contact’s name order', () => {
  it('is detected from the name on create, not from the workspace’s language', async () => {
    expect((await create(vi, { firstName: 'Văn An', lastName: 'Nguyễn' })).nameOrder).toBe('family_first');
    expect((await create(vi, { firstName: 'Emily', lastName: 'Carter' })).nameOrder).toBe('given_first');
    expect((await create(vi, { firstName: 'Jason', lastName: 'Chu' })).nameOrder).toBe('given_first');
    expect((await create(en, { firstName: 'Thị Lan', lastName: 'Lại' })).nameOrder).toBe('family_first');
    expect((await create(th, { firstName: 'สมชาย', lastName: 'ใจดี' })).nameOrder).toBe('given_first');
    // No full name, no order: clients decide from the name when one is added.
    expect((await create(vi, { firstName: 'Cher' })).nameOrder).toBeNull();
  });

  it('reads a short name in the language of the input: Content-Language, else the user’s locale', async () => {
    const name = { firstName: 'Minh', lastName: 'Le' };
    expect((await create(en, name, { 'content-language': 'vi-VN' })).nameOrder).toBe('family_first');
    expect((await create(vi, name, { 'content-language': 'en' })).nameOrder).toBe('given_first');
    // The workspace is Vietnamese, but neither the request nor the user says the name is.
    expect((await create(vi, name)).nameOrder).toBe('given_first');
    await t.db.query('UPDATE users SET locale = $1 WHERE id = $2', ['vi-VN', t.a.users['agent@a.test']]);
    expect((await create(t.a.keys.agent!, name)).nameOrder).toBe('family_first');
  });

  it('keeps an order the client sends, and one chosen against the name when the name changes', async () => {
    const carter = await create(vi, { firstName: 'Emily', lastName: 'Carter', nameOrder: 'family_first' });
    expect(carter.nameOrder).toBe('family_first');
    const renamed = await t.call(vi, 'PATCH', `/v1/contacts/${carter.id}`, { firstName: 'Emma' });
    expect(renamed.body.nameOrder).toBe('family_first');
    // An order that only said what the name said follows the new name.
    const an = await create(vi, { firstName: 'Văn An', lastName: 'Nguyễn' });
    const now = await t.call(vi, 'PATCH', `/v1/contacts/${an.id}`, { firstName: 'Emily', lastName: 'Carter' });
    expect(now.body.nameOrder).toBe('given_first');
    const cher = await create(vi, { firstName: 'Cher' });
    const full = await t.call(vi, 'PATCH', `/v1/contacts/${cher.id}`, { lastName: 'Nguyễn', firstName: 'Thị Lan' });
    expect(full.body.nameOrder).toBe('family_first');
  });

  it('stores a salutation', async () => {
    const c = await create(th, { firstName: 'กานดา', lastName: 'ศรีสุข', salutation: 'นางสาว' } as Name);
    expect(c).toMatchObject({ salutation: 'นางสาว', nameOrder: 'given_first' });
  });
});

/** The names of the contacts tagged `tag`, in the order of `sort`, walking pages of 2. */
async function sorted(key: string, tag: string, sort = 'name'): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `filter[tags]=${tag}&sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.call(key, 'GET', `/v1/contacts?${q}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.data.map((c: Name) => [c.lastName, c.firstName].filter(Boolean).join('/')));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

const add = async (key: string, tag: string, names: [last: string, first: string][]) => {
  // Created in reverse, so insertion order is not the answer.
  for (const [lastName, firstName] of [...names].reverse())
    await create(key, { lastName, firstName, tags: [tag] } as Name);
};

describe('sort=name', () => {
  it('orders a Vietnamese workspace by given name, then family name, with Vietnamese collation', async () => {
    const want: [string, string][] = [
      ['Đỗ', 'Văn An'],
      ['Nguyễn', 'Văn An'],
      ['Trần', 'Thị Ánh'],
      ['Lê', 'Bảo'],
      ['Nguyễn', 'Đạt'],
      ['Adams', 'Emily'],
      ['Phạm', 'Minh'],
      ['Nguyễn', 'Ưng'],
      ['Nguyen', 'Zoe'],
    ];
    await add(vi, 'vi-order', want);
    const names = want.map(([l, f]) => `${l}/${f}`);
    expect(await sorted(vi, 'vi-order')).toEqual(names);
    expect(await sorted(vi, 'vi-order', '-name')).toEqual([...names].reverse());
    // Without sort, lists take this order too.
    const list = await t.call(vi, 'GET', '/v1/contacts?filter[tags]=vi-order&limit=50');
    expect(list.body.data.map((c: Name) => `${c.lastName}/${c.firstName}`)).toEqual(names);
  });

  it('orders a Thai workspace by given name with Thai collation (a leading vowel sorts under its consonant)', async () => {
    const want: [string, string][] = [
      ['ใจดี', 'กมล'],
      ['ศรีสุข', 'เกษม'],
      ['มั่นคง', 'ขจร'],
      ['รักไทย', 'ไชยา'],
      ['ทองดี', 'สมชาย'],
      ['ใจดี', 'สมศรี'],
    ];
    await add(th, 'th-order', want);
    expect(await sorted(th, 'th-order')).toEqual(want.map(([l, f]) => `${l}/${f}`));
    const given = want.map(([, f]) => f);
    expect([...given].sort(new Intl.Collator('th').compare)).toEqual(given);
  });

  it('orders other workspaces by family name, then given name, accents after letters', async () => {
    const want: [string, string][] = [
      ['Ábel', 'Zoe'],
      ['Carter', 'Emily'],
      ['Carter', 'Émily'],
      ['Đặng', 'An'],
      ['Zimmer', 'Anna'],
    ];
    await add(en, 'en-order', want);
    expect(await sorted(en, 'en-order')).toEqual(want.map(([l, f]) => `${l}/${f}`));
  });

  it('keeps its keys when names change, and rebuilds them for contacts stored before', async () => {
    const [first] = (await t.call(vi, 'GET', '/v1/contacts?filter[tags]=vi-order&limit=1')).body.data;
    const moved = await t.call(vi, 'PATCH', `/v1/contacts/${first.id}`, { firstName: 'Văn Xuân' });
    expect(moved.status).toBe(200);
    expect((await sorted(vi, 'vi-order')).at(-2)).toBe('Đỗ/Văn Xuân');
    await t.db.query("UPDATE contacts SET sort_name = '' WHERE workspace_id = 'ws_a'");
    await t.db.transaction((tx) => rebuildSortNames(tx));
    expect((await sorted(vi, 'vi-order')).at(-2)).toBe('Đỗ/Văn Xuân');
    expect((await sorted(vi, 'vi-order'))[0]).toBe('Nguyễn/Văn An');
  });

  it('follows a change of the workspace’s language, in the transaction that changes it', async () => {
    const ws = await provisionWorkspace(t.db, {
      id: 'ws_switch',
      name: 'Moving to Vietnamese',
      settings: { defaultLocale: 'en', defaultCurrency: 'USD' },
      users: [{ name: 'Lan', email: 'admin@switch.test', role: 'admin' }],
      keys: [{ label: 'admin', role: 'admin', userEmail: 'admin@switch.test' }],
    });
    const key = ws.keys.admin!;
    await add(key, 'switch', [
      ['Đỗ', 'Văn An'],
      ['Adams', 'Emily'],
      ['Nguyễn', 'Văn Bảo'],
    ]);
    expect(await sorted(key, 'switch')).toEqual(['Adams/Emily', 'Đỗ/Văn An', 'Nguyễn/Văn Bảo']);

    // A settings change that is not valid changes nothing: neither the settings nor the order.
    await expect(updateWorkspaceSettings(t.db, 'ws_switch', { defaultLocale: 'not a locale' })).rejects.toThrow();
    expect(await sorted(key, 'switch')).toEqual(['Adams/Emily', 'Đỗ/Văn An', 'Nguyễn/Văn Bảo']);

    const settings = await updateWorkspaceSettings(t.db, 'ws_switch', { defaultLocale: 'vi-VN' });
    expect(settings).toMatchObject({ defaultLocale: 'vi-VN', defaultCurrency: 'USD' });
    expect((await t.call(key, 'GET', '/v1/schema')).body.workspace.defaultLocale).toBe('vi-VN');
    // By given name now (An, Bảo, Emily), in Vietnamese collation; other workspaces' keys are untouched.
    expect(await sorted(key, 'switch')).toEqual(['Đỗ/Văn An', 'Nguyễn/Văn Bảo', 'Adams/Emily']);
    expect(await sorted(en, 'en-order')).toEqual([
      'Ábel/Zoe',
      'Carter/Emily',
      'Carter/Émily',
      'Đặng/An',
      'Zimmer/Anna',
    ]);

    // And back: family name first again.
    await updateWorkspaceSettings(t.db, 'ws_switch', { defaultLocale: 'en-US' });
    expect(await sorted(key, 'switch')).toEqual(['Adams/Emily', 'Đỗ/Văn An', 'Nguyễn/Văn Bảo']);
    await expect(updateWorkspaceSettings(t.db, 'ws_nowhere', { defaultLocale: 'th-TH' })).rejects.toThrow(
      /no workspace ws_nowhere/,
    );
  });

  it('agrees with PostgreSQL’s ICU collations where the database has them', async (c) => {
    const icu = await t.db.query("SELECT collname FROM pg_collation WHERE collname IN ('vi-x-icu', 'th-x-icu')");
    if (icu.rows.length < 2) c.skip(); // PGlite has no ICU.
    for (const [ws, tag, collation] of [
      ['ws_th', 'th-order', 'th-x-icu'],
      ['ws_a', 'vi-order', 'vi-x-icu'],
    ] as const) {
      const given = (name: string) => name.split('/')[1]!.split(' ').at(-1);
      const { rows } = await t.db.query<{ first_name: string }>(
        `SELECT first_name FROM contacts WHERE workspace_id = $1 AND $2 = ANY(tags)
          ORDER BY split_part(first_name, ' ', -1) COLLATE "${collation}", last_name COLLATE "${collation}"`,
        [ws, tag],
      );
      const key = ws === 'ws_th' ? th : vi;
      expect((await sorted(key, tag)).map(given)).toEqual(rows.map((r) => r.first_name.split(' ').at(-1)));
    }
  });
});
