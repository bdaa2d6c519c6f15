import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePipeline, useRecord, useUpdateRecord } from '../src/index.js';
import { providerFor, salesPipeline, sandbox } from './harness.js';

describe('a core-level backend (feed, aggregates and ETags switched off)', () => {
  it('polls instead of following the feed, sums totals itself and sends no If-Match', async () => {
    const s = await sandbox({ capabilities: { events: false, aggregates: false, etags: false } });
    const admin = s.client();
    const { pipeline, lead, proposal } = await salesPipeline(admin);
    await admin.deals.create({
      name: 'A',
      amount: 1_000_000,
      currency: 'VND',
      pipelineId: pipeline.id,
      stageId: lead.id,
    });
    await admin.deals.create({
      name: 'B',
      amount: 3_000_000,
      currency: 'VND',
      pipelineId: pipeline.id,
      stageId: proposal.id,
    });
    await admin.deals.create({
      name: 'C',
      amount: 500,
      currency: 'USD',
      pipelineId: pipeline.id,
      stageId: proposal.id,
    });
    const lan = await admin.contacts.create({ firstName: 'Lan', title: 'Engineer' });

    const requests: { method: string; path: string; ifMatch: string | null }[] = [];
    const spied = s.client({
      fetch: (input, init) => {
        const headers = new Headers(init.headers);
        requests.push({
          method: init.method ?? 'GET',
          path: new URL(input).pathname,
          ifMatch: headers.get('if-match'),
        });
        return s.fetch(input, init);
      },
    });
    const { wrapper } = providerFor(spied, { pollInterval: 300 });
    const { result } = renderHook(
      () => ({ pipeline: usePipeline(), lan: useRecord('contacts', lan.id), edit: useUpdateRecord('contacts') }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.pipeline.totals.count).toBe(3));
    expect(result.current.pipeline.stages.map((x) => [x.count, x.sum, x.weightedSum])).toEqual([
      [1, 1_000_000, 100_000],
      [2, 3_000_000, 1_800_000],
      [0, 0, 0], // Won
      [0, 0, 0], // Lost
    ]);
    expect(result.current.pipeline.stages[1]!.otherCurrencies).toEqual([
      { key: proposal.id, currency: 'USD', count: 1, sum: 500, weightedSum: 300 },
    ]);
    expect(requests.some((r) => r.path === '/v1/deals/aggregate' || r.path === '/v1/events')).toBe(false);

    // Another user's change arrives by polling.
    await waitFor(() => expect(result.current.lan.data?.title).toBe('Engineer'));
    await admin.contacts.update(lan.id, { title: 'CTO' });
    await waitFor(() => expect(result.current.lan.data?.title).toBe('CTO'), { timeout: 5000 });

    act(() => result.current.edit.update(lan.id, { title: 'CEO' }));
    await waitFor(() => expect(result.current.edit.isSuccess).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch).toMatchObject({ path: `/v1/contacts/${lan.id}`, ifMatch: null });
  });

  it('with every capability on, uses the server aggregates and sends If-Match', async () => {
    const s = await sandbox();
    const admin = s.client();
    const { pipeline, lead } = await salesPipeline(admin);
    await admin.deals.create({
      name: 'A',
      amount: 1_000_000,
      currency: 'VND',
      pipelineId: pipeline.id,
      stageId: lead.id,
    });
    const lan = await admin.contacts.create({ firstName: 'Lan' });
    const requests: { method: string; path: string; ifMatch: string | null }[] = [];
    const spied = s.client({
      fetch: (input, init) => {
        requests.push({
          method: init.method ?? 'GET',
          path: new URL(input).pathname,
          ifMatch: new Headers(init.headers).get('if-match'),
        });
        return s.fetch(input, init);
      },
    });
    const { wrapper } = providerFor(spied);
    const { result } = renderHook(
      () => ({ pipeline: usePipeline(), lan: useRecord('contacts', lan.id), edit: useUpdateRecord('contacts') }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.pipeline.stages[0]).toMatchObject({ count: 1, weightedSum: 100_000 }));
    expect(requests.some((r) => r.path === '/v1/deals/aggregate')).toBe(true);
    await waitFor(() => expect(result.current.lan.data).toBeDefined());
    act(() => result.current.edit.update(lan.id, { title: 'CTO' }));
    await waitFor(() => expect(result.current.edit.isSuccess).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.ifMatch).toBe(`"${lan.version}"`);
  });

  it('without ETags, an update reads the record first: a change made meanwhile is a conflict, not overwritten', async () => {
    const s = await sandbox({ capabilities: { etags: false } });
    const admin = s.client();
    const lan = await admin.contacts.create({ firstName: 'Lan', title: 'Engineer' });
    const { wrapper } = providerFor(admin, { live: false });
    const { result } = renderHook(() => ({ lan: useRecord('contacts', lan.id), edit: useUpdateRecord('contacts') }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.lan.data?.version).toBe(lan.version));
    await admin.contacts.update(lan.id, { title: 'Manager' }); // someone else, meanwhile

    act(() => result.current.edit.update(lan.id, { title: 'CTO' }));
    await waitFor(() => expect(result.current.edit.conflict).not.toBeNull());
    expect(result.current.edit.error?.name).toBe('PreconditionFailedError');
    expect(result.current.edit.conflict!.theirs).toMatchObject({ title: 'Manager' });
    expect((await admin.contacts.get(lan.id)).title).toBe('Manager');
    expect(result.current.lan.data?.title).toBe('Manager');

    act(() => result.current.edit.conflict!.keepMine());
    await waitFor(() => expect(result.current.edit.isSuccess).toBe(true));
    expect((await admin.contacts.get(lan.id)).title).toBe('CTO');
  });
});
