import { z } from 'zod';
import { Id, pageOf, Timestamp } from '../base/primitives.js';
import { named } from '../base/registry.js';
import { CampaignChannel, CampaignSchedule, CampaignStats } from '../entities/marketing.js';
import { campaigns } from './resources.js';
import { crudRoutes, IdParams, ListQuery, ok, type RouteDef } from './route-kit.js';

/** Where a recipient is: the furthest step their message reached, or why it did not go. */
export const CampaignRecipientStatus = z.enum([
  'pending',
  'skipped',
  'queued',
  'sent',
  'delivered',
  'bounced',
  'opened',
  'clicked',
  'replied',
  'converted',
  'optedOut',
  'failed',
  'cancelled',
]);
export type CampaignRecipientStatus = z.infer<typeof CampaignRecipientStatus>;

/** Why a recipient was skipped. */
export const CampaignSkipReason = z.enum(['noConsent', 'noAddress', 'optedOut']);
export type CampaignSkipReason = z.infer<typeof CampaignSkipReason>;

/** One contact of a campaign's frozen audience, with when each step of their funnel happened. */
export const CampaignRecipient = named(
  'CampaignRecipient',
  z.object({
    id: Id,
    campaignId: Id,
    contactId: Id,
    name: z.string().max(400).describe("The contact's name when the audience was frozen."),
    address: z.string().max(320).nullable().describe('The e-mail address or E.164 number messaged.'),
    status: CampaignRecipientStatus,
    skipReason: CampaignSkipReason.nullable(),
    sendAt: Timestamp.describe('When the message is due (time zone and throttle applied).'),
    sentAt: Timestamp.nullable(),
    deliveredAt: Timestamp.nullable(),
    bouncedAt: Timestamp.nullable(),
    openedAt: Timestamp.nullable(),
    clickedAt: Timestamp.nullable(),
    repliedAt: Timestamp.nullable(),
    convertedAt: Timestamp.nullable(),
    optedOutAt: Timestamp.nullable(),
    error: z.string().max(1000).nullable(),
  }),
);
export type CampaignRecipient = z.infer<typeof CampaignRecipient>;

export const CampaignRecipientPage = pageOf('CampaignRecipientPage', CampaignRecipient);

/** Query of `GET /v1/campaigns/{id}/recipients`. */
export const CampaignRecipientsQuery = ListQuery.pick({ limit: true, cursor: true, count: true }).extend({
  status: CampaignRecipientStatus.optional().describe('Only recipients in this status.'),
});

/** Most recipients a preview renders. */
export const CAMPAIGN_PREVIEW_LIMIT = 20;

/** Body of `POST /v1/campaigns/preview`: a campaign's content (saved or not) rendered for real recipients. */
export const CampaignPreviewRequest = named(
  'CampaignPreviewRequest',
  z.strictObject({
    segmentId: Id,
    channel: CampaignChannel,
    subject: z.string().max(300).nullable().optional(),
    template: z.string().min(1).max(50_000),
    contactId: Id.optional().describe('Render for this contact (a member of the segment or not) instead of a sample.'),
    sample: z
      .int()
      .min(1)
      .max(CAMPAIGN_PREVIEW_LIMIT)
      .optional()
      .describe('How many of the segment’s first members to render (default 3).'),
  }),
);
export type CampaignPreviewRequest = z.infer<typeof CampaignPreviewRequest>;

/** A campaign's message as one recipient would get it. */
export const CampaignRendered = named(
  'CampaignRendered',
  z.object({
    contactId: Id,
    name: z.string().max(400),
    address: z.string().max(320).nullable().describe('Null: the contact has no address on the channel.'),
    consent: z.boolean().describe('Whether the contact agreed to messages on the channel (else they are skipped).'),
    subject: z.string().max(300).nullable(),
    text: z.string().max(200_000),
    html: z.string().max(400_000).nullable().describe('E-mail only: the HTML part (every value escaped).'),
    fallbacks: z
      .array(z.string().max(200))
      .max(100)
      .describe('Placeholders whose value was missing, so their fallback (or nothing) was used.'),
  }),
);
export type CampaignRendered = z.infer<typeof CampaignRendered>;

export const CampaignPreview = named(
  'CampaignPreview',
  z.object({ items: z.array(CampaignRendered).max(CAMPAIGN_PREVIEW_LIMIT) }),
);
export type CampaignPreview = z.infer<typeof CampaignPreview>;

/**
 * Body of `POST /v1/campaigns/test`: a campaign's content (saved or not) rendered for one real recipient — `contactId`,
 * else the segment's first member — and sent to the calling user themself.
 */
export const CampaignTestRequest = named(
  'CampaignTestRequest',
  CampaignPreviewRequest.omit({ sample: true }).extend({
    contactId: Id.optional().describe('Render for this contact instead of the segment’s first member.'),
  }),
);
export type CampaignTestRequest = z.infer<typeof CampaignTestRequest>;

/** Prefix of a test message's subject (e-mail) or text (SMS), so it is never taken for the real one. */
export const CAMPAIGN_TEST_PREFIX = '[Test] ';

/** What a test send sent: to whom, rendered for which contact, and when. */
export const CampaignTestResult = named(
  'CampaignTestResult',
  z.object({
    channel: CampaignChannel,
    to: z.string().max(320).describe("The calling user's own e-mail address (or phone) the message went to."),
    contactId: Id.describe('The contact the message was rendered for.'),
    name: z.string().max(400).describe("That contact's name."),
    subject: z.string().max(320).nullable().describe('The subject as sent, with its test prefix (e-mail).'),
    sentAt: Timestamp,
  }),
);
export type CampaignTestResult = z.infer<typeof CampaignTestResult>;

/** Body of `POST /v1/campaigns/{id}/schedule`: optionally a new schedule and throttle, then the campaign goes. */
export const CampaignScheduleRequest = named(
  'CampaignScheduleRequest',
  z.strictObject({
    schedule: CampaignSchedule.nullable().optional().describe('Null: now. Absent: the campaign’s own schedule.'),
    throttlePerHour: z.int().min(1).max(1_000_000).nullable().optional(),
  }),
);
export type CampaignScheduleRequest = z.infer<typeof CampaignScheduleRequest>;

/** Query of `GET /v1/campaigns/{id}/report`. */
export const CampaignReportQuery = z.object({
  interval: z.enum(['hour', 'day']).optional().describe('Bucket of the time series (default `hour`).'),
});

/** A campaign's funnel and the opens and clicks over time. */
export const CampaignReport = named(
  'CampaignReport',
  z.object({
    campaignId: Id,
    funnel: CampaignStats,
    interval: z.enum(['hour', 'day']),
    series: z
      .array(z.object({ at: Timestamp.describe('Start of the bucket.'), opened: z.int(), clicked: z.int() }))
      .max(2000)
      .describe('First opens and clicks per bucket, in the workspace’s time zone for days.'),
  }),
);
export type CampaignReport = z.infer<typeof CampaignReport>;

/** Query of `GET /v1/campaigns/insights`. */
export const CampaignInsightsQuery = z.object({
  segmentId: Id.describe('The segment whose campaigns are compared.'),
});

/** Counts and rates of one group of sent messages. */
const ResponseCounts = {
  sent: z.int().min(0),
  opened: z.int().min(0),
  responded: z.int().min(0).describe('Clicked, replied or converted.'),
  responseRate: z.number().min(0).max(1).describe('`responded / sent` (0 when nothing was sent).'),
};

/**
 * How the recipients of a segment's campaigns responded, to aim the next one: by channel and local send hour, and by
 * the attributes the segment's members have now (lifecycle stage, each tag, each select custom field) — counts and
 * rates, no model.
 */
export const CampaignInsights = named(
  'CampaignInsights',
  z.object({
    segmentId: Id,
    campaigns: z.int().min(0).describe('Campaigns of the segment that have sent messages.'),
    bySendHour: z
      .array(z.object({ channel: CampaignChannel, hour: z.int().min(0).max(23), ...ResponseCounts }))
      .max(48)
      .describe("By channel and the hour of the day the message was sent, in the recipient's time zone."),
    byAttribute: z
      .array(
        z.object({
          attribute: z.string().max(120).describe('`lifecycleStage`, `tags` or `customFields.<key>` (a select).'),
          value: z.string().max(200).nullable(),
          ...ResponseCounts,
        }),
      )
      .max(1000)
      .describe('By attribute value, most messages first (at most 20 values per attribute).'),
  }),
);
export type CampaignInsights = z.infer<typeof CampaignInsights>;

const common = { tag: 'Campaigns', auth: true, capability: 'campaigns' } as const;

/** The operations of the `campaigns` capability. */
export const campaignRoutes: RouteDef[] = [
  ...crudRoutes(campaigns, 'campaigns').map((r) =>
    (r.method === 'post' && r.path === '/v1/campaigns') || r.method === 'patch' ? { ...r, unprocessable: true } : r,
  ),
  {
    ...common,
    method: 'post',
    path: '/v1/campaigns/preview',
    operationId: 'previewCampaign',
    summary: 'Render a campaign for real recipients',
    description:
      'The subject and message (text, and HTML for e-mail) as the first `sample` members of the segment — or the contact `contactId` — would get them, with which placeholders fell back. Nothing is written or sent.',
    body: CampaignPreviewRequest,
    unprocessable: true,
    responses: { 200: ok(CampaignPreview) },
  },
  {
    ...common,
    method: 'post',
    path: '/v1/campaigns/test',
    operationId: 'testCampaign',
    summary: 'Send a campaign to yourself as a test',
    description:
      'Renders the content (saved or not) for one real recipient — `contactId`, else the first member of the segment — and sends it at once through the server’s channel to the calling user’s own address, marked as a test (`[Test] ` before the subject, or the SMS text, and an `X-Crmkit-Test` header). No recipient, funnel count or consent changes. Needs the right to edit campaigns. A caller without an address on the channel (an API key of no user, an SMS to a user with no phone), a server with no adapter for the channel or a segment with no member is a 422; a provider that refuses the message is a 502.',
    body: CampaignTestRequest,
    unprocessable: true,
    upstream: true,
    responses: { 200: ok(CampaignTestResult) },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/campaigns/insights',
    operationId: 'getCampaignInsights',
    summary: "Response rates of a segment's campaigns",
    description:
      "Across every campaign sent to the segment: messages sent, opened and responded to (clicked, replied, converted) and the response rate by channel and local send hour, and by the members' lifecycle stage, tags and select custom fields.",
    query: CampaignInsightsQuery,
    responses: { 200: ok(CampaignInsights) },
  },
  {
    ...common,
    method: 'post',
    path: '/v1/campaigns/{id}/schedule',
    operationId: 'scheduleCampaign',
    summary: 'Schedule a draft campaign',
    description:
      'Moves a draft to `scheduled`: it starts sending at its schedule (now when it has none), freezing the audience then. A campaign that is not a draft is a 409; a template or subject that cannot be sent is a 422.',
    params: IdParams,
    headers: ['If-Match'],
    body: CampaignScheduleRequest,
    unprocessable: true,
    responses: { 200: ok(campaigns.schema, 'Scheduled', ['ETag']) },
  },
  {
    ...common,
    method: 'post',
    path: '/v1/campaigns/{id}/cancel',
    operationId: 'cancelCampaign',
    summary: 'Cancel a scheduled or sending campaign',
    description:
      'Nothing more is sent: recipients still pending become `cancelled` and their queued messages are withdrawn. Messages already handed to the channel stay sent. A draft, sent or cancelled campaign is a 409.',
    params: IdParams,
    headers: ['If-Match'],
    responses: { 200: ok(campaigns.schema, 'Cancelled', ['ETag']) },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/campaigns/{id}/recipients',
    operationId: 'listCampaignRecipients',
    summary: "A page of a campaign's recipients",
    description: 'The frozen audience in the order it was frozen, optionally of one status.',
    params: IdParams,
    query: CampaignRecipientsQuery,
    responses: { 200: ok(CampaignRecipientPage) },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/campaigns/{id}/recipients/export',
    operationId: 'exportCampaignRecipients',
    summary: "A campaign's recipients as CSV",
    description:
      "Every recipient (optionally of one status) as RFC 4180 CSV with a header line, in the order they were frozen; UTF-8 with a byte-order mark so spreadsheets read Vietnamese and Thai names. A value a spreadsheet would take for a formula is prefixed with `'`.",
    params: IdParams,
    query: CampaignRecipientsQuery.pick({ status: true }),
    responses: { 200: { description: 'CSV', schema: z.string().max(100_000_000), contentType: 'text/csv' } },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/campaigns/{id}/report',
    operationId: 'getCampaignReport',
    summary: "A campaign's funnel and its opens and clicks over time",
    params: IdParams,
    query: CampaignReportQuery,
    responses: { 200: ok(CampaignReport) },
  },
];
