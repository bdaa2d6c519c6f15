import type {
  Campaign,
  CampaignPreviewRequest,
  CampaignRecipientsQuery,
  CampaignScheduleRequest,
  CampaignTestRequest,
  CreateOf,
  ListCount,
  ListQuery,
  UpdateOf,
} from '@crmkit/client';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { crmKeys } from './keys.js';
import { useCrm } from './provider.js';
import { useList, useRecord } from './queries.js';

/**
 * Query keys of a campaign's preview, report and recipients. They sit under the campaigns resource
 * (`['crmkit', 'campaigns', …]`), so a change to a campaign — its own or one the change feed reports — refreshes them.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: campaignKeys.report(campaign.id) });
 */
export const campaignKeys = {
  previews: () => ['crmkit', 'campaigns', 'preview'] as const,
  preview: (request: CampaignPreviewRequest) => ['crmkit', 'campaigns', 'preview', request] as const,
  insights: (segmentId: string) => ['crmkit', 'campaigns', 'insights', segmentId] as const,
  report: (id: string, query: object = {}) => ['crmkit', 'campaigns', 'report', id, query] as const,
  recipients: (id: string, query: object = {}) => ['crmkit', 'campaigns', 'recipients', id, query] as const,
};

/** How often a report on screen is refreshed while its campaign sends and responses come in. */
const REPORT_REFRESH_MS = 30_000;

/**
 * The workspace's campaigns, newest first unless `sort` says otherwise, a page at a time (`items`: every loaded one).
 *
 * @example
 * const { items: campaigns } = useCampaigns({ filter: { status: ['scheduled', 'sending'] } });
 */
export function useCampaigns(query: ListQuery<Campaign> = {}, options: { enabled?: boolean } = {}) {
  return useList('campaigns', query, options);
}

/**
 * One campaign (disabled while `id` is undefined), live through the change feed.
 *
 * @example
 * const { data: campaign } = useCampaign(campaignId);
 * campaign?.stats.opened;
 */
export function useCampaign(id: string | undefined) {
  return useRecord('campaigns', id);
}

/** What {@link useSaveCampaign} saves: a new draft, or changes to one (`id`) at the version the user saw. */
export type SaveCampaignVariables =
  | { id?: undefined; body: CreateOf<'campaigns'> }
  | { id: string; body: UpdateOf<'campaigns'>; ifVersion?: number };

/**
 * Creates a draft or saves changes to one. A placeholder the workspace lacks fails with a 422 `ValidationError` whose
 * `problem.errors` carry `code: 'unknownPlaceholder'` and `params.placeholder`; a stale `ifVersion` fails with a
 * `PreconditionFailedError` holding the campaign as stored now. The campaign lists refresh.
 *
 * @example
 * const save = useSaveCampaign();
 * save.mutate({ body: { name: 'Gia hạn', segmentId, channel: 'email', subject: 'Ưu đãi', template } });
 * save.mutate({ id: campaign.id, body: { template }, ifVersion: campaign.version });
 */
export function useSaveCampaign() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: SaveCampaignVariables) =>
      vars.id === undefined
        ? client.campaigns.create(vars.body)
        : client.campaigns.update(vars.id, vars.body, { ifVersion: vars.ifVersion }),
    onSuccess: (campaign) => queryClient.setQueryData(crmKeys.record('campaigns', campaign.id), campaign),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.lists('campaigns') }),
  });
}

/**
 * Schedules a draft (now, or at a wall time in the workspace's or each recipient's zone, optionally throttled).
 *
 * @example
 * const schedule = useScheduleCampaign();
 * schedule.mutate({ id: campaign.id, request: { schedule: null }, ifVersion: campaign.version }); // send now
 */
export function useScheduleCampaign() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, request, ifVersion }: { id: string; request?: CampaignScheduleRequest; ifVersion?: number }) =>
      client.campaigns.schedule(id, request, { ifVersion }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.resource('campaigns') }),
  });
}

/**
 * Cancels a scheduled or sending campaign.
 *
 * @example
 * const cancel = useCancelCampaign();
 * cancel.mutate({ id: campaign.id });
 */
export function useCancelCampaign() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ifVersion }: { id: string; ifVersion?: number }) => client.campaigns.cancel(id, { ifVersion }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: crmKeys.resource('campaigns') }),
  });
}

/**
 * Sends the content being edited (saved or not), rendered for one real recipient, to the calling user's own address,
 * marked as a test. Nothing is cached or refreshed: a test changes no campaign. `data.to` says where it went; a 422
 * `ValidationError` names the field (`channel` with `noTestAddress`, `template` with `unknownPlaceholder`).
 *
 * @example
 * const test = useTestSendCampaign();
 * test.mutate({ segmentId, channel: 'email', subject, template, contactId });
 * test.data?.to; // 'lan@club.vn'
 */
export function useTestSendCampaign() {
  const { client } = useCrm();
  return useMutation({ mutationFn: (request: CampaignTestRequest) => client.campaigns.testSend(request) });
}

/**
 * The message as real recipients would get it, for a campaign's content as it is being edited (disabled while
 * `request` is null). While new content renders the previous answer stays (`isPlaceholderData`), so a live preview
 * does not flicker; an unknown placeholder is the query's 422 `error`.
 *
 * @example
 * const { data, error } = useCampaignPreview({ segmentId, channel: 'email', subject, template, sample: 3 });
 * data?.items.map((i) => i.html);
 */
export function useCampaignPreview(request: CampaignPreviewRequest | null) {
  const { client } = useCrm();
  return useQuery({
    queryKey: request ? campaignKeys.preview(request) : campaignKeys.previews(),
    queryFn: ({ signal }) => client.campaigns.preview(request!, { signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * A campaign's funnel and its opens and clicks per hour (or day), refreshed every 30 s while on screen (`refreshMs:
 * false` to stop) as sending goes on and responses come in.
 *
 * @example
 * const { data: report } = useCampaignReport(campaign.id, { interval: 'day' });
 * report?.funnel.clicked;
 */
export function useCampaignReport(
  id: string | undefined,
  { interval, refreshMs = REPORT_REFRESH_MS }: { interval?: 'hour' | 'day'; refreshMs?: number | false } = {},
) {
  const { client } = useCrm();
  const query = interval ? { interval } : {};
  return useQuery({
    queryKey: campaignKeys.report(id ?? '', query),
    queryFn: ({ signal }) => client.campaigns.report(id!, query, { signal }),
    enabled: id !== undefined,
    refetchInterval: refreshMs,
    retry: false,
  });
}

/**
 * How a segment's campaigns were responded to — by channel and local send hour, and by the members' lifecycle stage,
 * tags and select custom fields — to aim the next campaign (disabled while `segmentId` is undefined).
 *
 * @example
 * const { data } = useCampaignInsights(segment.id);
 * data?.bySendHour.filter((h) => h.channel === 'email');
 */
export function useCampaignInsights(segmentId: string | undefined) {
  const { client } = useCrm();
  return useQuery({
    queryKey: campaignKeys.insights(segmentId ?? ''),
    queryFn: ({ signal }) => client.campaigns.insights(segmentId!, { signal }),
    enabled: segmentId !== undefined,
    retry: false,
  });
}

/**
 * A campaign's recipients, optionally of one status, a page at a time: `items` is every loaded one, `count` how many
 * there are in all (asked with the first page).
 *
 * @example
 * const { items, count, fetchNextPage } = useCampaignRecipients(campaign.id, { status: 'clicked' });
 */
export function useCampaignRecipients(
  id: string | undefined,
  query: Omit<CampaignRecipientsQuery, 'cursor' | 'count'> = {},
) {
  const { client } = useCrm();
  const result = useInfiniteQuery({
    queryKey: campaignKeys.recipients(id ?? '', query),
    queryFn: ({ pageParam, signal }) =>
      client.campaigns.recipients(id!, { ...query, cursor: pageParam, count: pageParam === undefined }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: id !== undefined,
    retry: false,
  });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.data) ?? [], [result.data]);
  const count: ListCount | undefined = result.data?.pages[0]?.count;
  return { ...result, items, count };
}

/**
 * Downloads a campaign's recipients (optionally of one status) as a CSV `Blob`.
 *
 * @example
 * const exportCsv = useExportCampaignRecipients();
 * const blob = await exportCsv.mutateAsync({ id: campaign.id, status: 'optedOut' });
 */
export function useExportCampaignRecipients() {
  const { client } = useCrm();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status?: CampaignRecipientsQuery['status'] }) =>
      client.campaigns.exportRecipients(id, status ? { status } : {}),
  });
}
