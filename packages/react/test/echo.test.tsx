import type { CrmClient, CrmEvent } from '@crmkit/client';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { echoOf, routeEvent, trackWrite, writeKey } from '../src/echoes.js';
import { useList, useMoveDeal, usePipeline, useStageDeals, useUpdateRecord } from '../src/index.js';
import { providerFor, salesPipeline, sandbox } from './harness.js';

/**
 * A client of `s` that counts its GET requests by path and query, and tells when the provider's feed is connected and
 * which events the provider has handled (its subscription's handler returned).
 */
function observed(s: Awaited<ReturnType<typeof sandbox>>) {
  const gets: string[] = [];
  const handled: CrmEvent[] = [];
  let open = false;
  const client: CrmClient = s.client({
    fetch: (input, init) => {
      const url = new URL(input);
      if ((init.method ?? 'GET') === 'GET' && url.pathname !== '/v1/events') gets.push(url.pathname + url.search);
      return s.fetch(input, init);
    },
  });
  const subscribe = client.events.subscribe.bind(client.events);
  client.events.subscribe = (handler, options = {}) =>
    subscribe(
      async (event) => {
        await handler(event);
        handled.push(event);
      },
      {
        ...options,
        onOpen: () => {
          open = true;
          options.onOpen?.();
        },
      },
    );
  return { client, gets, handled, isOpen: () => open };
}

/** Waits until nothing fetches, then returns how often each of `paths` was fetched since `from`. */
async function settledCounts(queryClient: QueryClient, gets: string[], from: number) {
  await waitFor(() => expect(queryClient.isFetching()).toBe(0));
  const counts: Record<string, number> = {};
  for (const get of gets.slice(from)) counts[get] = (counts[get] ?? 0) + 1;
  return counts;
}

describe('the echo of an own change on the change feed', () => {
  it('a move refetches the totals once and no stage list (its answer places the deal by rank), not again when its echo arrives', async () => {
    const s = await sandbox();
    const admin = s.client();
    const { pipeline, lead, won } = await salesPipeline(admin);
    const a = await admin.deals.create({
      name: 'A',
      amount: 100,
      currency: 'VND',
      pipelineId: pipeline.id,
      stageId: lead.id,
    });
    await admin.deals.create({ name: 'B', amount: 200, currency: 'VND', pipelineId: pipeline.id, stageId: lead.id });
    const { client, gets, handled, isOpen } = observed(s);
    const { wrapper, queryClient } = providerFor(client);
    const { result } = renderHook(
      () => ({
        pipeline: usePipeline(pipeline.id),
        lead: useStageDeals(pipeline.id, lead.id),
        won: useStageDeals(pipeline.id, won.id),
        move: useMoveDeal(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.lead.items).toHaveLength(2));
    await waitFor(() => expect(result.current.pipeline.totals.count).toBe(2));
    await waitFor(() => expect(isOpen()).toBe(true));
    const from = gets.length;

    act(() => result.current.move.move({ id: a.id, stageId: won.id }));
    await waitFor(() => expect(result.current.move.isSuccess).toBe(true));
    const moved = result.current.move.data!;
    // The echo: the feed's event of this very move, handled by the provider.
    await waitFor(() =>
      expect(
        handled.some((e) => e.resourceId === a.id && (e.data as { version?: number }).version === moved.version),
      ).toBe(true),
    );
    const counts = await settledCounts(queryClient, gets, from);
    const lists = Object.entries(counts).filter(([path]) => path.startsWith('/v1/deals?'));
    const totals = Object.entries(counts).filter(([path]) => path.startsWith('/v1/deals/aggregate'));
    expect(lists).toEqual([]);
    expect(totals).toHaveLength(1);
    for (const [path, n] of totals) expect(n, path).toBe(1);
    expect(result.current.won.items.map((d) => d.name)).toEqual(['A']);
    expect(result.current.pipeline.stages[2]).toMatchObject({ count: 1, sum: 100 });
  });

  it('an update refetches the filtered lists once, and another user’s change still refreshes them', async () => {
    const s = await sandbox();
    const admin = s.client();
    const lan = await admin.contacts.create({ firstName: 'Lan', lifecycleStage: 'active' });
    const minh = await admin.contacts.create({ firstName: 'Minh', lifecycleStage: 'active' });
    const { client, gets, handled, isOpen } = observed(s);
    const { wrapper, queryClient } = providerFor(client);
    const { result } = renderHook(
      () => ({
        active: useList('contacts', { filter: { lifecycleStage: 'active' } }),
        loyal: useList('contacts', { filter: { lifecycleStage: 'loyal' } }),
        edit: useUpdateRecord('contacts'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.active.items).toHaveLength(2));
    await waitFor(() => expect(isOpen()).toBe(true));
    let from = gets.length;

    act(() => result.current.edit.update(lan.id, { lifecycleStage: 'loyal' }));
    await waitFor(() => expect(result.current.edit.isSuccess).toBe(true));
    const saved = result.current.edit.data!;
    await waitFor(() =>
      expect(
        handled.some((e) => e.resourceId === lan.id && (e.data as { version?: number }).version === saved.version),
      ).toBe(true),
    );
    let counts = await settledCounts(queryClient, gets, from);
    const lists = Object.entries(counts).filter(([path]) => path.startsWith('/v1/contacts?'));
    expect(lists).toHaveLength(2);
    for (const [path, n] of lists) expect(n, path).toBe(1);
    expect(result.current.loyal.items.map((c) => c.firstName)).toEqual(['Lan']);

    // Someone else's change is no echo: the lists it may change refetch.
    from = gets.length;
    const other = await admin.contacts.update(minh.id, { lifecycleStage: 'loyal' });
    await waitFor(() =>
      expect(
        handled.some((e) => e.resourceId === minh.id && (e.data as { version?: number }).version === other.version),
      ).toBe(true),
    );
    await waitFor(() => expect(result.current.loyal.items.map((c) => c.firstName).sort()).toEqual(['Lan', 'Minh']));
    counts = await settledCounts(queryClient, gets, from);
    expect(Object.keys(counts).filter((path) => path.startsWith('/v1/contacts?'))).toHaveLength(2);
  });
});

describe('recognising echoes', () => {
  const event = (type: string, resourceId: string, data: object) =>
    ({ id: '1', type, resource: `${type.split('.')[0]}s`, resourceId, data, occurredAt: '' }) as unknown as CrmEvent;

  it('drops the echo of a settled write, and of one in flight once it settles; others refresh', () => {
    const queryClient = new QueryClient();
    const refreshed: string[] = [];
    const route = (e: CrmEvent, name: string) => routeEvent(queryClient, e, () => refreshed.push(name));
    route(event('contact.updated', 'con_1', { id: 'con_1', version: 2 }), 'before any write');

    const settle = trackWrite(queryClient, [writeKey('contacts', 'con_1')]);
    route(event('contact.updated', 'con_1', { id: 'con_1', version: 3 }), 'own echo, early');
    route(event('contact.updated', 'con_1', { id: 'con_1', version: 4 }), 'someone else, meanwhile');
    route(event('contact.updated', 'con_2', { id: 'con_2', version: 9 }), 'another record');
    expect(refreshed).toEqual(['before any write', 'another record']);
    settle([echoOf('contacts', 'con_1', 3)]);
    expect(refreshed).toEqual(['before any write', 'another record', 'someone else, meanwhile']);
    route(event('contact.updated', 'con_1', { id: 'con_1', version: 3 }), 'own echo, late');
    expect(refreshed).toHaveLength(3);

    // A failed write leaves every event it held back to refresh.
    const failed = trackWrite(queryClient, [writeKey('contacts', 'con_1')]);
    route(event('contact.updated', 'con_1', { id: 'con_1', version: 5 }), 'held by a failed write');
    failed();
    expect(refreshed.at(-1)).toBe('held by a failed write');
  });

  it('holds back created events while a create of the resource is in flight', () => {
    const queryClient = new QueryClient();
    const refreshed: string[] = [];
    const route = (e: CrmEvent, name: string) => routeEvent(queryClient, e, () => refreshed.push(name));
    const settle = trackWrite(queryClient, [writeKey('contacts')]);
    route(event('contact.created', 'con_mine', { id: 'con_mine', version: 1 }), 'mine');
    route(event('contact.created', 'con_other', { id: 'con_other', version: 1 }), 'other');
    expect(refreshed).toEqual([]);
    settle([echoOf('contacts', 'con_mine', 1)]);
    expect(refreshed).toEqual(['other']);
  });
});
