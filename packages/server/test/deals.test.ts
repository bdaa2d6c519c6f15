import { dealInStage, weightedAmount } from '@crmkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankBetween } from '../src/deals/rank.js';
import { startTestServer, type TestServer } from './harness.js';

let t: TestServer;
let admin: string;
let pipeline: any;
const stage = (i: number) => pipeline.stages[i].id as string;

beforeAll(async () => {
  t = await startTestServer();
  admin = t.a.keys.admin;
  const res = await t.call(admin, 'POST', '/v1/pipelines', {
    name: 'Sales',
    currency: 'VND',
    stages: [
      { name: 'Lead in', probability: 10, kind: 'open' },
      { name: 'Proposal', probability: 50, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  expect(res.status).toBe(201);
  pipeline = res.body;
});
afterAll(() => t.close());

const deal = async (body: Record<string, unknown>, key = admin) => {
  const res = await t.call(key, 'POST', '/v1/deals', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
};

describe('rank', () => {
  it('always finds a key strictly between, at the ends and between adjacent keys', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const keys = [rankBetween(null, null)];
    for (let i = 0; i < 2000; i++) {
      const j = Math.floor(random() * (keys.length + 1));
      keys.splice(j, 0, rankBetween(keys[j - 1] ?? null, keys[j] ?? null));
    }
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(rankBetween('V', 'W') > 'V' && rankBetween('V', 'W') < 'W').toBe(true);
    expect(() => rankBetween('W', 'V')).toThrow();
  });
});

describe('deals', () => {
  it('defaults to the default pipeline, its first stage and currency, and the stage probability', async () => {
    const d = await deal({ name: 'Website', amount: 15_000_000 });
    expect(d).toMatchObject({
      pipelineId: pipeline.id,
      stageId: stage(0),
      currency: 'VND',
      probability: 10,
      probabilityOverridden: false,
      status: 'open',
      weightedAmount: 1_500_000,
    });
  });

  it('overrides and resets the probability', async () => {
    const d = await deal({ name: 'App', amount: 1000, probability: 33 });
    expect(d).toMatchObject({ probability: 33, probabilityOverridden: true, weightedAmount: 330 });
    const reset = await t.call(admin, 'PATCH', `/v1/deals/${d.id}`, { probability: null });
    expect(reset.body).toMatchObject({ probability: 10, probabilityOverridden: false });
  });

  it('rejects a stage of another pipeline and unknown references', async () => {
    const bad = await t.call(admin, 'POST', '/v1/deals', { name: 'x', stageId: 'stg_nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('stageId');
    const other = await t.call(admin, 'POST', '/v1/deals', {
      name: 'x',
      companyId: 'com_nope',
      contactIds: ['con_nope'],
    });
    expect(other.body.errors.map((e: any) => e.path)).toEqual(['companyId', 'contactIds']);
  });

  it('moves between neighbours without rewriting other deals, and logs the stage change', async () => {
    const [a, b, c] = [
      await deal({ name: 'A', stageId: stage(1) }),
      await deal({ name: 'B', stageId: stage(1) }),
      await deal({ name: 'C', stageId: stage(1) }),
    ];
    const mover = await deal({ name: 'M', amount: 200 });
    const moved = await t.call(admin, 'POST', `/v1/deals/${mover.id}/move`, {
      stageId: stage(1),
      afterId: a.id,
      beforeId: b.id,
    });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).toBe(`"${moved.body.version}"`);
    expect(moved.body).toMatchObject({ stageId: stage(1), probability: 50, weightedAmount: 100 });
    const list = await t.call(admin, 'GET', `/v1/deals?filter[stageId]=${stage(1)}&sort=rank`);
    expect(list.body.data.map((d: any) => d.name)).toEqual(['A', 'M', 'B', 'C']);
    for (const d of [a, b, c]) expect(list.body.data.find((x: any) => x.id === d.id).version).toBe(1);
    const toStart = await t.call(admin, 'POST', `/v1/deals/${mover.id}/move`, { stageId: stage(1), beforeId: a.id });
    expect(toStart.status).toBe(200);
    const again = await t.call(admin, 'GET', `/v1/deals?filter[stageId]=${stage(1)}&sort=rank`);
    expect(again.body.data.map((d: any) => d.name)).toEqual(['M', 'A', 'B', 'C']);
    const timeline = await t.call(admin, 'GET', `/v1/activities?filter[dealId]=${mover.id}`);
    expect(timeline.body.data[0]).toMatchObject({ type: 'system', subject: 'Stage: Lead in → Proposal' });
  });

  it('answers a stale If-Match with 412 and the current deal', async () => {
    const d = await deal({ name: 'Stale' });
    await t.call(admin, 'PATCH', `/v1/deals/${d.id}`, { name: 'Stale 2' });
    const res = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) }, { 'if-match': '"1"' });
    expect(res.status).toBe(412);
    expect(res.body.current).toMatchObject({ id: d.id, version: 2, name: 'Stale 2' });
  });

  it('sets won/lost status and closedAt, and clears them when reopened', async () => {
    const d = await deal({ name: 'Close me' });
    const won = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(2) });
    expect(won.body).toMatchObject({ status: 'won', probability: 100, closedAt: '2026-11-23T02:00:00.000Z' });
    const lost = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(3), lostReason: 'price' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'price' });
    const open = await t.call(admin, 'PATCH', `/v1/deals/${d.id}`, { stageId: stage(0) });
    expect(open.body).toMatchObject({ status: 'open', closedAt: null });
  });

  it('rejects neighbours outside the target stage', async () => {
    const d = await deal({ name: 'N' });
    const other = await deal({ name: 'O', stageId: stage(2) });
    const res = await t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1), afterId: other.id });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('afterId');
  });

  it('moves in one read of the deal and of the pipelines, one rank query and one write', async () => {
    const first = await deal({ name: 'First', stageId: stage(1) });
    const second = await deal({ name: 'Second', stageId: stage(1) });
    const moving = await deal({ name: 'Moving', amount: 1000 });
    const move = (body: Record<string, unknown>, version: number) =>
      t.call(admin, 'POST', `/v1/deals/${moving.id}/move`, body, { 'if-match': `"${version}"` });
    const reads = (sql: string[], table: string) => sql.filter((s) => new RegExp(`^SELECT .* FROM ${table} `).test(s));

    let res: any;
    const across = await t.statementsOf(async () => {
      res = await move({ stageId: stage(1), afterId: first.id }, moving.version);
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stageId: stage(1), probability: 50, version: moving.version + 1 });
    // The API key, the deal (locked: its version checked once), both pipelines, the stage's rank lock, the rank
    // between the neighbours, the one UPDATE, the "Stage: A → B" activity, and one read each by the write observers:
    // the enabled event rules (automation) and the enabled webhook subscriptions; then both events in one statement
    // (and the feed positions they get after the commit, left out here: on PostgreSQL a transaction of their own).
    const own = (sql: string[]) => sql.filter((s) => !/\bevents\b|pg_notify/.test(s));
    expect(own(across)).toHaveLength(9);
    expect(across.filter((s) => /FROM (automation_rules|webhook_subscriptions) /.test(s))).toHaveLength(2);
    expect(across.filter((s) => s.startsWith('INSERT INTO events'))).toHaveLength(1);
    expect(across.filter((s) => /FROM deals WHERE workspace_id = \$1 AND id = \$2/.test(s))).toHaveLength(1);
    expect(reads(across, 'pipelines')).toHaveLength(1);
    expect(across.filter((s) => s.startsWith('UPDATE deals'))).toHaveLength(1);

    const within = await t.statementsOf(async () => {
      res = await move({ stageId: stage(1), beforeId: second.id }, res.body.version);
    });
    expect(res.status).toBe(200);
    expect(own(within)).toHaveLength(8); // no stage change: no activity (and the observers' two reads)
    expect(within.filter((s) => s.startsWith('INSERT INTO events'))).toHaveLength(1);
    for (const d of [first, second, moving]) await t.call(admin, 'DELETE', `/v1/deals/${d.id}`);
  });

  it('keeps ranks a total order when deals are created and moved to the same place at the same time', async () => {
    const ranks = async (stageId: string) =>
      (
        await t.db.query<{ rank: string }>("SELECT rank FROM deals WHERE workspace_id = 'ws_a' AND stage_id = $1", [
          stageId,
        ])
      ).rows.map((r) => r.rank);
    // Concurrent creates all go to the end of the same stage.
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) => deal({ name: `Race ${i}`, stageId: stage(1) })),
    );
    const anchor = created[0]!;
    // Concurrent moves all go right after the same neighbour.
    const moved = await Promise.all(
      created
        .slice(1)
        .map((d) => t.call(admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1), afterId: anchor.id })),
    );
    expect(moved.map((r) => r.status)).toEqual(created.slice(1).map(() => 200));
    const inStage = await ranks(stage(1));
    expect(new Set(inStage).size).toBe(inStage.length);
    for (const d of created) await t.call(admin, 'DELETE', `/v1/deals/${d.id}`);
  });

  it('aggregates count, sum and weighted sum exactly like the listed deals', async () => {
    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.call(admin, 'GET', `/v1/deals?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    const agg = await t.call(admin, 'GET', '/v1/deals/aggregate?groupBy=stageId');
    expect(agg.status).toBe(200);
    for (const g of agg.body.groups) {
      const inGroup = all.filter((d) => d.stageId === g.key && d.currency === g.currency);
      expect(g.count).toBe(inGroup.length);
      expect(g.sum).toBe(inGroup.reduce((s, d) => s + (d.amount ?? 0), 0));
      expect(g.weightedSum).toBe(inGroup.reduce((s, d) => s + (d.weightedAmount ?? 0), 0));
    }
    const filtered = await t.call(
      admin,
      'GET',
      `/v1/deals/aggregate?groupBy=status&filter[probability][gte]=50&filter[stageId]=${stage(1)}`,
    );
    const expected = all.filter((d) => d.probability >= 50 && d.stageId === stage(1));
    expect(filtered.body.groups.reduce((s: number, g: any) => s + g.count, 0)).toBe(expected.length);
    const bad = await t.call(admin, 'GET', '/v1/deals/aggregate?groupBy=name');
    expect(bad.status).toBe(400);
  });

  it('weights amounts by the same rule in SQL (aggregates) as in records (weightedAmount of @crmkit/core)', async () => {
    const max = Number.MAX_SAFE_INTEGER;
    const pairs = [
      [1005, 50],
      [1, 50],
      [3, 49],
      [15_000_000, 10],
      [999_999_999_999, 33],
      [max, 33],
      [max, 50],
      [max - 1, 67],
      [max, 100],
      // Where a float product would round the wrong way (9006726261728397 × 52 / 100 = …766.44).
      [9_006_726_261_728_397, 52],
      [9_006_718_442_463_250, 87],
    ] as const;
    const { rows } = await t.db.query<{ w: number }>(
      'SELECT round(a * p / 100.0)::bigint AS w FROM unnest($1::bigint[], $2::int[]) AS x(a, p)',
      [pairs.map(([a]) => String(a)), pairs.map(([, p]) => p)],
    );
    expect(rows.map((r) => r.w)).toEqual(pairs.map(([a, p]) => weightedAmount(a, p)));
    // The same through the API: one deal alone in its group, aggregated by SQL, listed through the record mapping.
    const big = await deal({
      name: 'Big',
      amount: 9_006_726_261_728_397,
      currency: 'USD',
      stageId: stage(1),
      probability: 52,
    });
    expect(big.weightedAmount).toBe(4_683_497_656_098_766);
    const agg = await t.call(admin, 'GET', '/v1/deals/aggregate?groupBy=stageId&filter[currency]=USD');
    expect(agg.body.groups).toEqual([
      { key: stage(1), currency: 'USD', count: 1, sum: big.amount, weightedSum: big.weightedAmount },
    ]);
    expect((await t.call(admin, 'DELETE', `/v1/deals/${big.id}`)).status).toBe(204);
  });

  it('applies stage defaults in SQL, when a stage changes, as dealInStage of @crmkit/core does', async () => {
    const open = await deal({ name: 'Open', stageId: stage(1) });
    const kept = await deal({ name: 'Kept', stageId: stage(1), probability: 80 });
    const changed = pipeline.stages.map((s: any) =>
      s.id === stage(1)
        ? { ...s, kind: 'won', probability: 95 }
        : { id: s.id, name: s.name, kind: s.kind, probability: s.probability },
    );
    for (const s of changed) delete s.position;
    const res = await t.call(admin, 'PATCH', `/v1/pipelines/${pipeline.id}`, { stages: changed });
    expect(res.status).toBe(200);
    const now = t.clock.now().toISOString();
    const rule = { id: stage(1), kind: 'won' as const, probability: 95 };
    for (const before of [open, kept]) {
      const after = (await t.call(admin, 'GET', `/v1/deals/${before.id}`)).body;
      expect(after).toMatchObject(dealInStage(rule, before, now));
    }
    const restored = pipeline.stages.map(({ position: _, ...s }: any) => s);
    expect((await t.call(admin, 'PATCH', `/v1/pipelines/${pipeline.id}`, { stages: restored })).status).toBe(200);
    for (const d of [open, kept]) expect((await t.call(admin, 'DELETE', `/v1/deals/${d.id}`)).status).toBe(204);
  });

  it('follows a changed stage default unless overridden', async () => {
    const follow = await deal({ name: 'F', stageId: stage(1) });
    const keep = await deal({ name: 'K', stageId: stage(1), probability: 90 });
    const stages = pipeline.stages.map((s: any) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      probability: s.id === stage(1) ? 60 : s.probability,
    }));
    const res = await t.call(admin, 'PATCH', `/v1/pipelines/${pipeline.id}`, { stages });
    expect(res.status).toBe(200);
    expect((await t.call(admin, 'GET', `/v1/deals/${follow.id}`)).body.probability).toBe(60);
    expect((await t.call(admin, 'GET', `/v1/deals/${keep.id}`)).body.probability).toBe(90);
  });

  it('keeps workspaces apart and enforces roles', async () => {
    const d = await deal({ name: 'Private' });
    expect((await t.call(t.b.keys.admin, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) })).status).toBe(404);
    expect((await t.call(t.a.keys.viewer, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) })).status).toBe(403);
    expect((await t.call(t.a.keys.agent, 'POST', `/v1/deals/${d.id}/move`, { stageId: stage(1) })).status).toBe(200);
    expect((await t.call(t.b.keys.admin, 'GET', '/v1/deals/aggregate?groupBy=stageId')).body.groups).toEqual([]);
  });
});
