import type { CrmClient, CrmEvent } from '@crmkit/client';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  holdLive,
  neighboursAt,
  pickUp,
  stepMove,
  useForecast,
  useLoadThrough,
  useMoveDeal,
  usePipeline,
  useStageActivity,
  useStageDeals,
} from '../src/index.js';
import { providerFor, salesPipeline, sandbox } from './harness.js';

/** A client of the sandbox that records the query of every GET of a deal list and of deal aggregates. */
function counting(s: Awaited<ReturnType<typeof sandbox>>) {
  const lists: string[] = [];
  const aggregates: string[] = [];
  const client = s.client({
    fetch: (input, init) => {
      const url = new URL(input);
      if (url.pathname === '/v1/deals') lists.push(url.search);
      if (url.pathname === '/v1/deals/aggregate') aggregates.push(url.search);
      return s.fetch(input, init);
    },
  });
  return { client, lists, aggregates };
}

async function seedDeals(crm: CrmClient, pipelineId: string, stageId: string, names: string[]) {
  const out = [];
  for (const name of names) out.push(await crm.deals.create({ name, amount: 100, pipelineId, stageId }));
  return out;
}

/** Waits until the provider's feed is connected (its subscription starts once the schema loads). */
const feedOpen = () => new Promise((r) => setTimeout(r, 300));

describe('keyboard move model', () => {
  const columns = [
    { stageId: 'a', count: 3 },
    { stageId: 'b', count: 1 },
    { stageId: 'c', count: 0 },
  ];

  it('steps within a column, across columns (clamped to their end) and jumps', () => {
    let move = pickUp('d2', { stageId: 'a', index: 1 });
    move = stepMove(move, 'down', columns);
    expect(move.target).toEqual({ stageId: 'a', index: 2 });
    // Its own column has 2 other deals: position 2 is its end.
    expect(stepMove(move, 'down', columns)).toBe(move);
    move = stepMove(move, 'right', columns);
    expect(move.target).toEqual({ stageId: 'b', index: 1 });
    move = stepMove(move, 'right', columns);
    expect(move.target).toEqual({ stageId: 'c', index: 0 });
    expect(stepMove(move, 'right', columns)).toBe(move);
    move = stepMove(stepMove(move, 'left', columns), 'left', columns);
    expect(move.target).toEqual({ stageId: 'a', index: 0 });
    expect(stepMove(move, 'end', columns).target).toEqual({ stageId: 'a', index: 2 });
    expect(stepMove(move, 'up', columns)).toBe(move);
    expect(move.origin).toEqual({ stageId: 'a', index: 1 });
  });

  it('names the neighbours of a position, or none when they are not loaded', () => {
    const d = (id: string) => ({ id }) as never;
    const items = [d('x'), d('me'), d('y')];
    expect(neighboursAt(items, 'me', 0, 2)).toEqual({ afterId: null, beforeId: 'x' });
    expect(neighboursAt(items, 'me', 1, 2)).toEqual({ afterId: 'x', beforeId: 'y' });
    expect(neighboursAt(items, 'me', 2, 2)).toEqual({ afterId: null, beforeId: null });
    // 40 deals, 2 loaded: position 2 has a loaded deal before it; position 5 has none known.
    expect(neighboursAt(items, 'me', 2, 40)).toEqual({ afterId: 'y', beforeId: null });
    expect(neighboursAt(items, 'me', 5, 40)).toBeNull();
    expect(neighboursAt(items, 'me', 40, 40)).toEqual({ afterId: null, beforeId: null });
  });
});

describe('board moves and the live feed', () => {
  it('a move refetches no stage list, and its own echo from the feed refetches nothing at all', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead, proposal } = await salesPipeline(crm);
    const [, b] = await seedDeals(crm, pipeline.id, lead.id, ['A', 'B']);
    const [x] = await seedDeals(crm, pipeline.id, proposal.id, ['X']);
    const { client, lists, aggregates } = counting(s);
    const tab = providerFor(client);
    const { result } = renderHook(
      () => ({
        lead: useStageDeals(pipeline.id, lead.id),
        proposal: useStageDeals(pipeline.id, proposal.id),
        pipeline: usePipeline(pipeline.id),
        move: useMoveDeal(),
      }),
      { wrapper: tab.wrapper },
    );
    await waitFor(() => expect(result.current.proposal.items).toHaveLength(1));
    await waitFor(() => expect(result.current.pipeline.totals.count).toBe(3));
    await feedOpen();
    const before = lists.length;
    const totalsBefore = aggregates.length;

    act(() => result.current.move.move({ id: b!.id, stageId: proposal.id, beforeId: x!.id }));
    await waitFor(() => expect(result.current.move.isSuccess).toBe(true));
    expect(result.current.proposal.items.map((d) => d.name)).toEqual(['B', 'X']);
    expect(result.current.lead.items.map((d) => d.name)).toEqual(['A']);
    // The echo arrives through the feed; give it time to do anything it would do.
    await new Promise((r) => setTimeout(r, 500));
    expect(lists.slice(before)).toEqual([]);
    // The totals are refetched once, after the move; the echo does not refetch them again.
    expect(aggregates.slice(totalsBefore)).toHaveLength(1);
    expect(result.current.proposal.items.map((d) => d.name)).toEqual(['B', 'X']);
    await waitFor(() => expect(result.current.pipeline.stages[1]!.count).toBe(2));
    const { data } = await crm.deals.list({ filter: { stageId: proposal.id }, sort: 'rank' });
    expect(data.map((d) => d.name)).toEqual(['B', 'X']);
  });

  it('a move by someone else arrives in place without refetching the stage lists, unless the feed is held', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead, proposal } = await salesPipeline(crm);
    const [, b] = await seedDeals(crm, pipeline.id, lead.id, ['A', 'B', 'C']);
    const [x, y] = await seedDeals(crm, pipeline.id, proposal.id, ['X', 'Y']);
    const { client, lists } = counting(s);
    const tab = providerFor(client);
    const { result } = renderHook(
      () => ({ lead: useStageDeals(pipeline.id, lead.id), proposal: useStageDeals(pipeline.id, proposal.id) }),
      { wrapper: tab.wrapper },
    );
    await waitFor(() => expect(result.current.proposal.items).toHaveLength(2));
    await waitFor(() => expect(result.current.lead.items).toHaveLength(3));
    await feedOpen();
    const before = lists.length;

    await crm.deals.move(b!.id, { stageId: proposal.id, afterId: x!.id, beforeId: y!.id });
    await waitFor(() => expect(result.current.proposal.items.map((d) => d.name)).toEqual(['X', 'B', 'Y']));
    expect(result.current.lead.items.map((d) => d.name)).toEqual(['A', 'C']);
    expect(lists.slice(before)).toEqual([]);

    // Held (a drag in progress): nothing changes until released, then everything arrives in order.
    const release = holdLive(tab.queryClient);
    await crm.deals.move(b!.id, { stageId: lead.id });
    await new Promise((r) => setTimeout(r, 400));
    expect(result.current.proposal.items.map((d) => d.name)).toEqual(['X', 'B', 'Y']);
    act(() => release());
    await waitFor(() => expect(result.current.lead.items.map((d) => d.name)).toEqual(['A', 'C', 'B']));
    expect(result.current.proposal.items.map((d) => d.name)).toEqual(['X', 'Y']);
  });

  it('a move that lost a race is a conflict: take theirs, or keep mine', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead, proposal, won } = await salesPipeline(crm);
    const [a] = await seedDeals(crm, pipeline.id, lead.id, ['A']);
    const tab = providerFor(crm, { live: false });
    const { result } = renderHook(
      () => ({
        lead: useStageDeals(pipeline.id, lead.id),
        won: useStageDeals(pipeline.id, won.id),
        proposal: useStageDeals(pipeline.id, proposal.id),
        move: useMoveDeal(),
      }),
      { wrapper: tab.wrapper },
    );
    await waitFor(() => expect(result.current.lead.items).toHaveLength(1));
    await crm.deals.move(a!.id, { stageId: proposal.id }); // someone else, meanwhile

    act(() => result.current.move.move({ id: a!.id, stageId: won.id }));
    await waitFor(() => expect(result.current.move.conflict).not.toBeNull());
    expect(result.current.move.conflict!.mine).toEqual({ stageId: won.id });
    expect(result.current.move.conflict!.theirs).toMatchObject({ stageId: proposal.id });
    // Their move shows: the deal is in Proposal, not back in Lead, nor in Won.
    expect(result.current.won.items).toEqual([]);
    await waitFor(() => expect(result.current.proposal.items.map((d) => d.name)).toEqual(['A']));
    expect(result.current.lead.items).toEqual([]);

    act(() => result.current.move.conflict!.keepMine());
    await waitFor(() => expect(result.current.move.isSuccess).toBe(true));
    expect(result.current.won.items.map((d) => d.name)).toEqual(['A']);
    expect((await crm.deals.get(a!.id)).stageId).toBe(won.id);
  });

  it('loads a stage page by page through a far position', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead } = await salesPipeline(crm);
    for (const [prefix, n] of [
      ['D', 100],
      ['E', 30],
    ] as const) {
      await crm.deals.batch(
        Array.from({ length: n }, (_, i) => ({
          op: 'create' as const,
          data: { name: `${prefix}${i}`, pipelineId: pipeline.id, stageId: lead.id },
        })),
      );
    }
    const tab = providerFor(crm, { live: false });
    const { result } = renderHook(
      () => {
        const deals = useStageDeals(pipeline.id, lead.id);
        useLoadThrough(deals, 120);
        return deals;
      },
      { wrapper: tab.wrapper },
    );
    await waitFor(() => expect(result.current.items).toHaveLength(130));
    expect(result.current.items[120]!.name).toBe('E20');
    expect(new Set(result.current.items.map((d) => d.id)).size).toBe(130);
  });
});

describe('board insights', () => {
  for (const aggregates of [true, false]) {
    it(`next-activity states per stage and a forecast by month, ${aggregates ? 'from the server' : 'summed in the browser'}`, async () => {
      const s = await sandbox({ now: '2026-03-14T03:00:00.000Z', capabilities: { aggregates } });
      const crm = s.client();
      const { pipeline, lead, proposal } = await salesPipeline(crm);
      const make = async (
        name: string,
        stageId: string,
        amount: number,
        expectedCloseDate: string | null,
        dueAt?: string,
      ) => {
        const d = await crm.deals.create({ name, amount, pipelineId: pipeline.id, stageId, expectedCloseDate });
        if (dueAt) await crm.activities.create({ type: 'task', dealId: d.id, dueAt });
        return d;
      };
      await make('A', lead.id, 100, '2026-03-31', '2026-03-13T01:00:00.000Z');
      await make('B', lead.id, 200, '2026-04-02', '2026-03-14T10:00:00.000Z');
      await make('C', proposal.id, 400, null, '2026-03-20T10:00:00.000Z');
      await make('D', proposal.id, 800, '2026-04-30');
      const clock = () => new Date('2026-03-14T03:00:00.000Z');
      const { wrapper } = providerFor(crm, { live: false, timeZone: 'Asia/Ho_Chi_Minh', now: clock });
      const { result } = renderHook(
        () => ({
          activity: useStageActivity(pipeline.id),
          forecast: useForecast(pipeline.id),
          rotting: useStageDeals(pipeline.id, lead.id, { rotting: true }),
        }),
        { wrapper },
      );
      await waitFor(() => expect(result.current.activity).toBeDefined());
      expect(result.current.activity!.get(lead.id)).toEqual({ overdue: 1, today: 1, future: 0, none: 0 });
      expect(result.current.activity!.get(proposal.id)).toEqual({ overdue: 0, today: 0, future: 1, none: 1 });
      await waitFor(() => expect(result.current.forecast).toBeDefined());
      expect(result.current.forecast!.map((m) => [m.month, m.count, m.currencies[0]!.weightedSum])).toEqual([
        ['2026-03', 1, 10],
        ['2026-04', 2, 500],
        [null, 1, 240],
      ]);
      // Nothing rots yet: the pipeline's stages have no threshold.
      await waitFor(() => expect(result.current.rotting.isSuccess).toBe(true));
      expect(result.current.rotting.items).toEqual([]);
    });
  }
});

// A type-level check that events are what applyEvent takes.
export const _apply: (qc: never, e: CrmEvent) => void = applyEvent;
