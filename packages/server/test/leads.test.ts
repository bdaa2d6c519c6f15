import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let pipeline: any;

beforeAll(async () => {
  t = await startTestServer({
    settings: {
      defaultLocale: 'vi-VN',
      leadSources: [
        { key: 'website', label: { en: 'Website', vi: 'Trang web' } },
        { key: 'zalo', label: { en: 'Zalo' } },
      ],
    },
  });
  admin = t.a.keys.admin;
  pipeline = (
    await t.call(admin, 'POST', '/v1/pipelines', {
      name: 'Sales',
      currency: 'VND',
      stages: [
        { name: 'New', probability: 10, kind: 'open' },
        { name: 'Won', probability: 100, kind: 'won' },
      ],
    })
  ).body;
});
afterAll(() => t.close());

const counts = async () => {
  const out: Record<string, number> = {};
  for (const r of ['contacts', 'companies', 'deals', 'leads'])
    out[r] = (await t.call(admin, 'GET', `/v1/${r}?limit=200`)).body.data.length;
  return out;
};

describe('leads', () => {
  it('validates the source against the workspace list', async () => {
    const bad = await t.call(admin, 'POST', '/v1/leads', { name: 'X', source: 'tiktok' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'source' });
    const ok = await t.call(admin, 'POST', '/v1/leads', { name: 'X', source: 'zalo' });
    expect(ok.body).toMatchObject({ status: 'new', source: 'zalo' });
  });

  it('rejects setting converted directly', async () => {
    const lead = (await t.call(admin, 'POST', '/v1/leads', { name: 'Y' })).body;
    const res = await t.call(admin, 'PATCH', `/v1/leads/${lead.id}`, { status: 'converted' });
    expect(res.status).toBe(400);
  });

  it('converts into contact, company and deal in one step', async () => {
    const lead = (
      await t.call(admin, 'POST', '/v1/leads', {
        name: 'Nguyễn Thị Mai',
        companyName: 'Hoa Sen Co.',
        email: 'MAI@hoasen.vn',
        phone: '+84901234567',
        source: 'website',
        tags: ['expo'],
      })
    ).body;
    const res = await t.call(t.a.keys.agent, 'POST', `/v1/leads/${lead.id}/convert`, { deal: { amount: 50_000_000 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { contact, company, deal, lead: converted } = res.body;
    expect(contact).toMatchObject({
      lastName: 'Nguyễn',
      firstName: 'Thị Mai',
      emails: ['mai@hoasen.vn'],
      phones: ['+84901234567'],
      source: 'website',
      companyId: company.id,
      tags: ['expo'],
    });
    expect(company).toMatchObject({ name: 'Hoa Sen Co.' });
    expect(deal).toMatchObject({
      name: 'Hoa Sen Co.',
      amount: 50_000_000,
      currency: 'VND',
      pipelineId: pipeline.id,
      contactIds: [contact.id],
      companyId: company.id,
    });
    expect(converted).toMatchObject({
      status: 'converted',
      convertedContactId: contact.id,
      convertedCompanyId: company.id,
      convertedDealId: deal.id,
    });
    const again = await t.call(admin, 'POST', `/v1/leads/${lead.id}/convert`, {});
    expect(again.status).toBe(409);
    const edit = await t.call(admin, 'PATCH', `/v1/leads/${lead.id}`, { name: 'Z' });
    expect(edit.status).toBe(409);
  });

  it('writes nothing when any part of a conversion fails', async () => {
    const lead = (await t.call(admin, 'POST', '/v1/leads', { name: 'Somchai Jaidee', companyName: 'Siam Steel' })).body;
    const before = await counts();
    const res = await t.call(admin, 'POST', `/v1/leads/${lead.id}/convert`, { deal: { stageId: 'stg_missing' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('deal.stageId');
    expect(await counts()).toEqual(before);
    expect((await t.call(admin, 'GET', `/v1/leads/${lead.id}`)).body.status).toBe('new');
  });

  it('attaches to an existing company and skips the deal when not asked', async () => {
    const company = (await t.call(admin, 'POST', '/v1/companies', { name: 'Existing' })).body;
    const lead = (await t.call(admin, 'POST', '/v1/leads', { name: 'An', companyName: 'Ignored' })).body;
    const res = await t.call(admin, 'POST', `/v1/leads/${lead.id}/convert`, { companyId: company.id });
    expect(res.body.company.id).toBe(company.id);
    expect(res.body.deal).toBeNull();
    const other = await t.call(t.b.keys.admin, 'POST', `/v1/leads/${lead.id}/convert`, {});
    expect(other.status).toBe(404);
  });

  it('forbids viewers', async () => {
    const lead = (await t.call(admin, 'POST', '/v1/leads', { name: 'V' })).body;
    expect((await t.call(t.a.keys.viewer, 'POST', `/v1/leads/${lead.id}/convert`, {})).status).toBe(403);
  });

  it('splits names by what they are, not by the workspace language, keeping Thai salutations as the salutation', async () => {
    const split = async (name: string, headers?: Record<string, string>) => {
      const lead = (await t.call(admin, 'POST', '/v1/leads', { name })).body;
      const { contact } = (await t.call(admin, 'POST', `/v1/leads/${lead.id}/convert`, {}, headers)).body;
      const { firstName, lastName, nameOrder, salutation } = contact;
      return { firstName, lastName, nameOrder, salutation };
    };
    // The workspace is Vietnamese.
    expect(await split('Nguyễn Văn An')).toEqual({
      lastName: 'Nguyễn',
      firstName: 'Văn An',
      nameOrder: 'family_first',
      salutation: null,
    });
    expect(await split('Emily Carter')).toEqual({
      firstName: 'Emily',
      lastName: 'Carter',
      nameOrder: 'given_first',
      salutation: null,
    });
    expect(await split('Jason Chu')).toMatchObject({ firstName: 'Jason', lastName: 'Chu', nameOrder: 'given_first' });
    expect(await split('คุณสมชาย ใจดี')).toEqual({
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      nameOrder: 'given_first',
      salutation: 'คุณ',
    });
    expect(await split('นางสาว กานดา ศรีสุข')).toMatchObject({
      firstName: 'กานดา',
      lastName: 'ศรีสุข',
      salutation: 'นางสาว',
    });
    expect(await split('Cher')).toEqual({ firstName: 'Cher', lastName: '', nameOrder: null, salutation: null });
    // A short name without diacritics is read in the language it was typed in, not the workspace's.
    expect(await split('Le Minh', { 'content-language': 'vi' })).toMatchObject({
      firstName: 'Minh',
      lastName: 'Le',
      nameOrder: 'family_first',
    });
    expect(await split('Le Minh', { 'content-language': 'en' })).toMatchObject({
      firstName: 'Le',
      lastName: 'Minh',
      nameOrder: 'given_first',
    });
  });
});
