import type { CampaignMethods, CampaignsClient, Download } from './campaign-types.js';
import { deferredClients } from './deferred.js';
import { type Call, resourceClient } from './resources.js';

const DEFERRED: readonly (keyof CampaignMethods)[] = [
  'preview',
  'testSend',
  'schedule',
  'cancel',
  'recipients',
  'report',
  'insights',
  'exportRecipients',
];

/**
 * The campaigns methods over `call` (JSON) and `download` (the CSV): CRUD eagerly, the others from a chunk loaded on
 * the first call of one of them, so apps that never send campaigns never download them.
 *
 * @example
 * const campaigns = campaignsClient(call, download);
 * await campaigns.preview({ segmentId, channel: 'sms', template: 'Hi {{contact.firstName|there}}' });
 */
export function campaignsClient(call: Call, download: Download): CampaignsClient {
  const { campaigns } = deferredClients<{ campaigns: CampaignMethods }>(
    () => import('./campaign-methods.js').then((m) => ({ campaigns: m.campaignMethods(call, download) })),
    { campaigns: DEFERRED },
  );
  return { ...resourceClient(call, 'campaigns'), ...campaigns };
}
