import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSegmentCount, useSegmentMembers, useSegmentPreview, useUpdateRecord } from '../src/index.js';
import { providerFor, sandbox } from './harness.js';

describe('segment hooks', () => {
  it('count a filter as it changes, and keep a saved segment’s members and count live', async () => {
    const s = await sandbox();
    const crm = s.client();
    const an = await crm.contacts.create({ firstName: 'An', tags: ['vip'] });
    await crm.contacts.create({ firstName: 'Bình', tags: ['vip'], lifecycleStage: 'loyal' });
    await crm.contacts.create({ firstName: 'Chi' });
    const segment = await crm.segments.create({
      name: 'VIP',
      filter: { field: 'tags', op: 'in', value: ['vip'] },
    });
    const { wrapper } = providerFor(s.client());
    const preview = renderHook(
      ({ stage }: { stage: string | null }) =>
        useSegmentPreview(stage ? { filter: { field: 'lifecycleStage', op: 'eq', value: stage }, sample: 5 } : null),
      { wrapper, initialProps: { stage: null as string | null } },
    );
    expect(preview.result.current.fetchStatus).toBe('idle');
    preview.rerender({ stage: 'potential' });
    await waitFor(() => expect(preview.result.current.data?.count.value).toBe(2));
    preview.rerender({ stage: 'loyal' });
    // The previous count stays while the new one loads.
    expect(preview.result.current.data?.count.value).toBe(2);
    await waitFor(() => expect(preview.result.current.data?.count.value).toBe(1));
    expect(preview.result.current.data?.sample.map((c) => (c as { firstName: string }).firstName)).toEqual(['Bình']);

    const members = renderHook(
      () => ({
        members: useSegmentMembers(segment, { sort: 'firstName' }),
        count: useSegmentCount(segment),
        update: useUpdateRecord('contacts'),
      }),
      { wrapper },
    );
    await waitFor(() => expect(members.result.current.count.data).toEqual({ value: 2, exact: true }));
    await waitFor(() => expect(members.result.current.members.count?.value).toBe(2));
    expect(members.result.current.members.items.map((c) => (c as { firstName: string }).firstName)).toEqual([
      'An',
      'Bình',
    ]);
    // An loses the tag: the segment's members and count follow.
    act(() => members.result.current.update.update(an.id, { tags: [] }));
    await waitFor(() => expect(members.result.current.count.data?.value).toBe(1));
    await waitFor(() => expect(members.result.current.members.items).toHaveLength(1));
  });
});
