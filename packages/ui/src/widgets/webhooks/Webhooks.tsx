import type { CrmError, Schemas } from '@crmkit/client';
import { useCan, useCapabilities, useSaveWebhookSubscription, useWebhookSubscriptions } from '@crmkit/react';
import { type CSSProperties, lazy, type ReactNode, Suspense, useId, useRef, useState } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { cx } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { webhooksMessages } from '../../i18n/messages/webhooks/index.js';
import { Button } from '../../primitives/Button.js';
import type { HeadingLevel } from '../../primitives/Card.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { ListHeader } from '../shared/lists/ListHeader.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useRowFocus } from '../shared/lists/useRowFocus.js';
import { EndpointRow } from './EndpointRow.js';

type Subscription = Schemas['WebhookSubscription'];

/** The endpoint form and the secret rotation, each loaded with the strings when first opened. */
const EndpointDialog = lazy(() => import('./form/EndpointDialog.js'));
const RotateDialog = lazy(() => import('./form/RotateDialog.js'));

/** Props of {@link Webhooks}. */
export interface WebhooksProps {
  /** The heading (default the catalog's "Webhooks"). */
  title?: ReactNode;
  /** Level of the heading in the host's outline (default 2). */
  headingLevel?: HeadingLevel;
  /** Endpoints per page, and deliveries per page of a log; "Load more" fetches the next (default 30). */
  pageSize?: number;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/**
 * The workspace's webhook endpoints, for an admin page: each with its URL and description, the events it gets, an
 * on / off switch, "Switched off by the server" with the reason when deliveries kept failing, and how its last delivery
 * went; its delivery log (by status, each delivery with its event, attempts, the receiver's answer, when it is tried
 * next) with Replay. Admins also create and edit endpoints (URL checked on the field; every event or chosen ones)
 * and give one a new signing secret — a new secret is shown once, with a Copy button. Only admins may see endpoints
 * (others get the server's "not allowed" state). Deliveries still
 * pending are checked again every few seconds while a log is open. On a server without webhooks
 * (`capabilities.webhooks`) it says so.
 *
 * Keyboard: Tab reaches each endpoint's switch (Space toggles it), Edit, New secret and Deliveries; in the list Arrow
 * Up / Arrow Down, Home and End move between endpoints.
 *
 * @example
 * <Webhooks title="Outgoing webhooks" pageSize={20} />
 */
export function Webhooks(props: WebhooksProps) {
  return (
    <MessagesScope part={webhooksMessages}>
      <Endpoints {...props} />
    </MessagesScope>
  );
}

function Endpoints({ title, headingLevel = 2, pageSize = 30, className, style }: WebhooksProps) {
  const t = useT();
  const id = useId();
  const announce = useAnnounce();
  const capabilities = useCapabilities();
  const available = capabilities?.webhooks !== false;
  const list = useWebhookSubscriptions({ limit: pageSize });
  const { items, isPending, isFetching, isFetchingNextPage, error, refetch } = list;
  const canCreate = useCan('create', 'webhook-subscriptions');
  const canWrite = useCan('update', 'webhook-subscriptions');
  const toggle = useSaveWebhookSubscription();
  const [dialog, setDialog] = useState<{ kind: 'edit' | 'rotate'; subscription: Subscription } | 'new'>();
  const newButton = useRef<HTMLButtonElement>(null);
  const rows = useRowFocus(items.length);
  const onToggle = (subscription: Subscription, enabled: boolean) =>
    toggle.mutate(
      { id: subscription.id, body: { enabled } },
      { onSuccess: () => announce(t(enabled ? 'webhooks.turnedOn' : 'webhooks.turnedOff', { url: subscription.url })) },
    );

  let body: ReactNode;
  if (!available) {
    body = (
      <StateView state="empty" title={t('webhooks.unavailable')} description={t('webhooks.unavailableDescription')} />
    );
  } else if (error && !items.length) body = <StateView error={error} onRetry={() => void refetch()} />;
  else if (isPending) {
    body = (
      <div className="crm-list-loading" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} lines={2} />
        ))}
      </div>
    );
  } else if (!items.length) body = <StateView state="empty" title={t('webhooks.empty')} />;
  else {
    body = (
      <ul className="crm-wh-endpoints" aria-labelledby={`${id}-title`} {...rows.listProps}>
        {items.map((subscription) => (
          <EndpointRow
            key={subscription.id}
            subscription={subscription}
            canWrite={canWrite}
            pageSize={pageSize}
            onToggle={onToggle}
            onEdit={(s) => setDialog({ kind: 'edit', subscription: s })}
            onRotate={(s) => setDialog({ kind: 'rotate', subscription: s })}
          />
        ))}
      </ul>
    );
  }
  const refused = toggle.error as Partial<CrmError> | null;
  return (
    <CrmRoot part="webhooks" className={cx('crm-list-widget', className)} style={style}>
      <section aria-labelledby={`${id}-title`} className="crm-list-section">
        <div className="crm-wh-header">
          <ListHeader
            id={`${id}-title`}
            level={headingLevel}
            title={title ?? t('webhooks.title')}
            refreshing={isFetching && !isPending && !isFetchingNextPage}
          />
          {canCreate && available && (
            <Button ref={newButton} size="sm" variant="primary" icon={icons.plus} onClick={() => setDialog('new')}>
              {t('webhooks.new')}
            </Button>
          )}
        </div>
        {refused && (
          <p role="alert" className="crm-list-error">
            {t('webhooks.notSaved', { detail: refused.detail ?? refused.message ?? '' })}
          </p>
        )}
        {body}
        {available && <LoadMore list={list} shown={items.length} />}
      </section>
      <Suspense fallback={null}>
        {(dialog === 'new' || dialog?.kind === 'edit') && (
          <EndpointDialog
            subscription={dialog === 'new' ? undefined : dialog.subscription}
            onClose={(saved) => {
              setDialog(undefined);
              if (saved) announce(t('webhooks.saved', { url: saved.url }));
            }}
          />
        )}
        {dialog !== 'new' && dialog?.kind === 'rotate' && (
          <RotateDialog subscription={dialog.subscription} onClose={() => setDialog(undefined)} />
        )}
      </Suspense>
    </CrmRoot>
  );
}
