import { isRotting } from '@crmkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

/** What a pipeline board reads: stages' idle thresholds, lost reasons, deal activity times, grouped aggregates. */
let t: TestServer;
let admin: string;
let pipeline: any;
const stage = (i: number) => pipeline.stages[i].id as string;

beforeAll(async () => {
  t = await startTestServer({
    now: '2026-03-10T03:00:00.000Z',
    settings: {
      timeZone: 'Asia/Ho_Chi_Minh',
      lostReasons: {
        reasons: [{ key: 'price', label: { en: 'Too expensive' } }],
        allowOther: false,
      },
    },
  });
  admin = t.a.keys.admin;
  const res = await t.call(admin, 'POST', '/v1/pipelines', {
    name: 'Board',
    currency: 'VND',
    stages: [
      { name: 'Lead', probability: 10, kind: 'open', rottingDays: 3 },
      { name: 'Proposal', probability: 50, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  pipeline = res.body;
});
afterAll(() => t.close());

const deal = async (body: Record<string, unknown>) => {
  const res = await t.call(admin, 'POST', '/v1/deals', { pipelineId: pipeline.id, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};
const get = async (id: string) => (await t.call(admin, 'GET', `/v1/deals/${id}`)).body;
const advance = (days: number) => t.clock.advance({ hours: days * 24 });

describe('stages', () => {
  it('keep their idle threshold, also when a client sends them back without it', async () => {
    expect(pipeline.stages.map((s: any) => s.rottingDays)).toEqual([3, null, null, null]);
    const stages = pipeline.stages.map(({ id, name, probability, kind }: any) => ({ id, name, probability, kind }));
    const res = await t.call(admin, 'PATCH', `/v1/pipelines/${pipeline.id}`, { stages });
    expect(res.body.stages.map((s: any) => s.rottingDays)).toEqual([3, null, null, null]);
    const bad = await t.call(admin, 'PATCH', `/v1/pipelines/${pipeline.id}`, {
      stages: [{ ...stages[0], rottingDays: 0 }, ...stages.slice(1)],
    });
    expect(bad.status).toBe(400);
  });
});

describe('lost reasons', () => {
  it('are in the schema, and required — from the workspace’s list here — to enter a lost stage', async () => {
    const schema = (await t.call(admin, 'GET', '/v1/schema')).body;
    expect(schema.lostReasons).toEqual({
      reasons: [{ key: 'price', label: { en: 'Too expensive' } }],
      allowOther: false,
    });
    const d = await deal({ name: 'Lost cause', stageId: stage(0) });
    for (const body of [{ stageId: stage(3) }, { stageId: stage(3), lostReason: '  ' }]) {
      const res = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({
        path: 'lostReason',
        message: 'A lost reason is required to move a deal to Lost.',
      });
    }
    const other = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, {
      stageId: stage(3),
      lostReason: 'Moved away',
    });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].message).toContain('price');
    // Nothing was written by the refusals.
    expect((await get(d.id)).version).toBe(d.version);
    // PATCH and create follow the same rule.
    expect((await t.call(admin, 'PATCH', `/v1/deals/${d.id}`, { stageId: stage(3) })).status).toBe(400);
    expect(
      (await t.call(admin, 'POST', '/v1/deals', { name: 'x', pipelineId: pipeline.id, stageId: stage(3) })).status,
    ).toBe(400);
    const moved = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(3), lostReason: 'price' });
    expect(moved.body).toMatchObject({ status: 'lost', lostReason: 'price' });
    // Reordering within the lost stage needs no new reason; reopening drops it.
    expect((await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(3) })).status).toBe(200);
    const reopened = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) });
    expect(reopened.body).toMatchObject({ status: 'open', lostReason: null });
  });
});

describe('deal activity times', () => {
  it('record when a deal entered its stage', async () => {
    const d = await deal({ name: 'Entered', stageId: stage(0) });
    expect(d.stageEnteredAt).toBe(t.clock.now().toISOString());
    advance(1);
    const renamed = await t.call(admin, 'PATCH', `/v1/deals/${d.id}`, { name: 'Entered (renamed)' });
    expect(renamed.body.stageEnteredAt).toBe(d.stageEnteredAt);
    const moved = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) });
    expect(moved.body.stageEnteredAt).toBe(t.clock.now().toISOString());
  });

  it('follow the activities: the last one done, the next one due, as they are logged, completed, moved and deleted', async () => {
    const d = await deal({ name: 'Busy', stageId: stage(1) });
    expect(d).toMatchObject({ lastActivityAt: null, nextActivityAt: null });
    const call = await t.call(admin, 'POST', '/v1/activities', {
      type: 'call',
      dealId: d.id,
      occurredAt: '2026-03-09T02:00:00.000Z',
    });
    expect((await get(d.id)).lastActivityAt).toBe('2026-03-09T02:00:00.000Z');
    const later = await t.call(admin, 'POST', '/v1/activities', {
      type: 'task',
      dealId: d.id,
      dueAt: '2026-03-20T02:00:00.000Z',
    });
    const sooner = await t.call(admin, 'POST', '/v1/activities', {
      type: 'task',
      dealId: d.id,
      dueAt: '2026-03-12T02:00:00.000Z',
    });
    expect(await get(d.id)).toMatchObject({
      lastActivityAt: '2026-03-09T02:00:00.000Z',
      nextActivityAt: '2026-03-12T02:00:00.000Z',
    });
    const done = t.clock.now().toISOString();
    await t.call(admin, 'PATCH', `/v1/activities/${sooner.body.id}`, { completedAt: done });
    expect(await get(d.id)).toMatchObject({ lastActivityAt: done, nextActivityAt: '2026-03-20T02:00:00.000Z' });
    // The open task moves to another deal: both deals follow.
    const other = await deal({ name: 'Other', stageId: stage(1) });
    await t.call(admin, 'PATCH', `/v1/activities/${later.body.id}`, { dealId: other.id });
    expect((await get(d.id)).nextActivityAt).toBeNull();
    expect((await get(other.id)).nextActivityAt).toBe('2026-03-20T02:00:00.000Z');
    // Deleting the completed task leaves the call as the last activity.
    await t.call(admin, 'DELETE', `/v1/activities/${sooner.body.id}`);
    expect((await get(d.id)).lastActivityAt).toBe('2026-03-09T02:00:00.000Z');
    expect(call.status).toBe(201);
  });
});

describe('rotting', () => {
  it('lists the open deals idle past their stage’s threshold, by the rule of @crmkit/core', async () => {
    const idle = await deal({ name: 'Idle', stageId: stage(0) });
    const touched = await deal({ name: 'Touched', stageId: stage(0) });
    const free = await deal({ name: 'No threshold', stageId: stage(1) });
    const rotting = async () =>
      (await t.call(admin, 'GET', `/v1/deals?rotting=true&filter[pipelineId]=${pipeline.id}&limit=200`)).body.data.map(
        (d: any) => d.name,
      );
    advance(3.5);
    expect(await rotting()).not.toContain('Idle'); // 3 whole days: not more than 3
    advance(0.6);
    await t.call(admin, 'POST', '/v1/activities', { type: 'note', dealId: touched.id, body: 'Still interested' });
    const names = await rotting();
    expect(names).toContain('Idle');
    expect(names).not.toContain('Touched');
    expect(names).not.toContain('No threshold');
    const now = t.clock.now().getTime();
    const stages = new Map(pipeline.stages.map((s: any) => [s.id, s]));
    for (const d of [idle, touched, free]) {
      const stored = await get(d.id);
      expect(names.includes(stored.name)).toBe(isRotting(stored, stages.get(stored.stageId) as any, now));
    }
    const notRotting = await t.call(
      admin,
      'GET',
      `/v1/deals?rotting=false&filter[pipelineId]=${pipeline.id}&limit=200`,
    );
    expect(notRotting.body.data.map((d: any) => d.name)).toContain('Touched');
    const agg = await t.call(
      admin,
      'GET',
      `/v1/deals/aggregate?groupBy=stageId&rotting=true&filter[pipelineId]=${pipeline.id}`,
    );
    expect(agg.body.groups).toEqual([{ key: stage(0), currency: 'VND', count: names.length, sum: 0, weightedSum: 0 }]);
    expect((await t.call(admin, 'GET', '/v1/deals?rotting=maybe')).status).toBe(400);
  });
});

describe('aggregates for a board', () => {
  it('group by expected-close month, and by stage then next-activity state in a time zone, exactly', async () => {
    const p = (
      await t.call(admin, 'POST', '/v1/pipelines', {
        name: 'Counted',
        currency: 'VND',
        stages: [
          { name: 'A', probability: 50, kind: 'open' },
          { name: 'B', probability: 100, kind: 'won' },
        ],
      })
    ).body;
    const [a, b] = p.stages.map((s: any) => s.id);
    const mk = async (
      name: string,
      stageId: string,
      amount: number,
      expectedCloseDate: string | null,
      dueAt?: string,
    ) => {
      const d = await deal({ name, pipelineId: p.id, stageId, amount, expectedCloseDate });
      if (dueAt) await t.call(admin, 'POST', '/v1/activities', { type: 'task', dealId: d.id, dueAt });
      return d;
    };
    // 10:00 on 14 March in Ho Chi Minh City (UTC+7).
    t.clock.set('2026-03-14T03:00:00.000Z');
    await mk('overdue', a, 100, '2026-03-31', '2026-03-14T01:00:00.000Z');
    await mk('today', a, 200, '2026-04-02', '2026-03-14T16:00:00.000Z'); // 23:00 local
    await mk('future', a, 400, null, '2026-03-14T17:30:00.000Z'); // 00:30 tomorrow local
    await mk('none', b, 800, '2026-04-30');
    const url = (q: string) => `/v1/deals/aggregate?${q}&filter[pipelineId]=${p.id}`;
    const months = (await t.call(admin, 'GET', url('groupBy=expectedCloseMonth'))).body;
    expect(months.groups).toEqual([
      { key: '2026-03', currency: 'VND', count: 1, sum: 100, weightedSum: 50 },
      { key: '2026-04', currency: 'VND', count: 2, sum: 1000, weightedSum: 900 },
      { key: null, currency: 'VND', count: 1, sum: 400, weightedSum: 200 },
    ]);
    const states = (await t.call(admin, 'GET', url('groupBy=stageId&thenBy=nextActivity'))).body;
    expect(states.thenBy).toBe('nextActivity');
    const counts = Object.fromEntries(
      states.groups.map((g: any) => [`${g.key === a ? 'A' : 'B'} ${g.subKey}`, [g.count, g.sum]]),
    );
    expect(counts).toEqual({ 'A overdue': [1, 100], 'A today': [1, 200], 'A future': [1, 400], 'B none': [1, 800] });
    // In UTC, 16:00 and 17:30 are both today.
    const utc = (await t.call(admin, 'GET', url('groupBy=nextActivity&timeZone=UTC'))).body;
    expect(Object.fromEntries(utc.groups.map((g: any) => [g.key, g.count]))).toEqual({ none: 1, overdue: 1, today: 2 });
    const bad = await t.call(admin, 'GET', url('groupBy=stageId&timeZone=Mars/Olympus'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('timeZone');
  });
});
