import {
  CampaignInsightsQuery,
  CampaignPreviewRequest,
  CampaignRecipientsQuery,
  CampaignReportQuery,
  CampaignScheduleRequest,
  CampaignTestRequest,
} from '@crmkit/spec';
import type { Context, Hono } from 'hono';
import type { ChannelAdapter } from '../channels/channel.js';
import { withWrite } from '../core/context.js';
import { readBody } from '../http/body.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { ifMatchVersion } from '../http/etag.js';
import { parseOrThrow } from '../http/problem.js';
import { registerCrudRoutes, sendRecord } from '../resources/crud-routes.js';
import { authorize, getRecord } from '../resources/engine.js';
import { recipientsCsv } from './export.js';
import { campaignInsights } from './insights.js';
import { cancelCampaign, scheduleCampaign } from './lifecycle.js';
import { previewCampaign } from './preview.js';
import { campaignReport, listRecipients } from './recipients.js';
import { campaignResource } from './resource.js';
import { sendCampaignTest } from './test-send.js';

/** The campaign of the path, which the caller may read (a 404 problem when there is none). */
async function readableCampaign(c: Context<AppEnv>) {
  const ctx = c.get('ctx');
  authorize(ctx, campaignResource, 'read');
  return { ctx, campaign: await getRecord(ctx, campaignResource, c.req.param('id')!) };
}

/**
 * Campaigns: CRUD of drafts, preview, test send (through `channels`), schedule, cancel, and the recipients and report
 * of a sent one.
 */
export function registerCampaignRoutes(app: Hono<AppEnv>, channels: readonly ChannelAdapter[] = []): void {
  gateCapability(app, 'campaigns', ['/v1/campaigns']);

  app.post('/v1/campaigns/preview', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, campaignResource, 'read');
    const body = await readBody(c, CampaignPreviewRequest);
    return c.json(await previewCampaign(ctx, body));
  });

  app.post('/v1/campaigns/test', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, campaignResource, 'update');
    const body = await readBody(c, CampaignTestRequest);
    return c.json(await sendCampaignTest(ctx, channels, body));
  });

  app.get('/v1/campaigns/insights', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, campaignResource, 'read');
    const { segmentId } = parseOrThrow(CampaignInsightsQuery, c.req.query());
    return c.json(await campaignInsights(ctx, segmentId));
  });

  app.post('/v1/campaigns/:id/schedule', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, campaignResource, 'update');
    const body = await readBody(c, CampaignScheduleRequest);
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    return sendRecord(c, await withWrite(ctx, (w) => scheduleCampaign(w, c.req.param('id'), body, ifVersion)));
  });

  app.post('/v1/campaigns/:id/cancel', async (c) => {
    const ctx = c.get('ctx');
    authorize(ctx, campaignResource, 'update');
    const ifVersion = ifMatchVersion(c, ctx.capabilities.etags);
    return sendRecord(c, await withWrite(ctx, (w) => cancelCampaign(w, c.req.param('id'), ifVersion)));
  });

  app.get('/v1/campaigns/:id/recipients', async (c) => {
    const { ctx, campaign } = await readableCampaign(c);
    const query = parseOrThrow(CampaignRecipientsQuery, c.req.query());
    return c.json(await listRecipients(ctx, campaign.id, { ...query, count: query.count === 'true' }));
  });

  app.get('/v1/campaigns/:id/recipients/export', async (c) => {
    const { ctx, campaign } = await readableCampaign(c);
    const { status } = parseOrThrow(CampaignRecipientsQuery.pick({ status: true }), c.req.query());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="campaign-${campaign.id}-recipients.csv"`);
    return c.body(recipientsCsv(ctx, campaign.id, status));
  });

  app.get('/v1/campaigns/:id/report', async (c) => {
    const { ctx, campaign } = await readableCampaign(c);
    const { interval } = parseOrThrow(CampaignReportQuery, c.req.query());
    return c.json(await campaignReport(ctx, campaign.id, interval ?? 'hour'));
  });

  registerCrudRoutes(app, campaignResource);
}
