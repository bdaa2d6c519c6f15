import type { Schemas } from '@crmkit/client';
import { useFormat, useWebhookDeliveries } from '@crmkit/react';
import { useId, useState } from 'react';
import { useT } from '../../context/i18n.js';
import { Badge } from '../../primitives/Badge.js';
import { Button } from '../../primitives/Button.js';
import * as icons from '../../primitives/icons.js';
import { Switch } from '../shared/lists/Switch.js';
import { DELIVERY_TONES, DeliveryLog } from './DeliveryLog.js';

type Subscription = Schemas['WebhookSubscription'];

/** Props of {@link EndpointRow}. */
export interface EndpointRowProps {
  subscription: Subscription;
  /** The user may change endpoints: a switch, Edit, New secret and Replay (else the state as text). */
  canWrite: boolean;
  pageSize: number;
  onToggle: (subscription: Subscription, enabled: boolean) => void;
  onEdit: (subscription: Subscription) => void;
  onRotate: (subscription: Subscription) => void;
}

/** The events an endpoint gets, in words: every event, or how many and which (their contract names). */
function eventsText(subscription: Subscription, t: ReturnType<typeof useT>): string {
  const types = subscription.eventTypes;
  if (!types.length) return t('webhooks.allEvents');
  const list = types.length > 3 ? `${types.slice(0, 3).join(', ')}, …` : types.join(', ');
  return t('webhooks.events', { count: types.length, list });
}

/** How the endpoint's newest delivery went, and when. */
function LastDelivery({ subscription }: { subscription: Subscription }) {
  const t = useT();
  const f = useFormat();
  const { items, isPending } = useWebhookDeliveries({ subscriptionId: subscription.id, limit: 1 });
  const last = items[0];
  if (isPending) return null;
  if (!last) return <span>{t('webhooks.noDeliveries')}</span>;
  const at = last.deliveredAt ?? last.createdAt;
  return (
    <span>
      <time dateTime={at}>{t('webhooks.lastDelivery', { date: f.relative(at) })}</time>
      <Badge tone={DELIVERY_TONES[last.status]}>{t(`webhooks.status.${last.status}`)}</Badge>
    </span>
  );
}

/**
 * One endpoint: its URL (and description), an on / off switch (for admins), "Switched off by the server" with why,
 * the events it gets, how its last delivery went, Edit and New secret (admins), and its delivery log on demand.
 */
export function EndpointRow({ subscription, canWrite, pageSize, onToggle, onEdit, onRotate }: EndpointRowProps) {
  const t = useT();
  const id = useId();
  const [log, setLog] = useState(false);
  const { url } = subscription;
  return (
    <li
      tabIndex={-1}
      className="crm-list-row crm-wh-endpoint"
      aria-labelledby={`${id}-url`}
      data-enabled={subscription.enabled || undefined}
    >
      <div className="crm-wh-head">
        <p id={`${id}-url`} className="crm-wh-url">
          {url}
        </p>
        {canWrite ? (
          <Switch
            checked={subscription.enabled}
            label={t('webhooks.enabled', { url })}
            onChange={(on) => onToggle(subscription, on)}
          />
        ) : (
          <Badge tone={subscription.enabled ? 'success' : 'neutral'}>
            {t(subscription.enabled ? 'webhooks.on' : 'webhooks.off')}
          </Badge>
        )}
      </div>
      {subscription.description && <p className="crm-wh-description">{subscription.description}</p>}
      {subscription.disabledReason && (
        <p className="crm-wh-disabled">
          <Badge tone="danger" icon={icons.alert}>
            {t('webhooks.autoDisabled')}
          </Badge>
          <span>{subscription.disabledReason}</span>
        </p>
      )}
      <p className="crm-list-meta crm-wh-meta">
        <span>{eventsText(subscription, t)}</span>
        <LastDelivery subscription={subscription} />
        {canWrite && (
          <>
            <Button
              size="sm"
              variant="ghost"
              icon={icons.pencil}
              aria-haspopup="dialog"
              aria-label={t('webhooks.edit', { url })}
              onClick={() => onEdit(subscription)}
            >
              {t('webhooks.editButton')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              icon={icons.lock}
              aria-haspopup="dialog"
              aria-label={t('webhooks.rotate', { url })}
              onClick={() => onRotate(subscription)}
            >
              {t('webhooks.rotateButton')}
            </Button>
          </>
        )}
        <Button
          size="sm"
          variant="ghost"
          className="crm-wh-expand"
          aria-expanded={log}
          aria-controls={log ? `${id}-log` : undefined}
          aria-label={t('webhooks.showLog', { url })}
          iconEnd={log ? icons.chevronUp : icons.chevronDown}
          onClick={() => setLog(!log)}
        >
          {t('webhooks.logButton')}
        </Button>
      </p>
      {log && (
        <div id={`${id}-log`}>
          <DeliveryLog subscription={subscription} canReplay={canWrite} pageSize={pageSize} />
        </div>
      )}
    </li>
  );
}
