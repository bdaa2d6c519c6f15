import type { WriteContext, WriteObserver } from '../core/context.js';
import type { WrittenEvent } from '../core/event-log.js';
import { newId } from '../core/ids.js';
import { enqueue } from '../queue/queue.js';

/** The queue of webhook deliveries: one job per delivery. */
export const WEBHOOK_QUEUE = 'webhook.deliver';

/** What a receiver gets: the change-feed event, as `GET /v1/events` sends it. */
export function eventPayload(e: WrittenEvent, actorId: string | null): Record<string, unknown> {
  return {
    id: e.id,
    type: e.type,
    resource: e.resource,
    resourceId: e.resourceId,
    occurredAt: e.occurredAt,
    actorId,
    data: e.data,
  };
}

/**
 * Queues one delivery of a message to a subscription, in `w`'s transaction; the same `messageId` for the same
 * subscription is one delivery however often it is queued (the receiver sees it as `webhook-id`).
 */
export async function queueDelivery(
  w: WriteContext,
  subscriptionId: string,
  messageId: string,
  eventType: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const id = newId('whd', w.now.getTime());
  const { rows } = await w.tx.query(
    `INSERT INTO webhook_deliveries (id, workspace_id, subscription_id, message_id, event_type, payload, status,
                                     next_attempt_at, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,'pending',$7,$7) ON CONFLICT (subscription_id, message_id) DO NOTHING RETURNING id`,
    [id, w.principal.workspaceId, subscriptionId, messageId, eventType, JSON.stringify(payload), w.now.toISOString()],
  );
  if (rows[0]) {
    const since = w.now.toISOString();
    const job = {
      queue: WEBHOOK_QUEUE,
      key: id,
      workspaceId: w.principal.workspaceId,
      runAt: w.now,
      payload: { since },
    };
    await enqueue(w.tx, job, w.now);
  }
}

/** In the transaction of each write: a delivery of each event to each enabled subscription that wants it. */
export const queueEventDeliveries: WriteObserver = async (w, events) => {
  const written = events.filter((e) => e.id !== null);
  if (written.length === 0) return;
  const { rows } = await w.tx.query<{ id: string; event_types: string[] }>(
    'SELECT id, event_types FROM webhook_subscriptions WHERE workspace_id = $1 AND enabled',
    [w.principal.workspaceId],
  );
  for (const sub of rows) {
    for (const e of written) {
      if (sub.event_types.length > 0 && !sub.event_types.includes(e.type)) continue;
      await queueDelivery(w, sub.id, `evt_${e.id}`, e.type, eventPayload(e, w.principal.userId));
    }
  }
};
