import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('creates and lists contacts', async () => {
    const created = await t.call(t.a.keys.admin, 'POST', '/v1/contacts', {
      firstName: 'Lan',
      lastName: 'Nguyễn',
      emails: ['LAN@x.vn'],
    });
    expect(created.status).toBe(201);
    expect(created.body.emails).toEqual(['lan@x.vn']);
    const list = await t.call(t.a.keys.admin, 'GET', '/v1/contacts?q=lan');
    expect(list.body.data).toHaveLength(1);
    const other = await t.call(t.b.keys.admin, 'GET', `/v1/contacts/${created.body.id}`);
    expect(other.status).toBe(404);
  });
});
