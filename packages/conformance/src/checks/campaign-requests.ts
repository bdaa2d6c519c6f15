import type { RouteDef } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { type Exchange, query } from '../base/http.js';

const BASE = '/v1/campaigns';

/** A segment of this run's tagged contacts, deleted at the end of the run. */
async function segment(ctx: CheckContext): Promise<string> {
  const ex = await ctx.api.post('/v1/segments', {
    name: `conformance ${ctx.fixtures.token()}`,
    filter: { field: 'tags', op: 'in', value: [`cmp${ctx.fixtures.runTag}`] },
  });
  const id = (ex.body as { id?: string } | undefined)?.id;
  if (ex.status !== 201 || !id) ctx.abort(`POST /v1/segments answered ${ex.status}`, ex);
  ctx.fixtures.trackPath(`/v1/segments/${id}`);
  return id;
}

/** A valid draft body to a new segment. */
const campaignBody = async (ctx: CheckContext) => ({
  name: `conformance ${ctx.fixtures.token()}`,
  segmentId: await segment(ctx),
  channel: 'sms',
  template: 'Hi {{contact.firstName|there}}',
});

/** Creates a draft campaign that is deleted at the end of the run. */
async function campaign(ctx: CheckContext): Promise<string> {
  const ex = await ctx.api.post(BASE, await campaignBody(ctx));
  const id = (ex.body as { id?: string } | undefined)?.id;
  if (ex.status !== 201 || !id) ctx.abort(`POST ${BASE} answered ${ex.status}`, ex);
  ctx.fixtures.trackPath(`${BASE}/${id}`);
  return id;
}

/** One valid request of each operation of the `campaigns` capability; null for other routes. */
export async function campaignRequest(ctx: CheckContext, route: RouteDef): Promise<Exchange | null> {
  if (!route.path.startsWith(BASE)) return null;
  switch (route.operationId) {
    case 'listCampaigns':
      return ctx.api.get(`${BASE}${query({ limit: 5, count: 'true' })}`);
    case 'createCampaign': {
      const ex = await ctx.api.post(BASE, await campaignBody(ctx));
      const id = (ex.body as { id?: string } | undefined)?.id;
      if (id) ctx.fixtures.trackPath(`${BASE}/${id}`);
      return ex;
    }
    case 'getCampaign':
      return ctx.api.get(`${BASE}/${await campaign(ctx)}`);
    case 'updateCampaign':
      return ctx.api.patch(`${BASE}/${await campaign(ctx)}`, { name: `renamed ${ctx.fixtures.token()}` });
    case 'deleteCampaign':
      return ctx.api.delete(`${BASE}/${await campaign(ctx)}`);
    case 'searchCampaigns':
      return ctx.api.post(route.path, { q: 'conformance', limit: 5, count: true });
    case 'batchCampaigns': {
      const ex = await ctx.api.post(route.path, { operations: [{ op: 'create', data: await campaignBody(ctx) }] });
      const id = (ex.body as { results?: { data?: { id?: string } }[] } | undefined)?.results?.[0]?.data?.id;
      if (id) ctx.fixtures.trackPath(`${BASE}/${id}`);
      return ex;
    }
    case 'previewCampaign': {
      const { name: _name, ...content } = await campaignBody(ctx);
      return ctx.api.post(route.path, { ...content, sample: 3 });
    }
    case 'testCampaign': {
      const { name: _name, ...content } = await campaignBody(ctx);
      const contact = await ctx.fixtures.create('contacts', { firstName: 'Lan', emails: ['lan@example.test'] });
      return ctx.api.post(route.path, { ...content, channel: 'email', subject: 'Test', contactId: contact.id });
    }
    case 'getCampaignInsights':
      return ctx.api.get(`${route.path}${query({ segmentId: await segment(ctx) })}`);
    case 'scheduleCampaign': {
      const id = await campaign(ctx);
      const localTime = `${new Date().getUTCFullYear() + 2}-01-15T09:00`;
      const ex = await ctx.api.post(`${BASE}/${id}/schedule`, { schedule: { localTime, timeZone: 'workspace' } });
      await ctx.api.post(`${BASE}/${id}/cancel`, {});
      return ex;
    }
    case 'cancelCampaign': {
      const id = await campaign(ctx);
      await ctx.api.post(`${BASE}/${id}/schedule`, {
        schedule: { localTime: `${new Date().getUTCFullYear() + 2}-01-15T09:00`, timeZone: 'workspace' },
      });
      return ctx.api.post(`${BASE}/${id}/cancel`, {});
    }
    case 'listCampaignRecipients':
      return ctx.api.get(`${BASE}/${await campaign(ctx)}/recipients${query({ limit: 5, count: 'true' })}`);
    case 'exportCampaignRecipients':
      return ctx.api.get(`${BASE}/${await campaign(ctx)}/recipients/export`);
    case 'getCampaignReport':
      return ctx.api.get(`${BASE}/${await campaign(ctx)}/report${query({ interval: 'day' })}`);
    default:
      return null;
  }
}
