import type { Schemas } from '@crmkit/client';
import { useFormat, useReplayDelivery, useWebhookDeliveries } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { Badge, type BadgeProps } from '../../primitives/Badge.js';
import { Button } from '../../primitives/Button.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { FilterButtons } from '../shared/lists/FilterButtons.js';
import { LoadMore } from '../shared/lists/LoadMore.js';

type Delivery = Schemas['WebhookDelivery'];
type Subscription = Schemas['WebhookSubscription'];

/** The log's status filter, all first. */
const STATUSES = ['all', 'failed', 'pending', 'delivered'] as const;
type Status = (typeof STATUSES)[number];

/** How often a log with pending deliveries asks again (the server retries them in the background). */
const PENDING_POLL_MS = 5_000;

/** The colour of each delivery status (its text says it too). */
export const DELIVERY_TONES: Record<Delivery['status'], BadgeProps['tone']> = {
  pending: 'primary',
  delivered: 'success',
  failed: 'danger',
};

function DeliveryRow({ delivery, canReplay, enabled }: { delivery: Delivery; canReplay: boolean; enabled: boolean }) {
  const t = useT();
  const f = useFormat();
  const id = useId();
  const announce = useAnnounce();
  const replay = useReplayDelivery();
  const date = f.dateTime(delivery.createdAt, 'short');
  return (
    <li className="crm-wh-delivery" aria-labelledby={`${id}-event`}>
      <div className="crm-wh-delivery-line">
        <code id={`${id}-event`}>{delivery.eventType}</code>
        <time dateTime={delivery.createdAt}>{date}</time>
        <Badge tone={DELIVERY_TONES[delivery.status]}>{t(`webhooks.status.${delivery.status}`)}</Badge>
        <span className="crm-wh-muted">{t('webhooks.attempts', { count: delivery.attempts })}</span>
        {delivery.lastStatusCode !== null && (
          <span className="crm-wh-muted">{t('webhooks.answered', { code: delivery.lastStatusCode })}</span>
        )}
        {delivery.status === 'pending' && delivery.nextAttemptAt && (
          <span className="crm-wh-muted">
            {t('webhooks.nextAttempt', { date: f.dateTime(delivery.nextAttemptAt, 'short') })}
          </span>
        )}
        {canReplay && (
          <Button
            size="sm"
            variant="ghost"
            className="crm-wh-expand"
            disabled={!enabled}
            title={enabled ? undefined : t('webhooks.replayDisabled')}
            loading={replay.isPending}
            aria-label={t('webhooks.replayOf', { event: delivery.eventType, date })}
            onClick={() =>
              replay.mutate(delivery.id, {
                onSuccess: () => announce(t('webhooks.replayed', { event: delivery.eventType })),
              })
            }
          >
            {t('webhooks.replay')}
          </Button>
        )}
      </div>
      {delivery.lastError && delivery.status !== 'delivered' && (
        <p className="crm-wh-delivery-error">{delivery.lastError}</p>
      )}
      {replay.error && <StateView error={replay.error} compact />}
    </li>
  );
}

/**
 * An endpoint's deliveries, newest first, filtered by status: the event, when, the status, attempts, the receiver's
 * last answer or error, and when a pending one is tried next — asked again every few seconds while one is pending.
 * Admins replay one now — a failed one, or a pending one instead of waiting for its retry (same `webhook-id`: the
 * receiver dedupes).
 */
export function DeliveryLog({
  subscription,
  canReplay,
  pageSize,
}: {
  subscription: Subscription;
  canReplay: boolean;
  pageSize: number;
}) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<Status>('all');
  const deliveries = useWebhookDeliveries({
    subscriptionId: subscription.id,
    limit: pageSize,
    ...(status === 'all' ? {} : { status }),
  });
  const { items, error, isPending, refetch } = deliveries;
  const pending = items.some((d) => d.status === 'pending');
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!pending) return;
    // Every delivery list: the endpoint's "last delivery" too.
    const ask = () => void queryClient.invalidateQueries({ queryKey: ['crmkit', 'webhook-deliveries'] });
    const timer = setInterval(ask, PENDING_POLL_MS);
    return () => clearInterval(timer);
  }, [pending, queryClient]);
  let body: ReactNode;
  if (error && !items.length) body = <StateView error={error} compact onRetry={() => void refetch()} />;
  else if (isPending) body = <Skeleton lines={3} />;
  else if (!items.length) {
    body = (
      <StateView
        state="empty"
        compact
        title={t(status === 'all' ? 'webhooks.noDeliveries' : 'webhooks.noDeliveriesOf')}
      />
    );
  } else {
    body = (
      <ul className="crm-wh-deliveries" aria-labelledby={`${id}-title`}>
        {items.map((delivery) => (
          <DeliveryRow key={delivery.id} delivery={delivery} canReplay={canReplay} enabled={subscription.enabled} />
        ))}
      </ul>
    );
  }
  return (
    <section className="crm-list-panel" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="crm-list-panel-title">
        {t('webhooks.log', { url: subscription.url })}
      </p>
      <FilterButtons
        label={t('webhooks.statuses')}
        options={STATUSES.map((s) => ({ value: s, label: t(`webhooks.status.${s}`) }))}
        value={status}
        onChange={setStatus}
      />
      {body}
      <LoadMore list={deliveries} shown={items.length} />
    </section>
  );
}
