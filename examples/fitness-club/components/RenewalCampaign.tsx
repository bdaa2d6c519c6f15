'use client';

import { useCampaign, useCampaignPreview, useCan, useCrm, useScheduleCampaign } from '@crmkit/react';
import { CampaignReport } from '@crmkit/ui/campaign-report';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { Dictionary } from '../lib/i18n';

type Strings = Pick<
  Dictionary,
  | 'campaignSubject'
  | 'campaignSegment'
  | 'campaignStatus'
  | 'campaignPreviewFor'
  | 'campaignSend'
  | 'campaignSending'
  | 'campaignViewer'
  | 'campaignStates'
  | 'campaignReport'
>;

/**
 * The club's renewal offer with crmkit's campaign hooks: the draft as its first recipient will read it (rendered by
 * the CRM for a real member, every value escaped), and "Send now" for staff who may change campaigns (the server
 * checks too); below it crmkit's CampaignReport (funnel, opens and clicks over time, recipients), whose recipients
 * open their member's card.
 */
export function RenewalCampaign({ campaignId, t }: { campaignId: string; t: Strings }) {
  const router = useRouter();
  const { data: campaign } = useCampaign(campaignId);
  const { client } = useCrm();
  const segmentId = campaign?.segmentId;
  const { data: segment } = useQuery({
    queryKey: ['club', 'segment', segmentId],
    queryFn: ({ signal }) => client.segments.get(segmentId!, { signal }),
    enabled: segmentId !== undefined,
  });
  const canSend = useCan('update', 'campaigns');
  const schedule = useScheduleCampaign();
  const { data: preview } = useCampaignPreview(
    campaign
      ? {
          segmentId: campaign.segmentId,
          channel: campaign.channel,
          subject: campaign.subject,
          template: campaign.template,
          sample: 1,
        }
      : null,
  );
  if (!campaign) return <p className="text-sm text-stone-600">…</p>;
  const first = preview?.items[0];
  return (
    <div className="grid gap-6">
      <article aria-labelledby="campaign-name" className="rounded-3xl bg-white p-6 shadow-sm">
        <h3 id="campaign-name">{campaign.name}</h3>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold text-stone-700">{t.campaignSegment}</dt>
          <dd className="text-stone-700">{segment?.name ?? campaign.segmentId}</dd>
          <dt className="font-semibold text-stone-700">{t.campaignStatus}</dt>
          <dd className="text-stone-700" data-testid="campaign-status">
            {t.campaignStates[campaign.status]}
          </dd>
        </dl>
        {first && (
          <section aria-labelledby="campaign-preview" className="mt-4 rounded-2xl bg-stone-50 p-4 text-sm">
            <h4 id="campaign-preview" className="font-semibold text-stone-700">
              {t.campaignPreviewFor.replace('{name}', first.name)}
            </h4>
            <p className="mt-2 font-semibold text-stone-900">
              {t.campaignSubject}: {first.subject}
            </p>
            <div className="mt-2 whitespace-pre-line text-stone-800">{first.text}</div>
          </section>
        )}
        {campaign.status === 'draft' &&
          (canSend ? (
            <button
              type="button"
              className="mt-4 bg-lotus-800 text-white hover:bg-lotus-900 disabled:opacity-60"
              disabled={schedule.isPending}
              onClick={() =>
                schedule.mutate({ id: campaign.id, request: { schedule: null }, ifVersion: campaign.version })
              }
            >
              {schedule.isPending ? t.campaignSending : t.campaignSend}
            </button>
          ) : (
            <p className="mt-4 text-sm text-stone-600">{t.campaignViewer}</p>
          ))}
        {schedule.error && (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {schedule.error.message}
          </p>
        )}
      </article>
      <CampaignReport
        campaignId={campaignId}
        title={t.campaignReport}
        headingLevel={3}
        onOpenContact={(id) => router.push(`/members/${id}`)}
      />
    </div>
  );
}
