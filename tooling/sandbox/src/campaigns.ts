import type { CrmClient } from '@crmkit/client';
import {
  type ChannelAdapter,
  type Clock,
  type CrmServer,
  createCrmServer,
  type Database,
  type OutboundMessage,
} from '@crmkit/server';

/** What the campaign helpers use of a sandbox (`startSandbox`'s result). */
export interface CampaignSandbox {
  db: Database;
  clock: Clock;
  server: CrmServer;
  baseUrl: string;
  client(): CrmClient;
}

/** The most rounds of due work {@link sendCampaign} runs. */
const MAX_TICKS = 20;

/**
 * Sends a scheduled campaign of a sandbox the way a server with channels would: a sending process on the sandbox's
 * database (a second server, as after a restart), with an e-mail and an SMS channel that keep each message instead
 * of handing it to a provider — a browser page reaches no SMTP server, and the provider is outside the project.
 * Tracking links point at the sandbox (`sandbox.baseUrl`), so {@link respondToCampaign} can follow them.
 *
 * Runs the due work until the campaign is no longer sending (every recipient sent or skipped), or, throttled, until
 * nothing more is due now. @returns the messages sent, in order
 *
 * @example
 * await crm.campaigns.schedule(campaign.id);
 * const [first] = await sendCampaign(sandbox, campaign.id);
 * await respondToCampaign(sandbox, first, 'click');
 */
export async function sendCampaign(sandbox: CampaignSandbox, campaignId: string): Promise<OutboundMessage[]> {
  const sent: OutboundMessage[] = [];
  const keep = (channel: ChannelAdapter['channel']): ChannelAdapter => ({
    channel,
    send: async (message) => {
      sent.push(message);
      return { providerId: `sandbox-${sent.length}` };
    },
  });
  const sender = await createCrmServer({
    db: sandbox.db,
    clock: sandbox.clock,
    automation: { channels: [keep('email'), keep('sms')], campaigns: { publicUrl: sandbox.baseUrl } },
  });
  const admin = sandbox.client();
  let idle = 0;
  for (let i = 0; i < MAX_TICKS && idle < 2; i++) {
    const before = sent.length;
    await sender.automation.tick();
    const { status } = await admin.campaigns.get(campaignId);
    if (status !== 'scheduled' && status !== 'sending') break;
    idle = sent.length === before ? idle + 1 : 0;
  }
  return sent;
}

/**
 * A recipient's response to an e-mail {@link sendCampaign} sent, through the message's own signed tracking links:
 * `open` loads its tracking pixel, `click` follows its first tracked link (which counts as an open too).
 *
 * @example
 * await respondToCampaign(sandbox, message, 'open');
 */
export async function respondToCampaign(
  sandbox: CampaignSandbox,
  message: OutboundMessage,
  response: 'open' | 'click',
): Promise<void> {
  const pattern = response === 'open' ? /src="([^"]+\/t\/o\/[^"]+)"/ : /href="([^"]+\/t\/c\/[^"]+)"/;
  const url = pattern.exec(message.html ?? '')?.[1]?.replaceAll('&amp;', '&');
  if (!url) throw new Error(`The message to ${message.to} has no tracked ${response === 'open' ? 'pixel' : 'link'}`);
  const res = await sandbox.server.fetch(new Request(url, { redirect: 'manual' }));
  if (res.status >= 400) throw new Error(`Following ${url} failed with ${res.status}`);
}
