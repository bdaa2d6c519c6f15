import type { Schemas } from '@crmkit/client';
import { useCapabilities, useFormat, useNotifications } from '@crmkit/react';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useAnnounce } from '../../context/announce.js';
import { useT } from '../../context/i18n.js';
import { usePart } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { notificationsMessages } from '../../i18n/messages/notifications-menu/index.js';
import { ButtonBase } from '../../primitives/Button.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import { Icon } from '../../primitives/Icon.js';
import * as icons from '../../primitives/icons.js';
import type { Placement } from '../../primitives/overlay.js';
import { Popover } from '../../primitives/Popover.js';
import { NotificationPanel } from './NotificationPanel.js';
import type { OpenRecord } from './target.js';

type Notification = Schemas['Notification'];

/** Props of {@link NotificationsMenu}. */
export interface NotificationsMenuProps {
  /**
   * Opens the record a notification is about (the host routes to it). Without it, notifications are not links. Opening
   * one marks it read and closes the menu.
   */
  onOpenRecord?: OpenRecord;
  /** Notifications per page; "Load more" fetches the next (default 20). */
  pageSize?: number;
  /** Where the list opens, under the bell (default `bottom-end`: its right edge on the bell's, for a top bar). */
  placement?: Placement;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

/** Unread notifications counted on the bell; more shows as "99+". */
const COUNTED = 99;

/**
 * A bell button with the caller's unread count that opens their notifications: reminders and tasks that came due,
 * alerts, failed automations and disabled webhooks, newest first and paged. Mark one or all read; a notification
 * about a record opens it through `onOpenRecord`. New notifications arrive live through the provider's change feed.
 * Renders nothing when the server does not offer automation (`capabilities.automation`).
 *
 * Keyboard: Enter or Space on the bell opens the list and moves focus into it; Arrow Up / Arrow Down, Home and End
 * move between notifications; Escape closes it and returns focus to the bell.
 *
 * @example
 * <NotificationsMenu onOpenRecord={({ resource, id }) => router.push(`/crm/${resource}/${id}`)} />
 */
export function NotificationsMenu(props: NotificationsMenuProps) {
  const capabilities = useCapabilities();
  if (capabilities && capabilities.automation !== true) return null;
  return (
    <MessagesScope part={notificationsMessages}>
      <Bell {...props} />
    </MessagesScope>
  );
}

function Bell({ onOpenRecord, pageSize = 20, placement = 'bottom-end', className, style }: NotificationsMenuProps) {
  const t = useT();
  const f = useFormat();
  // The unread ones, counted as the cache has them (one marked read a moment ago counts no more).
  const unreadList = useNotifications({ unread: true, limit: COUNTED });
  const count = unreadList.unread;
  const more = !!unreadList.hasNextPage && count >= COUNTED;
  const part = usePart('iconButton');
  useAnnounceArrivals(unreadList.items, unreadList.isSuccess);
  const label = more ? t('notifications.buttonMany', { count: COUNTED }) : t('notifications.button', { count });
  return (
    <CrmRoot part="notificationsMenu" className={className} style={style}>
      <Popover
        placement={placement}
        label={t('notifications.title')}
        trigger={
          <ButtonBase partProps={part} variant="ghost" size="md" loading={false} aria-label={label}>
            <Icon icon={icons.bell} />
            {count > 0 && (
              <span className="crm-nm-count" aria-hidden="true">
                {more ? `${f.number(COUNTED)}+` : f.number(count)}
              </span>
            )}
          </ButtonBase>
        }
      >
        {(close) => (
          <NotificationPanel pageSize={pageSize} unread={count} onOpenRecord={onOpenRecord} onClose={close} />
        )}
      </Popover>
    </CrmRoot>
  );
}

/**
 * Announces (politely) a notification that arrives while the page is open: the newest unread one, when it changes once
 * the list has `loaded` (what was there at first is not news).
 */
function useAnnounceArrivals(unread: Notification[], loaded: boolean) {
  const t = useT();
  const announce = useAnnounce();
  const newest = unread[0];
  // When the newest one seen so far was created ('' for none): older ones coming up as others are read are not news.
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!loaded) return;
    const at = newest?.createdAt ?? '';
    if (seen.current !== undefined && newest && at > seen.current) {
      announce(t('notifications.new', { title: newest.title }));
    }
    if (seen.current === undefined || at > seen.current) seen.current = at;
  }, [loaded, newest, announce, t]);
}
