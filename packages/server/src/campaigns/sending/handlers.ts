import { type ServerContext, type WriteContext, withWrite } from '../../core/context.js';
import { workspaceContext } from '../../core/system.js';
import type { OutboxSettled } from '../../outbox/sender.js';
import { type Job, settle } from '../../queue/queue.js';
import { backoffMs, type QueueHandler } from '../../queue/worker.js';
import { getRecord } from '../../resources/engine.js';
import { logSystemActivity } from '../../timeline/system.js';
import { CAMPAIGN_START_QUEUE } from '../lifecycle.js';
import { linkSigner } from '../links.js';
import { campaignResource } from '../resource.js';
import { completeIfDone, dispatchDue } from './dispatch.js';
import { CAMPAIGN_DISPATCH_QUEUE, freezeAudience } from './start.js';

/** Options of campaign sending. */
export interface CampaignSendingOptions {
  /**
   * The URL recipients' mail clients reach this server at (`https://crm.example.com`): tracking pixel, click
   * redirects and the one-click unsubscribe link (and `List-Unsubscribe`) point under it. Without it, e-mails go
   * out untracked and without an unsubscribe link.
   */
  publicUrl?: string;
}

/** Runs `fn` on a job's campaign, locked, in one write that also settles the job (`fn` says when to run again). */
function campaignJob(server: ServerContext, queue: string, fn: (w: WriteContext, job: Job) => Promise<Date | null>) {
  const handler: QueueHandler = {
    queue,
    async run(job) {
      const ctx = job.workspaceId ? await workspaceContext(server, job.workspaceId) : null;
      if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
      await withWrite(ctx, async (w) => settle(w.tx, job, await fn(w, job)));
    },
    retryAfterMs: (job) => (job.attempt >= 10 ? null : backoffMs(job.attempt, 30_000, 3_600_000)),
    async giveUp(job) {
      await server.db.transaction((tx) => settle(tx, job, null));
    },
  };
  return handler;
}

/**
 * The queue handlers of campaign sending: `campaign.start` freezes a scheduled campaign's audience at its
 * `scheduledAt`; `campaign.dispatch` queues the due recipients' messages in the outbox, then waits for the next due
 * ones (time zones, throttle). Both are durable jobs: after a restart they go on where they were, and the outbox's
 * dedupe keys keep each recipient to one message.
 */
export function campaignHandlers(server: ServerContext, options: CampaignSendingOptions = {}): QueueHandler[] {
  return [
    campaignJob(server, CAMPAIGN_START_QUEUE, async (w, job) => {
      const campaign = await getRecord(w, campaignResource, job.key, w.tx, true).catch(() => null);
      if (campaign?.status === 'scheduled') await freezeAudience(w, campaign);
      return null;
    }),
    campaignJob(server, CAMPAIGN_DISPATCH_QUEUE, async (w, job) => {
      const campaign = await getRecord(w, campaignResource, job.key, w.tx, true).catch(() => null);
      if (campaign?.status !== 'sending') return null;
      const signer = await linkSigner(w.tx, w.principal.workspaceId);
      const next = await dispatchDue(w, campaign, { publicUrl: options.publicUrl ?? null, signer });
      if (next === null) await completeIfDone(w, campaign);
      return next;
    }),
  ];
}

/**
 * Keeps a campaign recipient's funnel as the outbox settles their message: `sent` (with an outbound e-mail or SMS
 * activity on the contact's timeline), `skipped` as opted out when consent was withdrawn before it went, `bounced`
 * when the provider refused the address, else `failed`; the campaign is `sent` once nothing is left to send.
 */
export const campaignMessageSettled: OutboxSettled = async (w, message) => {
  if (message.source !== 'campaign' || !message.sourceId) return;
  const at = w.now.toISOString();
  const change =
    message.status === 'sent'
      ? { sql: `status = 'sent', sent_at = $2`, params: [at] }
      : message.status === 'suppressed'
        ? { sql: `status = 'skipped', skip_reason = 'optedOut'`, params: [] }
        : message.refused
          ? {
              sql: `status = 'bounced', bounced_at = $2, sent_at = COALESCE(sent_at, $2), error = $3`,
              params: [at, message.error],
            }
          : { sql: `status = 'failed', error = $2`, params: [message.error] };
  const { rows } = await w.tx.query<{ contact_id: string }>(
    `UPDATE campaign_recipients SET ${change.sql} WHERE message_id = $1 AND status = 'queued' RETURNING contact_id`,
    [message.id, ...change.params],
  );
  const campaign = await getRecord(w, campaignResource, message.sourceId, w.tx, true).catch(() => null);
  if (!campaign) return;
  if (rows[0] && message.status === 'sent') {
    await logSystemActivity(w, {
      type: message.channel,
      direction: 'outbound',
      subject: message.subject ?? `Campaign: ${String(campaign.name)}`,
      body: message.body.slice(0, 10_000),
      contactId: rows[0].contact_id,
    });
  }
  await completeIfDone(w, campaign);
};
