import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  useCampaign,
  useCampaignPreview,
  useCampaignRecipients,
  useCampaignReport,
  useCampaigns,
  useCancelCampaign,
  useSaveCampaign,
  useScheduleCampaign,
} from '../src/index.js';
import { providerFor, sandbox } from './harness.js';

describe('campaign hooks', () => {
  it('save a draft, preview it live, schedule and cancel it, and read its report and recipients', async () => {
    const s = await sandbox();
    const crm = s.client();
    await crm.contacts.create({ firstName: 'Lan', emails: ['lan@example.vn'], tags: ['hook'] });
    const segment = await crm.segments.create({ name: 'Hook', filter: { field: 'tags', op: 'in', value: ['hook'] } });
    const { wrapper } = providerFor(s.client());
    const content = {
      segmentId: segment.id,
      channel: 'email' as const,
      subject: 'Hi',
      template: 'Chào {{contact.firstName|bạn}}',
    };
    const body = { name: 'Renewal', ...content };

    const hooks = renderHook(
      () => ({
        list: useCampaigns(),
        save: useSaveCampaign(),
        schedule: useScheduleCampaign(),
        cancel: useCancelCampaign(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(hooks.result.current.list.isSuccess).toBe(true));
    expect(hooks.result.current.list.items).toEqual([]);
    const created = await act(() => hooks.result.current.save.mutateAsync({ body }));
    await waitFor(() => expect(hooks.result.current.list.items.map((c) => c.name)).toEqual(['Renewal']));

    const preview = renderHook(({ template }) => useCampaignPreview(template ? { ...content, template } : null), {
      wrapper,
      initialProps: { template: null as string | null },
    });
    expect(preview.result.current.fetchStatus).toBe('idle');
    preview.rerender({ template: 'Chào {{contact.firstName|bạn}}!' });
    await waitFor(() => expect(preview.result.current.data?.items[0]?.text).toBe('Chào Lan!'));
    preview.rerender({ template: 'Chào {{contact.nope}}' });
    await waitFor(() => expect(preview.result.current.error).toBeTruthy());
    expect((preview.result.current.error as unknown as { status: number }).status).toBe(422);

    const one = renderHook(
      () => ({
        campaign: useCampaign(created.id),
        report: useCampaignReport(created.id, { refreshMs: false }),
        recipients: useCampaignRecipients(created.id),
      }),
      { wrapper },
    );
    await waitFor(() => expect(one.result.current.campaign.data?.status).toBe('draft'));
    await act(() => hooks.result.current.schedule.mutateAsync({ id: created.id, request: {}, ifVersion: 1 }));
    await waitFor(() => expect(one.result.current.campaign.data?.status).not.toBe('draft'));
    await act(() => hooks.result.current.cancel.mutateAsync({ id: created.id }));
    await waitFor(() => expect(one.result.current.campaign.data?.status).toBe('cancelled'));
    await waitFor(() => expect(one.result.current.report.data?.funnel).toBeDefined());
    await waitFor(() => expect(one.result.current.recipients.count).toBeDefined());
  });
});
