import type { CallParams, ResourceClient } from './resources.js';
import type { Page, RequestOptions, Schemas, WriteOptions } from './types.js';

/** A message to a segment of contacts by e-mail or SMS, personalised per recipient. */
export type Campaign = Schemas['Campaign'];
/** A campaign's funnel: audience → sent → delivered → opened → clicked → replied → converted, and side exits. */
export type CampaignStats = Schemas['CampaignStats'];
/** When a scheduled campaign sends: a wall time in the workspace's or each recipient's time zone. */
export type CampaignSchedule = Schemas['CampaignSchedule'];
/** One contact of a campaign's frozen audience, with when each step happened. */
export type CampaignRecipient = Schemas['CampaignRecipient'];
/** Where a recipient is: `pending`, `skipped`, `sent`, `opened`, `clicked`, `optedOut`, … */
export type CampaignRecipientStatus = CampaignRecipient['status'];
/** A campaign's content (saved or not) to render for real recipients. */
export type CampaignPreviewRequest = Schemas['CampaignPreviewRequest'];
/** The message as each previewed recipient would get it. */
export type CampaignPreview = Schemas['CampaignPreview'];
/** A campaign's content (saved or not) to send to yourself, rendered for one real recipient. */
export type CampaignTestRequest = Schemas['CampaignTestRequest'];
/** Where a test message went (the calling user's own address) and whom it was rendered for. */
export type CampaignTestResult = Schemas['CampaignTestResult'];
/** Optionally a new schedule and throttle, sent with `schedule`. */
export type CampaignScheduleRequest = Schemas['CampaignScheduleRequest'];
/** A campaign's funnel and its opens and clicks over time. */
export type CampaignReport = Schemas['CampaignReport'];

/** How a segment's campaigns were responded to: by channel and send hour, and by member attribute. */
export type CampaignInsights = Schemas['CampaignInsights'];

/** Query of a campaign's recipients. */
export interface CampaignRecipientsQuery {
  limit?: number;
  cursor?: string;
  /** Only recipients in this status. */
  status?: CampaignRecipientStatus;
  /** Also answer how many there are in all (`Page.count`). */
  count?: boolean;
}

/** Fetches a non-JSON answer of the contract (the CSV export) as a `Blob`. */
export type Download = (path: string, options: RequestOptions | undefined, params: CallParams) => Promise<Blob>;

/** Campaigns (capability `campaigns`): CRUD of drafts, preview, test send, schedule, cancel, recipients, report and export. */
export interface CampaignsClient extends ResourceClient<'campaigns'> {
  /**
   * Renders a campaign's content (saved or not) for the first members of its segment, or one contact — the
   * composer's live preview. A placeholder the workspace lacks throws a 422 `CrmError` whose `problem.errors` name it.
   *
   * @example
   * const { items } = await crm.campaigns.preview({
   *   segmentId, channel: 'email', subject: 'Ưu đãi', template: 'Chào {{contact.firstName|bạn}}', sample: 3,
   * });
   */
  preview(request: CampaignPreviewRequest, options?: RequestOptions): Promise<CampaignPreview>;
  /**
   * Sends the content (saved or not), rendered for `contactId` or the segment's first member, to the calling user's own
   * e-mail address at once, marked `[Test]`; nothing is counted or changed. No address of the caller's on the channel
   * is a 422 (`code: 'noTestAddress'`), a placeholder the workspace lacks too; a provider failure is a 502.
   *
   * @example
   * const { to } = await crm.campaigns.testSend({ segmentId, channel: 'email', subject: 'Ưu đãi', template });
   */
  testSend(request: CampaignTestRequest, options?: RequestOptions): Promise<CampaignTestResult>;
  /**
   * Schedules a draft: now, or at a wall time in the workspace's or each recipient's zone, optionally throttled.
   *
   * @example
   * await crm.campaigns.schedule(campaign.id, {
   *   schedule: { localTime: '2026-12-10T09:00', timeZone: 'recipient' }, throttlePerHour: 500,
   * }, { ifVersion: campaign.version });
   */
  schedule(id: string, request?: CampaignScheduleRequest, options?: WriteOptions): Promise<Campaign>;
  /**
   * Cancels a scheduled or sending campaign: nothing more goes out.
   *
   * @example
   * await crm.campaigns.cancel(campaign.id);
   */
  cancel(id: string, options?: WriteOptions): Promise<Campaign>;
  /**
   * A page of the campaign's frozen audience, optionally of one status.
   *
   * @example
   * const { data } = await crm.campaigns.recipients(campaign.id, { status: 'clicked', limit: 50 });
   */
  recipients(id: string, query?: CampaignRecipientsQuery, options?: RequestOptions): Promise<Page<CampaignRecipient>>;
  /**
   * The funnel and the opens and clicks per hour (or day).
   *
   * @example
   * const { funnel, series } = await crm.campaigns.report(campaign.id, { interval: 'day' });
   */
  report(id: string, query?: { interval?: 'hour' | 'day' }, options?: RequestOptions): Promise<CampaignReport>;
  /**
   * Response rates of every campaign sent to a segment, by channel and local send hour and by the members' lifecycle
   * stage, tags and select custom fields.
   *
   * @example
   * const { bySendHour, byAttribute } = await crm.campaigns.insights(segment.id);
   */
  insights(segmentId: string, options?: RequestOptions): Promise<CampaignInsights>;
  /**
   * Every recipient (optionally of one status) as a CSV file.
   *
   * @example
   * const csv = await crm.campaigns.exportRecipients(campaign.id, { status: 'optedOut' });
   * link.href = URL.createObjectURL(csv);
   */
  exportRecipients(id: string, query?: { status?: CampaignRecipientStatus }, options?: RequestOptions): Promise<Blob>;
}

/** The methods of campaigns beyond CRUD, which live in a chunk of their own (`campaign-methods.ts`). */
export type CampaignMethods = Omit<CampaignsClient, keyof ResourceClient<'campaigns'>>;
