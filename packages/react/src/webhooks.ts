import type { DeliveryQuery, ListQuery, Schemas } from '@crmkit/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { usePages } from './pages.js';
import { useCrm } from './provider.js';

/**
 * The workspace's webhook subscriptions (capability `webhooks`), newest first: where a rule's "call a webhook" step
 * delivers.
 *
 * @example
 * const { items: hooks } = useWebhookSubscriptions({ filter: { enabled: true } });
 * hooks.map((h) => h.url);
 */
export function useWebhookSubscriptions(query: ListQuery<Schemas['WebhookSubscription']> = {}) {
  const { client } = useCrm();
  return usePages(['crmkit', 'webhook-subscriptions', 'list', query], (cursor) =>
    client.webhookSubscriptions.list({ ...query, ...(cursor ? { cursor } : {}) }),
  );
}

/**
 * The webhook delivery log, newest first: by subscription, event type and status (each delivery with its attempts
 * and the receiver's last answer).
 *
 * @example
 * const { items: failed } = useWebhookDeliveries({ subscriptionId: hook.id, status: 'failed' });
 */
export function useWebhookDeliveries(query: DeliveryQuery = {}) {
  const { client } = useCrm();
  return usePages(['crmkit', 'webhook-deliveries', 'list', query], (cursor) =>
    client.webhookDeliveries.list({ ...query, ...(cursor ? { cursor } : {}) }),
  );
}

/**
 * Delivers an event again now, with the same `webhook-id` (receivers dedupe on it); the delivery log refreshes.
 *
 * @example
 * const replay = useReplayDelivery();
 * replay.mutate(delivery.id);
 */
export function useReplayDelivery() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.webhookDeliveries.replay(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crmkit', 'webhook-deliveries'] }),
  });
}
