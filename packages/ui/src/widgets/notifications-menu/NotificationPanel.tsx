import { useMarkNotificationsRead, useNotifications } from '@crmkit/react';
import { type ReactNode, useId } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { Button } from '../../primitives/Button.js';
import * as icons from '../../primitives/icons.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { LoadMore } from '../shared/lists/LoadMore.js';
import { useRowFocus } from '../shared/lists/useRowFocus.js';
import { NotificationItem } from './NotificationItem.js';
import type { OpenRecord } from './target.js';

/** Props of {@link NotificationPanel}. */
export interface NotificationPanelProps {
  onOpenRecord?: OpenRecord | undefined;
  pageSize: number;
  /** How many are unread (the bell's count). */
  unread: number;
  /** Closes the menu (focus back to the bell). */
  onClose: () => void;
}

/**
 * The menu's content: a heading with "Mark all as read", the notifications newest first (loading, error with retry,
 * empty), and "Load more". Its query runs only while the menu is open.
 */
export function NotificationPanel({ pageSize, unread, onOpenRecord, onClose }: NotificationPanelProps) {
  const t = useT();
  const announce = useAnnounce();
  const id = useId();
  const list = useNotifications({ limit: pageSize });
  const markRead = useMarkNotificationsRead();
  const { items, isPending, error, refetch } = list;

  const rows = useRowFocus(items.length);

  let body: ReactNode;
  if (error && !items.length) body = <StateView compact error={error} onRetry={() => void refetch()} />;
  else if (isPending) {
    body = (
      <div className="crm-nm-loading" role="status" aria-label={t('state.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} lines={2} />
        ))}
      </div>
    );
  } else if (!items.length) {
    body = (
      <StateView
        compact
        state="empty"
        title={t('notifications.empty')}
        description={t('notifications.emptyDescription')}
      />
    );
  } else {
    body = (
      <ul className="crm-nm-list" aria-labelledby={`${id}-title`} {...rows.listProps}>
        {items.map((n) => (
          <NotificationItem
            key={n.id}
            notification={n}
            onMarkRead={() => markRead.mutate({ id: n.id })}
            onOpen={
              onOpenRecord && n.resource && n.resourceId
                ? () => {
                    if (n.readAt === null) markRead.mutate({ id: n.id });
                    onClose();
                    onOpenRecord({ resource: n.resource!, id: n.resourceId! }, n);
                  }
                : undefined
            }
          />
        ))}
      </ul>
    );
  }

  return (
    <div className="crm-nm-panel">
      <div className="crm-nm-header">
        <h2 id={`${id}-title`} className="crm-nm-title">
          {t('notifications.title')}
        </h2>
        {/* Stays (aria-disabled) when nothing is unread, so focus is not lost after using it. */}
        <Button
          size="sm"
          variant="ghost"
          icon={icons.check}
          aria-disabled={unread === 0 || undefined}
          onClick={() => {
            if (unread === 0) return;
            markRead.mutate({ id: null });
            announce(t('notifications.allRead'));
          }}
        >
          {t('notifications.markAllRead')}
        </Button>
      </div>
      {body}
      <LoadMore list={list} shown={items.length} />
    </div>
  );
}
