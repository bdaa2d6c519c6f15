import { CONTRACT_LIMITS } from '@crmkit/core';
import { EntityName, Problem, standardFields, Team, User } from '@crmkit/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './expect-problem.js';
import { startTestServer, type TestServer } from './harness.js';

/**
 * Promises of `openapi.json` the reference server keeps: the bounds it declares (`maxLength`, `maxItems`) hold for
 * what the server answers, input over a bound is a clear 400 problem, and `GET /v1/schema` declares the standard
 * fields.
 */
let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = t.a.keys.admin;
});
afterAll(() => t?.close());

describe('answers stay within the declared bounds', () => {
  it('a body with more bad values than a problem lists names the first ones and says how many', async () => {
    // Every value within its list's size, each wrong: 50 contact ids, 50 tags, a name and a currency.
    const res = await t.call(admin, 'POST', '/v1/deals', {
      name: '',
      currency: 'dollars',
      contactIds: Array.from({ length: 50 }, (_, i) => `not an id ${i}`),
      tags: Array.from({ length: 50 }, () => ''),
    });
    expectProblem(res, 400);
    expect(Problem.safeParse(res.body).success).toBe(true);
    expect(res.body.errors).toHaveLength(CONTRACT_LIMITS.problemErrors);
    expect(res.body.detail).toMatch(/\d+ values are wrong; the first 100 are listed/);
  });

  it('a problem that names a very long unknown field is cut to the bounds', async () => {
    const field = 'x'.repeat(20_000);
    const res = await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Long', [field]: 1 });
    expectProblem(res, 400);
    expect(Problem.safeParse(res.body).success, JSON.stringify(res.body).slice(0, 300)).toBe(true);
    expect(res.body.errors[0].path.length).toBeLessThanOrEqual(CONTRACT_LIMITS.problemPath);
    const long = await t.call(admin, 'GET', `/v1/${'y'.repeat(5000)}`);
    expectProblem(long, 404);
    expect(Problem.safeParse(long.body).success).toBe(true);
  });

  it('a team lists at most the first members by name; filter[teamIds] lists them all', async () => {
    const team = (await t.call(admin, 'POST', '/v1/teams', { name: 'Call centre' })).body;
    await t.db.query(
      `INSERT INTO users (id, workspace_id, created_at, updated_at, name, email, role, team_ids)
       SELECT 'usr_cc' || lpad(i::text, 5, '0'), 'ws_a', now(), now(), 'Agent ' || lpad(i::text, 5, '0'),
              'cc' || i || '@a.test', 'agent', ARRAY[$1]
         FROM generate_series(1, $2::int) AS i`,
      [team.id, CONTRACT_LIMITS.teamMembers + 5],
    );
    const got = await t.call(admin, 'GET', `/v1/teams/${team.id}`);
    expect(got.status).toBe(200);
    expect(Team.safeParse(got.body).success).toBe(true);
    expect(got.body.memberIds).toHaveLength(CONTRACT_LIMITS.teamMembers);
    expect(got.body.memberIds[0]).toBe('usr_cc00001');
    const all = await t.call(admin, 'GET', `/v1/users?filter[teamIds]=${team.id}&limit=200`);
    expect(all.body.data).toHaveLength(200);
    expect(all.body.nextCursor).not.toBeNull();
  });

  it('an aggregate with more groups than the bound is a 400 problem that says how to narrow it', async () => {
    const pipeline = (
      await t.call(admin, 'POST', '/v1/pipelines', {
        name: 'Many companies',
        stages: [{ name: 'Open', probability: 50, kind: 'open' }],
      })
    ).body;
    await t.db.query(
      `INSERT INTO deals (id, workspace_id, created_at, updated_at, name, currency, pipeline_id, stage_id, probability, rank, company_id, amount)
       SELECT 'dea_ag' || lpad(i::text, 5, '0'), 'ws_a', now(), now(), 'Deal ' || i, 'USD', $1, $2, 50,
              'V' || lpad(i::text, 5, '0'), 'cmp_ag' || i, 100
         FROM generate_series(1, $3::int) AS i`,
      [pipeline.id, pipeline.stages[0].id, CONTRACT_LIMITS.aggregateGroups + 1],
    );
    const res = await t.call(admin, 'GET', '/v1/deals/aggregate?groupBy=companyId');
    expectProblem(res, 400);
    expect(res.body.detail).toContain('narrow the deals with filter[...] or q');
    const narrowed = await t.call(admin, 'GET', `/v1/deals/aggregate?groupBy=companyId&filter[companyId]=cmp_ag1`);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.groups).toEqual([{ key: 'cmp_ag1', currency: 'USD', count: 1, sum: 100, weightedSum: 50 }]);
  });

  it(`a workspace holds at most ${CONTRACT_LIMITS.pipelines} pipelines`, async () => {
    await t.db.query(
      `INSERT INTO pipelines (id, workspace_id, created_at, updated_at, name, currency, stages)
       SELECT 'pip_cap' || i, 'ws_a', now(), now(), 'Pipeline ' || i, 'USD', '[]'
         FROM generate_series(1, $1::int - (SELECT count(*)::int FROM pipelines WHERE workspace_id = 'ws_a')) AS i`,
      [CONTRACT_LIMITS.pipelines],
    );
    const res = await t.call(admin, 'POST', '/v1/pipelines', {
      name: 'One too many',
      stages: [{ name: 'Open', probability: 50, kind: 'open' }],
    });
    expectProblem(res, 409);
    expect(res.body.detail).toContain(`at most ${CONTRACT_LIMITS.pipelines} pipelines`);
  });
});

describe('input over a new bound is a 400 problem naming it', () => {
  it('a locale longer than a BCP 47 tag', async () => {
    const locale = `vi-${'Abcdefgh-'.repeat(4)}X1`;
    const res = await t.call(admin, 'POST', '/v1/users', { name: 'Long locale', email: 'll@a.test', locale });
    expectProblem(res, 400, 'locale');
    const ok = await t.call(admin, 'POST', '/v1/users', { name: 'Thai', email: 'th@a.test', locale: 'th-TH' });
    expect(User.safeParse(ok.body).success).toBe(true);
  });

  it('updatedSince longer than a date-time, and an event id longer than 20 digits', async () => {
    expectProblem(await t.call(admin, 'GET', `/v1/contacts?updatedSince=2026-01-01T00:00:00${'.0'.repeat(40)}Z`), 400);
    expectProblem(await t.call(admin, 'GET', `/v1/events?since=${'9'.repeat(21)}`), 400);
  });

  it('long notes, bodies and many tags within the bounds are kept whole', async () => {
    const contact = (await t.call(admin, 'POST', '/v1/contacts', { firstName: 'Kept' })).body;
    const body = 'Ghi chú dài. '.repeat(1500).slice(0, 20_000);
    const tags = Array.from({ length: 50 }, (_, i) => `nhãn ${i}`);
    const res = await t.call(admin, 'POST', '/v1/activities', { type: 'note', contactId: contact.id, body, tags });
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(body);
    expect(res.body.tags).toEqual(tags);
  });
});

describe('GET /v1/schema', () => {
  it('declares every standard field with the contract type and flags, labelled in en, vi and th', async () => {
    const { body } = await t.call(admin, 'GET', '/v1/schema');
    for (const entity of EntityName.options) {
      const declared = body.fields[entity].filter((f: { custom: boolean }) => !f.custom);
      const standard = standardFields(entity);
      expect(declared.map((f: { key: string }) => f.key)).toEqual(standard.map((f) => f.key));
      for (const [i, f] of standard.entries()) {
        const d = declared[i];
        expect({ type: d.type, sortable: d.sortable, filterable: d.filterable, required: d.required }).toEqual({
          type: f.type,
          sortable: f.sortable,
          filterable: f.filterable,
          required: f.required,
        });
        expect(d.label.en, `${entity}.${f.key}`).not.toBe(f.key);
        expect(Object.keys(d.label), `${entity}.${f.key}`).toEqual(['en', 'vi', 'th']);
      }
    }
  });
});
