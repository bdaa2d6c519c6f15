import { Webhook } from 'standardwebhooks';
import { type ServerContext, withWrite } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { notifyUser } from '../notifications/notify.js';
import { errorText, type Job, settle } from '../queue/queue.js';
import { backoffMs, type QueueHandler } from '../queue/worker.js';
import { WEBHOOK_QUEUE } from './deliveries.js';

/** How long a delivery is retried before it fails and its subscription is switched off. */
export const RETRY_WINDOW_MS = 24 * 3_600_000;

interface DeliveryRow {
  id: string;
  workspace_id: string;
  subscription_id: string;
  message_id: string;
  event_type: string;
  payload: unknown;
  status: string;
  created_at: string;
  url: string;
  enabled: boolean;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
}

/** The `webhook-signature` header: `v1,<sig>` with the secret, and with the previous one while it is still valid. */
export function signatures(row: DeliveryRow, messageId: string, at: Date, body: string): string {
  const secrets = [row.secret];
  if (row.previous_secret && row.previous_secret_until && Date.parse(row.previous_secret_until) > at.getTime()) {
    secrets.push(row.previous_secret);
  }
  return secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(' ');
}

class DeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

/**
 * Delivers webhooks: `POST` of the event as JSON, signed per the Standard Webhooks spec (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`, with the `standardwebhooks` library). A 2xx answer is delivered; anything
 * else is retried with exponential backoff and jitter for 24 hours, then the delivery fails, the subscription is
 * switched off and `webhook_subscription.disabled` goes out (and the workspace's admins are told).
 */
export function webhookSender(server: ServerContext, fetcher: typeof fetch = fetch): QueueHandler {
  const load = async (id: string) => {
    const { rows } = await server.db.query<DeliveryRow>(
      `SELECT d.*, s.url, s.enabled, s.secret, s.previous_secret, s.previous_secret_until
         FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  };
  const record = async (job: Job, fields: Record<string, unknown>, next: Date | null) => {
    await server.db.transaction(async (tx) => {
      const keys = Object.keys(fields);
      await tx.query(
        `UPDATE webhook_deliveries SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`,
        [job.key, ...Object.values(fields)],
      );
      await settle(tx, job, next);
    });
  };
  return {
    queue: WEBHOOK_QUEUE,
    async run(job) {
      const d = await load(job.key);
      if (d?.status !== 'pending') return server.db.transaction((tx) => settle(tx, job, null));
      if (!d.enabled) {
        return record(
          job,
          { status: 'failed', last_error: 'the subscription is disabled', next_attempt_at: null },
          null,
        );
      }
      const at = server.clock.now();
      const body = JSON.stringify(d.payload);
      const res = await fetcher(d.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'crmkit-webhooks/1',
          'webhook-id': d.message_id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signatures(d, d.message_id, at, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      }).catch((e: unknown) => {
        throw new DeliveryError(errorText(e), null);
      });
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status >= 300) throw new DeliveryError(`receiver answered ${res.status}`, res.status);
      await record(
        job,
        {
          status: 'delivered',
          attempts: job.attempt,
          last_status_code: res.status,
          last_error: null,
          next_attempt_at: null,
          delivered_at: at.toISOString(),
        },
        null,
      );
    },
    retryAfterMs(job) {
      const since = Date.parse(String(job.payload.since ?? job.runAt));
      return server.clock.now().getTime() - since >= RETRY_WINDOW_MS
        ? null
        : backoffMs(job.attempt, 10_000, 2 * 3_600_000);
    },
    async onRetry(job, error, next) {
      await server.db.query(
        'UPDATE webhook_deliveries SET attempts = $2, last_status_code = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1',
        [
          job.key,
          job.attempt,
          error instanceof DeliveryError ? error.statusCode : null,
          errorText(error),
          next.toISOString(),
        ],
      );
    },
    async giveUp(job, error) {
      await giveUpDelivery(server, job, error);
    },
  };
}

/** The delivery failed for good: marks it, switches its subscription off, tells the feed and the admins. */
async function giveUpDelivery(server: ServerContext, job: Job, error: unknown): Promise<void> {
  const ctx = job.workspaceId ? await workspaceContext(server, job.workspaceId) : null;
  if (!ctx) return server.db.transaction((tx) => settle(tx, job, null));
  await withWrite(ctx, async (w) => {
    const { rows } = await w.tx.query<{ subscription_id: string }>(
      `UPDATE webhook_deliveries SET status = 'failed', attempts = $2, last_status_code = $3, last_error = $4,
         next_attempt_at = NULL WHERE id = $1 RETURNING subscription_id`,
      [job.key, job.attempt, error instanceof DeliveryError ? error.statusCode : null, errorText(error)],
    );
    await settle(w.tx, job, null);
    const subscriptionId = rows[0]?.subscription_id;
    if (!subscriptionId) return;
    const reason = `Switched off after failing for 24 hours: ${errorText(error)}`.slice(0, 500);
    const { rows: off } = await w.tx.query(
      `UPDATE webhook_subscriptions SET enabled = false, disabled_reason = $3, version = version + 1, updated_at = $4
        WHERE workspace_id = $1 AND id = $2 AND enabled RETURNING id, url, event_types, description, version`,
      [w.principal.workspaceId, subscriptionId, reason, w.now.toISOString()],
    );
    if (!off[0]) return;
    w.emit({
      type: 'webhook_subscription.disabled',
      resource: 'webhook-subscriptions',
      resourceId: subscriptionId,
      data: { id: subscriptionId, url: off[0].url, enabled: false, disabledReason: reason, version: off[0].version },
    });
    const { rows: admins } = await w.tx.query<{ id: string }>(
      "SELECT id FROM users WHERE workspace_id = $1 AND role IN ('owner', 'admin')",
      [w.principal.workspaceId],
    );
    for (const admin of admins) {
      await notifyUser(w, {
        userId: admin.id,
        kind: 'webhook_disabled',
        title: `Webhook switched off: ${off[0].url as string}`.slice(0, 300),
        body: reason,
        resource: 'webhook-subscriptions',
        resourceId: subscriptionId,
        dedupeKey: `webhook-disabled:${subscriptionId}:${w.now.toISOString()}`,
      });
    }
  });
}
