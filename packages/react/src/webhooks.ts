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

/** What {@link useSaveWebhookSubscription} saves: a new subscription, or changes to one (`id`) at a version. */
export type SaveWebhookVariables =
  | { id?: undefined; body: Schemas['WebhookSubscriptionCreate'] }
  | { id: string; body: Schemas['WebhookSubscriptionUpdate']; ifVersion?: number };

/**
 * Creates a webhook subscription — the answer holds its signing secret, shown this once — or updates one (URL, event
 * types, description, `enabled`; with `ifVersion`, a stale version fails with a `PreconditionFailedError`). The
 * subscription lists refresh.
 *
 * @example
 * const save = useSaveWebhookSubscription();
 * const created = await save.mutateAsync({ body: { url: 'https://example.com/hooks', eventTypes: ['deal.moved'] } });
 * if ('secret' in created) copy(created.secret);
 * save.mutate({ id: hook.id, body: { enabled: false }, ifVersion: hook.version });
 */
export function useSaveWebhookSubscription() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      vars: SaveWebhookVariables,
    ): Promise<Schemas['WebhookSubscriptionCreated'] | Schemas['WebhookSubscription']> =>
      vars.id === undefined
        ? client.webhookSubscriptions.create(vars.body)
        : client.webhookSubscriptions.update(vars.id, vars.body, { ifVersion: vars.ifVersion }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crmkit', 'webhook-subscriptions'] }),
  });
}

/**
 * Gives a subscription a new signing secret (shown this once); deliveries are also signed with the old one until
 * `previousSecretValidUntil`, so receivers can switch without losing any.
 *
 * @example
 * const rotate = useRotateWebhookSecret();
 * const { secret } = await rotate.mutateAsync(hook.id);
 */
export function useRotateWebhookSecret() {
  const { client } = useCrm();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.webhookSubscriptions.rotateSecret(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['crmkit', 'webhook-subscriptions'] }),
  });
}
