import type { Schemas } from '@crmkit/client';
import { useFormat, useNow } from '@crmkit/react';
import { useId, useRef } from 'react';
import { useT } from '../../context/i18n.js';
import { Icon, type IconPath } from '../../primitives/Icon.js';
import { IconButton } from '../../primitives/IconButton.js';
import * as icons from '../../primitives/icons.js';
import { VisuallyHidden } from '../../primitives/VisuallyHidden.js';

type Notification = Schemas['Notification'];

const KIND_ICON: Record<Notification['kind'], IconPath> = {
  reminder: icons.bell,
  task: icons.task,
  alert: icons.alert,
  automation_failed: icons.alert,
  webhook_disabled: icons.offline,
};

/**
 * One notification: its kind's icon, the title (a button opening the record when `onOpen` is given), the body as
 * plain text, when it came, and — while unread — a dot and "Mark as read" (which moves focus to the item, as the
 * button goes).
 */
export function NotificationItem({
  notification: n,
  onOpen,
  onMarkRead,
}: {
  notification: Notification;
  onOpen: (() => void) | undefined;
  onMarkRead: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const now = useNow();
  const id = useId();
  const item = useRef<HTMLLIElement>(null);
  const unread = n.readAt === null;
  const kind = t(`notifications.kind.${n.kind}`);
  const title = (
    <>
      {n.title}
      {unread && <VisuallyHidden>{` (${t('notifications.unread')})`}</VisuallyHidden>}
    </>
  );
  return (
    <li
      ref={item}
      // Focus lands here when "Mark as read" goes; Arrow keys reach items without a link here.
      tabIndex={-1}
      className="crm-nm-item"
      data-kind={n.kind}
      data-unread={unread || undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-meta`}
    >
      <span className="crm-nm-icon" aria-hidden="true">
        <Icon icon={KIND_ICON[n.kind]} />
      </span>
      <div className="crm-nm-content">
        {onOpen ? (
          <button id={`${id}-title`} type="button" className="crm-nm-link" data-primary onClick={onOpen}>
            {title}
          </button>
        ) : (
          <p id={`${id}-title`} className="crm-nm-name">
            {title}
          </p>
        )}
        {n.body && <p className="crm-nm-body">{n.body}</p>}
        <p id={`${id}-meta`} className="crm-list-meta">
          <span>{kind}</span>
          <span aria-hidden="true">·</span>
          <time dateTime={n.createdAt} title={f.dateTime(n.createdAt)}>
            {f.relative(n.createdAt, now)}
          </time>
        </p>
      </div>
      {unread && (
        <IconButton
          size="sm"
          icon={icons.check}
          aria-label={`${t('notifications.markRead')}: ${n.title}`}
          onClick={() => {
            onMarkRead();
            item.current?.focus();
          }}
        />
      )}
    </li>
  );
}
