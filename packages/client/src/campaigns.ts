import type { CampaignMethods, CampaignsClient, Download } from './campaign-types.js';
import { type Call, resourceClient } from './resources.js';

const DEFERRED: readonly (keyof CampaignMethods)[] = [
  'preview',
  'schedule',
  'cancel',
  'recipients',
  'report',
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
  let loading: Promise<CampaignMethods> | undefined;
  const load = () => (loading ??= import('./campaign-methods.js').then((m) => m.campaignMethods(call, download)));
  const methods = Object.fromEntries(
    DEFERRED.map((name) => [
      name,
      async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => Promise<unknown>)(...args),
    ]),
  ) as unknown as CampaignMethods;
  return { ...resourceClient(call, 'campaigns'), ...methods };
}
