import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrmClient, paginate, ValidationError } from '../src/index.js';
import { startServer, type TestServer } from './harness.js';

let t: TestServer;
let crm: CrmClient;
beforeAll(async () => {
  t = await startServer();
  crm = t.client();
});
afterAll(() => t.close());

describe('segments and counts through the client', () => {
  it('counts lists and searches when asked', async () => {
    await crm.contacts.batch(
      ['An', 'Bình', 'Chi'].map((firstName, i) => ({
        op: 'create' as const,
        data: { firstName, tags: i < 2 ? ['cnt'] : [] },
      })),
    );
    const page = await crm.contacts.list({ filter: { tags: 'cnt' }, count: true, limit: 1 });
    expect(page.count).toEqual({ value: 2, exact: true });
    expect(page.data).toHaveLength(1);
    const search = await crm.contacts.search({ filter: { field: 'tags', op: 'in', value: ['cnt'] }, count: true });
    expect(search.count).toEqual({ value: 2, exact: true });
    expect((await crm.contacts.list({ limit: 1 })).count).toBeUndefined();
  });

  it('previews a filter, saves it, and pages through its members with their count', async () => {
    const filter = { field: 'tags', op: 'in' as const, value: ['cnt'] };
    const preview = await crm.segments.preview({ filter, sample: 1 });
    expect(preview.count).toEqual({ value: 2, exact: true });
    expect(preview.sample).toHaveLength(1);
    const segment = await crm.segments.create({ name: 'Counted', filter });
    expect(segment).toMatchObject({ name: 'Counted', resource: 'contacts', version: 1 });
    const first = await crm.segments.members(segment.id, { limit: 1, count: true, sort: 'firstName' });
    expect(first.count).toEqual({ value: 2, exact: true });
    const all = [];
    for await (const m of paginate((cursor) => crm.segments.members(segment.id, { limit: 1, cursor }))) all.push(m);
    expect(all.map((m) => (m as { firstName: string }).firstName).sort()).toEqual(['An', 'Bình']);
    const renamed = await crm.segments.update(segment.id, { name: 'Renamed' }, { ifVersion: 1 });
    expect(renamed.name).toBe('Renamed');
    expect((await crm.segments.list({ count: true })).count?.value).toBe(1);
  });

  it('turns a bad condition into a ValidationError naming its path', async () => {
    const error = await crm.segments
      .create({ name: 'Bad', filter: { field: 'firstName', op: 'inNextDays', days: 3 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toContain('filter.field');
  });
});
