import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let key: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  key = t.a.keys.admin;
  const create = async (name: string, body: Record<string, unknown>) => {
    const res = await t.call(key, 'POST', '/v1/contacts', body);
    expect(res.status).toBe(201);
    people[name] = res.body.id;
  };
  // Stored as the API takes names (given names first, family name last), displayed as people write them.
  await create('tai', { firstName: 'Văn Tài', lastName: 'Đỗ' }); // "Đỗ Văn Tài"
  await create('ngan', { firstName: 'Bảo Ngân', lastName: 'Nguyễn' }); // "Nguyễn Bảo Ngân"
  await create('an', { firstName: 'Văn An', lastName: 'Đỗ', emails: ['an.do@example.vn'] }); // "Đỗ Văn An"
  await create('somchai', { firstName: 'สมชาย', lastName: 'ใจดี' }); // "สมชาย ใจดี"
  await create('emily', { firstName: 'Emily', lastName: 'Carter' });
  await create('carter', { firstName: 'Carter', lastName: 'Jones' });
});
afterAll(() => t.close());

const find = async (q: string, resource = 'contacts') => {
  const res = await t.call(key, 'GET', `/v1/${resource}?limit=200&q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const byId = Object.fromEntries(Object.entries(people).map(([name, id]) => [id, name]));
  return res.body.data.map((c: { id: string }) => byId[c.id] ?? c.id).sort();
};

describe('q finds a contact by its name as people write it', () => {
  it('in the displayed order, family name first, with or without diacritics', async () => {
    expect(await find('Đỗ Văn Tài')).toEqual(['tai']);
    expect(await find('do van tai')).toEqual(['tai']);
    expect(await find('DO VAN TAI')).toEqual(['tai']);
    expect(await find('Đỗ Văn Tài'.normalize('NFD'))).toEqual(['tai']);
    expect(await find('nguyen bao ngan')).toEqual(['ngan']);
    expect(await find('Nguyễn Bảo Ngân')).toEqual(['ngan']);
  });

  it('by its words in any order, and by the start of a word being typed', async () => {
    expect(await find('van tai do')).toEqual(['tai']);
    expect(await find('tài đỗ')).toEqual(['tai']);
    expect(await find('ngan nguyen')).toEqual(['ngan']);
    expect(await find('do van')).toEqual(['an', 'tai']);
    expect(await find('do van t')).toEqual(['tai']);
    expect(await find('đỗ van an.do@')).toEqual(['an']);
  });

  it('keeps diacritics that are typed: they must match', async () => {
    expect(await find('đỗ văn')).toEqual(['an', 'tai']);
    expect(await find('văn tài')).toEqual(['tai']);
    expect(await find('dỗ van tai')).toEqual([]);
    // Every word must match: Tài's name and An's email are two contacts.
    expect(await find('do van tai an.do')).toEqual([]);
  });

  it('finds Thai names in either order', async () => {
    expect(await find('สมชาย ใจดี')).toEqual(['somchai']);
    expect(await find('ใจดี สมชาย')).toEqual(['somchai']);
    expect(await find('ใจดี')).toEqual(['somchai']);
  });

  it('finds English names as "First Last" and as "Last, First"', async () => {
    expect(await find('Emily Carter')).toEqual(['emily']);
    expect(await find('Carter, Emily')).toEqual(['emily']);
    expect(await find('carter,emily')).toEqual(['emily']);
    expect(await find('Carter')).toEqual(['carter', 'emily']);
    expect(await find('Jones, Carter')).toEqual(['carter']);
  });

  it('matches every word the same way in searches and in other resources', async () => {
    const search = await t.call(key, 'POST', '/v1/contacts/search', { q: 'do van tai' });
    expect(search.body.data.map((c: { id: string }) => c.id)).toEqual([people.tai]);
    const company = await t.call(key, 'POST', '/v1/companies', { name: 'Công ty Phần mềm Sài Gòn' });
    expect(company.status).toBe(201);
    const companies = await t.call(key, 'GET', `/v1/companies?q=${encodeURIComponent('sai gon phan mem')}`);
    expect(companies.body.data.map((c: { id: string }) => c.id)).toEqual([company.body.id]);
  });
});
