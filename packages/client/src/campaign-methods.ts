import type { CampaignMethods, Download } from './campaign-types.js';
import type { Call } from './resources.js';

/**
 * The campaign methods beyond CRUD (see `campaignsClient`): loaded as a chunk of their own on first use.
 *
 * @example
 * const { preview } = campaignMethods(call, download);
 */
export function campaignMethods(call: Call, download: Download): CampaignMethods {
  const path = (id: string) => ({ path: { id } });
  return {
    preview: (request, options) => call('post', '/v1/campaigns/preview', options, {}, request),
    testSend: (request, options) => call('post', '/v1/campaigns/test', options, {}, request),
    schedule: (id, request = {}, options) => call('post', '/v1/campaigns/{id}/schedule', options, path(id), request),
    cancel: (id, options) => call('post', '/v1/campaigns/{id}/cancel', options, path(id)),
    recipients: (id, { count, ...query } = {}, options) =>
      call('get', '/v1/campaigns/{id}/recipients', options, {
        ...path(id),
        query: { ...query, ...(count ? { count: 'true' } : {}) },
      }),
    report: (id, query = {}, options) => call('get', '/v1/campaigns/{id}/report', options, { ...path(id), query }),
    insights: (segmentId, options) => call('get', '/v1/campaigns/insights', options, { query: { segmentId } }),
    exportRecipients: (id, query = {}, options) =>
      download('/v1/campaigns/{id}/recipients/export', options, { ...path(id), query }),
  };
}
