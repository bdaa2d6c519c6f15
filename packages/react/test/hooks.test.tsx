import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  crmKeys,
  useCan,
  useCompleteTask,
  useConvertLead,
  useCreateRecord,
  useList,
  useMoveDeal,
  usePipeline,
  useRecord,
  useReplyTicket,
  useStageDeals,
  useTicketQueue,
  useTicketThread,
  useTimeline,
  useUpdateRecord,
} from '../src/index.js';
import { providerFor, salesPipeline, sandbox, testQueryClient } from './harness.js';

describe('provider and queries', () => {
  it('shares a host QueryClient, reads records and lists, and knows what the caller may do', async () => {
    const s = await sandbox();
    const crm = s.client();
    const lan = await crm.contacts.create({ firstName: 'Lan', lastName: 'Nguyễn', lifecycleStage: 'loyal' });
    await crm.contacts.create({ firstName: 'Bảo', lifecycleStage: 'potential' });
    const queryClient = testQueryClient();
    const { wrapper: Crm } = providerFor(s.client({ role: 'viewer' }), { queryClient: undefined as never });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <Crm>{children}</Crm>
      </QueryClientProvider>
    );
    const { result } = renderHook(
      () => ({
        record: useRecord('contacts', lan.id),
        loyal: useList('contacts', { filter: { lifecycleStage: 'loyal' } }),
        canRead: useCan('read', 'contacts'),
        canCreate: useCan('create', 'contacts'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.record.data?.firstName).toBe('Lan'));
    await waitFor(() => expect(result.current.loyal.items.map((c) => c.id)).toEqual([lan.id]));
    await waitFor(() => expect(result.current.canRead).toBe(true));
    expect(result.current.canCreate).toBe(false);
    // The host's QueryClient holds our queries.
    expect(queryClient.getQueryData(crmKeys.record('contacts', lan.id))).toMatchObject({ id: lan.id });
  });

  it('unmounting cancels the request in flight', async () => {
    const s = await sandbox();
    const signals: AbortSignal[] = [];
    const hung = s.client({
      fetch: (_input, init) => {
        signals.push(init.signal!);
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      },
      retry: false,
    });
    const { wrapper } = providerFor(hung, { live: false });
    const { unmount } = renderHook(() => useRecord('contacts', 'con_whatever'), { wrapper });
    await waitFor(() => expect(signals.length).toBeGreaterThan(0));
    expect(signals.every((x) => !x.aborted)).toBe(true);
    unmount();
    await waitFor(() => expect(signals.every((x) => x.aborted)).toBe(true));
  });
});

describe('deals: pipeline totals and optimistic moves', () => {
  it('moves a deal at once, totals included, and rolls back exactly when the server refuses', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead, won } = await salesPipeline(crm);
    // Moves wait for the test to let them through, so the optimistic state can be looked at.
    let release = () => {};
    const gated = s.client({
      fetch: async (input, init) => {
        if (input.endsWith('/move')) await new Promise<void>((r) => (release = r));
        return s.fetch(input, init);
      },
    });
    const deals: { id: string }[] = [];
    for (const [name, amount] of [
      ['A', 1_000_000],
      ['B', 2_000_000],
      ['C', 4_000_000],
    ] as const) {
      deals.push(await crm.deals.create({ name, amount, currency: 'VND', pipelineId: pipeline.id, stageId: lead.id }));
    }
    const { wrapper, queryClient } = providerFor(gated);
    const { result } = renderHook(
      () => ({
        pipeline: usePipeline(pipeline.id),
        lead: useStageDeals(pipeline.id, lead.id),
        won: useStageDeals(pipeline.id, won.id),
        move: useMoveDeal(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.lead.items).toHaveLength(3));
    await waitFor(() => expect(result.current.pipeline.totals.count).toBe(3));
    const leadTotals = result.current.pipeline.stages[0]!;
    expect(leadTotals).toMatchObject({ count: 3, sum: 7_000_000, weightedSum: 700_000, currency: 'VND' });

    const before = queryClient.getQueriesData({ queryKey: crmKeys.resource('deals') });
    let atError: unknown;
    act(() =>
      result.current.move.move(
        // The server refuses: a lost reason longer than the contract allows.
        { id: deals[1]!.id, stageId: won.id, lostReason: 'x'.repeat(501) },
        { onError: () => (atError = queryClient.getQueriesData({ queryKey: crmKeys.resource('deals') })) },
      ),
    );
    // Optimistic: B left Lead, joined Won at 100 %, and the totals moved with it.
    await waitFor(() => expect(result.current.won.items.map((d) => d.name)).toEqual(['B']));
    expect(result.current.lead.items.map((d) => d.name)).toEqual(['A', 'C']);
    expect(result.current.pipeline.stages[2]).toMatchObject({ count: 1, sum: 2_000_000, weightedSum: 2_000_000 });
    expect(result.current.pipeline.stages[0]).toMatchObject({ count: 2, sum: 5_000_000, weightedSum: 500_000 });
    release();

    await waitFor(() => expect(result.current.move.isError).toBe(true));
    expect(result.current.move.error?.name).toBe('ValidationError');
    expect(atError).toEqual(before);
    expect(result.current.lead.items.map((d) => d.name)).toEqual(['A', 'B', 'C']);
    expect(result.current.won.items).toEqual([]);
    expect(result.current.pipeline.stages[0]).toMatchObject({ count: 3, sum: 7_000_000 });
  });

  it('a move the server accepts lands between the given neighbours and stays there', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline, lead, proposal } = await salesPipeline(crm);
    const made: { id: string }[] = [];
    for (const name of ['A', 'B', 'C']) {
      made.push(
        await crm.deals.create({ name, amount: 100, currency: 'VND', pipelineId: pipeline.id, stageId: proposal.id }),
      );
    }
    const d = await crm.deals.create({
      name: 'D',
      amount: 500,
      currency: 'VND',
      pipelineId: pipeline.id,
      stageId: lead.id,
    });
    const { wrapper } = providerFor(crm);
    const { result } = renderHook(
      () => ({ proposal: useStageDeals(pipeline.id, proposal.id), move: useMoveDeal(), pipeline: usePipeline() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.proposal.items).toHaveLength(3));
    await waitFor(() => expect(result.current.pipeline.totals.count).toBe(4));
    act(() => result.current.move.move({ id: d.id, stageId: proposal.id, afterId: made[0]!.id }));
    await waitFor(() => expect(result.current.proposal.items.map((x) => x.name)).toEqual(['A', 'D', 'B', 'C']));
    await waitFor(() => expect(result.current.move.isSuccess).toBe(true));
    const stored = await crm.deals.get(d.id);
    expect(stored).toMatchObject({ stageId: proposal.id, probability: 60, weightedAmount: 300 });
    const { data } = await crm.deals.list({ filter: { stageId: proposal.id }, sort: 'rank' });
    expect(data.map((x) => x.name)).toEqual(['A', 'D', 'B', 'C']);
    await waitFor(() => expect(result.current.pipeline.stages[1]).toMatchObject({ count: 4, weightedSum: 480 }));
  });
});

describe('live cache and conflicts', () => {
  it('two clients on one server see each other’s changes through the feed, without refetching the record', async () => {
    const s = await sandbox();
    const lan = await s.client().contacts.create({ firstName: 'Lan', title: 'Engineer' });
    const reads: string[] = [];
    const counted = s.client({
      fetch: (input, init) => {
        if ((init.method ?? 'GET') === 'GET') reads.push(new URL(input).pathname);
        return s.fetch(input, init);
      },
    });
    const a = providerFor(s.client());
    const b = providerFor(counted);
    const tabA = renderHook(() => ({ update: useUpdateRecord('contacts'), create: useCreateRecord('contacts') }), {
      wrapper: a.wrapper,
    });
    const tabB = renderHook(() => ({ lan: useRecord('contacts', lan.id), all: useList('contacts') }), {
      wrapper: b.wrapper,
    });
    await waitFor(() => expect(tabB.result.current.lan.data?.title).toBe('Engineer'));
    await waitFor(() => expect(tabB.result.current.all.items).toHaveLength(1));
    // Let B's feed connect before A writes (its subscription starts after the schema loads).
    await waitFor(() => expect(reads).toContain('/v1/events'));
    await new Promise((r) => setTimeout(r, 100));

    act(() => tabA.result.current.update.update(lan.id, { title: 'CTO' }));
    await waitFor(() => expect(tabB.result.current.lan.data?.title).toBe('CTO'));
    await waitFor(() => expect(tabB.result.current.all.items[0]?.title).toBe('CTO'));
    expect(reads.filter((p) => p === `/v1/contacts/${lan.id}`)).toHaveLength(1);

    act(() => tabA.result.current.create.mutate({ firstName: 'Minh' }));
    await waitFor(() => expect(tabB.result.current.all.items.map((c) => c.firstName).sort()).toEqual(['Lan', 'Minh']));
  });

  it('a 412 is a conflict the user resolves: take theirs, or keep mine', async () => {
    const s = await sandbox();
    const crm = s.client();
    const lan = await crm.contacts.create({ firstName: 'Lan', title: 'Engineer' });
    const { wrapper } = providerFor(crm, { live: false });
    const { result } = renderHook(() => ({ lan: useRecord('contacts', lan.id), edit: useUpdateRecord('contacts') }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.lan.data?.version).toBe(lan.version));
    await crm.contacts.update(lan.id, { title: 'Manager' }); // someone else, meanwhile

    act(() => result.current.edit.update(lan.id, { title: 'CTO' }));
    await waitFor(() => expect(result.current.edit.conflict).not.toBeNull());
    expect(result.current.edit.error?.name).toBe('PreconditionFailedError');
    expect(result.current.edit.conflict!.mine).toEqual({ title: 'CTO' });
    expect(result.current.edit.conflict!.theirs).toMatchObject({ title: 'Manager' });
    expect(result.current.lan.data?.title).toBe('Manager');
    act(() => result.current.edit.conflict!.takeTheirs());
    expect(result.current.edit.conflict).toBeNull();
    expect((await crm.contacts.get(lan.id)).title).toBe('Manager');

    await crm.contacts.update(lan.id, { title: 'Director' });
    act(() => result.current.edit.update(lan.id, { title: 'CTO' }));
    await waitFor(() => expect(result.current.edit.conflict?.theirs).toMatchObject({ title: 'Director' }));
    act(() => result.current.edit.conflict!.keepMine());
    await waitFor(() => expect(result.current.edit.isSuccess).toBe(true));
    expect((await crm.contacts.get(lan.id)).title).toBe('CTO');
    expect(result.current.lan.data?.title).toBe('CTO');
  });
});

describe('tickets, tasks and leads', () => {
  it('queues by view, assigns, and replies optimistically', async () => {
    const s = await sandbox();
    const admin = s.client();
    const agentId = s.a.users['agent@a.test']!;
    const mine = await admin.tickets.create({ subject: 'Printer on fire', assigneeId: agentId });
    const loose = await admin.tickets.create({ subject: 'Password reset' });
    const { wrapper } = providerFor(s.client({ role: 'agent' }));
    const { result } = renderHook(
      () => ({
        mine: useTicketQueue('mine'),
        unassigned: useTicketQueue('unassigned'),
        thread: useTicketThread(mine.id),
        reply: useReplyTicket(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.mine.items.map((t) => t.id)).toEqual([mine.id]));
    await waitFor(() => expect(result.current.unassigned.items.map((t) => t.id)).toContain(loose.id));
    expect(result.current.unassigned.items.map((t) => t.id)).not.toContain(mine.id);
    await waitFor(() => expect(result.current.thread.isSuccess).toBe(true));
    const count = result.current.thread.items.length;

    act(() => result.current.reply.mutate({ ticketId: mine.id, body: 'Extinguisher on its way', status: 'pending' }));
    await waitFor(() => expect(result.current.thread.items).toHaveLength(count + 1));
    await waitFor(() => expect(result.current.reply.isSuccess).toBe(true));
    await waitFor(() =>
      expect(result.current.thread.items.at(-1)).toMatchObject({ bodyText: 'Extinguisher on its way', kind: 'reply' }),
    );
    expect(result.current.thread.items.at(-1)).not.toHaveProperty('pending');
    await waitFor(() => expect(result.current.mine.items[0]?.status).toBe('pending'));
  });

  it('completes a task on the timeline and converts a lead', async () => {
    const s = await sandbox();
    const crm = s.client();
    const { pipeline } = await salesPipeline(crm);
    const lan = await crm.contacts.create({ firstName: 'Lan' });
    const task = await crm.activities.create({
      type: 'task',
      subject: 'Call back about renewal',
      contactId: lan.id,
      dueAt: '2030-01-01T09:00:00Z',
    });
    const lead = await crm.leads.create({ name: 'Lê Thu Hà', email: 'ha@example.vn', companyName: 'Lotus' });
    const { wrapper } = providerFor(crm);
    const { result } = renderHook(
      () => ({ timeline: useTimeline({ contactId: lan.id }), task: useCompleteTask(), convert: useConvertLead() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.timeline.items.map((a) => a.id)).toContain(task.id));
    act(() => result.current.task.complete(task.id));
    await waitFor(() => expect(result.current.timeline.items.find((a) => a.id === task.id)?.completedAt).toBeTruthy());
    await waitFor(() => expect(result.current.task.isSuccess).toBe(true));
    expect((await crm.activities.get(task.id)).completedAt).not.toBeNull();

    act(() =>
      result.current.convert.mutate({
        id: lead.id,
        body: { deal: { name: 'Lotus membership', amount: 12_000_000, pipelineId: pipeline.id } },
      }),
    );
    await waitFor(() => expect(result.current.convert.isSuccess).toBe(true));
    const { contact, company, deal } = result.current.convert.data!;
    // A Vietnamese name is split by what it is: family name Lê, given name Thu Hà (issue 20).
    expect([contact.firstName, contact.lastName]).toEqual(['Thu Hà', 'Lê']);
    expect(company?.name).toBe('Lotus');
    expect(deal).toMatchObject({ name: 'Lotus membership', amount: 12_000_000 });
  });
});
