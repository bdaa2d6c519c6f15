import type { Consent } from '@crmkit/spec';
import { type ChannelAdapter, PermanentSendError } from '../channels/channel.js';
import type { ServerContext } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { errorText, type Job, settle } from '../queue/queue.js';
import { backoffMs, type QueueHandler } from '../queue/worker.js';
import { contactTimeZone, hasConsent, OUTBOX_QUEUE, quietUntil } from './outbox.js';

/** Attempts of a message before it is marked failed (about a day of backoff). */
const MAX_ATTEMPTS = 10;

interface MessageRow {
  id: string;
  workspace_id: string;
  channel: 'email' | 'sms';
  contact_id: string | null;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
}

/**
 * Sends queued messages through the channel adapters. Right before each attempt it checks, in the database as it is
 * now: the contact's consent for the channel (a withdrawn consent suppresses the message: opt-out is honoured at
 * once), and the quiet hours in the contact's time zone (the message waits until they end). The provider gets the
 * message id as its idempotency key; the message is marked sent in the transaction that settles its job.
 */
export function outboxSender(server: ServerContext, channels: readonly ChannelAdapter[]): QueueHandler {
  const adapters = new Map(channels.map((c) => [c.channel, c]));
  const finish = async (job: Job, status: string, fields: { error?: string | null; providerId?: string | null }) => {
    await server.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE outbox_messages SET status = $2, last_error = $3, provider_id = COALESCE($4, provider_id),
           sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END, updated_at = $5 WHERE id = $1`,
        [job.key, status, fields.error ?? null, fields.providerId ?? null, server.clock.now().toISOString()],
      );
      await settle(tx, job, null);
    });
  };
  return {
    queue: OUTBOX_QUEUE,
    async run(job) {
      const { rows } = await server.db.query<MessageRow & { consent: Consent | null; custom_fields: unknown }>(
        `WITH m AS (UPDATE outbox_messages SET attempts = attempts + 1, updated_at = $2 WHERE id = $1 RETURNING *)
         SELECT m.*, c.consent, c.custom_fields FROM m
           LEFT JOIN contacts c ON c.id = m.contact_id AND c.workspace_id = m.workspace_id`,
        [job.key, server.clock.now().toISOString()],
      );
      const m = rows[0];
      if (m?.status !== 'queued') return finish(job, m?.status ?? 'failed', {});
      const ctx = await workspaceContext(server, m.workspace_id);
      if (!ctx) return finish(job, 'failed', { error: 'workspace gone' });
      if (m.contact_id && !hasConsent(m.consent, m.channel)) {
        return finish(job, 'suppressed', { error: `no ${m.channel} consent at send time` });
      }
      const tz = contactTimeZone({ customFields: m.custom_fields }, ctx.principal.settings);
      const wait = quietUntil(server.clock.now(), ctx.principal.settings.messaging.quietHours, tz);
      if (wait) return server.db.transaction((tx) => settle(tx, job, wait));
      const adapter = adapters.get(m.channel);
      if (!adapter) throw new PermanentSendError(`no ${m.channel} channel is configured on this server`);
      const sent = await adapter.send({
        id: m.id,
        workspaceId: m.workspace_id,
        channel: m.channel,
        to: m.recipient,
        subject: m.subject,
        text: m.body,
      });
      await finish(job, 'sent', { providerId: sent.providerId });
    },
    retryAfterMs(job, error) {
      if (error instanceof PermanentSendError || job.attempt >= MAX_ATTEMPTS) return null;
      return backoffMs(job.attempt, 30_000, 4 * 3_600_000);
    },
    async onRetry(job, error) {
      await server.db.query('UPDATE outbox_messages SET last_error = $2, updated_at = $3 WHERE id = $1', [
        job.key,
        errorText(error),
        server.clock.now().toISOString(),
      ]);
    },
    async giveUp(job, error) {
      await finish(job, 'failed', { error: errorText(error) });
    },
  };
}
