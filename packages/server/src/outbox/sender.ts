import type { Consent } from '@crmkit/spec';
import { type ChannelAdapter, PermanentSendError } from '../channels/channel.js';
import { type ServerContext, type WriteContext, withWrite } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { errorText, type Job, settle } from '../queue/queue.js';
import { backoffMs, type QueueHandler } from '../queue/worker.js';
import { contactTimeZone, hasConsent, OUTBOX_QUEUE, quietUntil } from './outbox.js';

/** Attempts of a message before it is marked failed (about a day of backoff). */
const MAX_ATTEMPTS = 10;

/** A message the outbox has finished with: sent, suppressed (no consent at send time) or failed for good. */
export interface SettledMessage {
  id: string;
  channel: 'email' | 'sms';
  contactId: string | null;
  source: string;
  sourceId: string | null;
  subject: string | null;
  body: string;
  status: 'sent' | 'suppressed' | 'failed';
  error: string | null;
  /** Failed because the provider refused it for good (a rejected address: a bounce), not after retries. */
  refused: boolean;
}

/** Told of each settled message in the transaction that settles it (campaigns keep their recipients' funnel so). */
export type OutboxSettled = (w: WriteContext, message: SettledMessage) => Promise<void>;

interface MessageRow {
  id: string;
  workspace_id: string;
  channel: 'email' | 'sms';
  contact_id: string | null;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
  source: string;
  source_id: string | null;
  html: string | null;
  headers: Record<string, string> | null;
}

/**
 * Sends queued messages through the channel adapters. Right before each attempt it checks, in the database as it is
 * now: the contact's consent for the channel (a withdrawn consent suppresses the message: opt-out is honoured at
 * once), and the quiet hours in the contact's time zone (the message waits until they end). The provider gets the
 * message id as its idempotency key; the message is marked sent in the transaction that settles its job, where the
 * `onSettled` hooks see it.
 */
export function outboxSender(
  server: ServerContext,
  channels: readonly ChannelAdapter[],
  onSettled: readonly OutboxSettled[] = [],
): QueueHandler {
  const adapters = new Map(channels.map((c) => [c.channel, c]));
  const finish = async (
    job: Job,
    status: string,
    fields: { error?: string | null; providerId?: string | null; message?: MessageRow; refused?: boolean },
  ) => {
    const store = (tx: WriteContext['tx']) =>
      tx.query(
        `UPDATE outbox_messages SET status = $2, last_error = $3, provider_id = COALESCE($4, provider_id),
           sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END, updated_at = $5 WHERE id = $1`,
        [job.key, status, fields.error ?? null, fields.providerId ?? null, server.clock.now().toISOString()],
      );
    const m = fields.message;
    const ctx = m && onSettled.length > 0 ? await workspaceContext(server, m.workspace_id) : null;
    if (!m || !ctx) {
      await server.db.transaction(async (tx) => {
        await store(tx);
        await settle(tx, job, null);
      });
      return;
    }
    const settled: SettledMessage = {
      id: m.id,
      channel: m.channel,
      contactId: m.contact_id,
      source: m.source,
      sourceId: m.source_id,
      subject: m.subject,
      body: m.body,
      status: status as SettledMessage['status'],
      error: fields.error ?? null,
      refused: fields.refused ?? false,
    };
    await withWrite(ctx, async (w) => {
      await store(w.tx);
      for (const hook of onSettled) await hook(w, settled);
      await settle(w.tx, job, null);
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
        return finish(job, 'suppressed', { error: `no ${m.channel} consent at send time`, message: m });
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
        html: m.html,
        headers: m.headers,
      });
      await finish(job, 'sent', { providerId: sent.providerId, message: m });
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
      const { rows } = await server.db.query<MessageRow>('SELECT * FROM outbox_messages WHERE id = $1', [job.key]);
      const refused = error instanceof PermanentSendError;
      await finish(job, 'failed', { error: errorText(error), refused, ...(rows[0] ? { message: rows[0] } : {}) });
    },
  };
}
