/** The English strings of NotificationsMenu: the source of their message keys (see `../en.ts`). */
export const en = {
  'notifications.title': 'Notifications',
  'notifications.button': {
    '=0': 'Notifications',
    one: 'Notifications, {count} unread',
    other: 'Notifications, {count} unread',
  },
  'notifications.buttonMany': 'Notifications, more than {count} unread',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.markRead': 'Mark as read',
  'notifications.unread': 'Unread',
  'notifications.empty': 'You’re all caught up',
  'notifications.emptyDescription': 'Reminders, alerts and failed automations show up here.',
  'notifications.kind.reminder': 'Reminder',
  'notifications.kind.task': 'Task due',
  'notifications.kind.alert': 'Alert',
  'notifications.kind.automation_failed': 'Automation failed',
  'notifications.kind.webhook_disabled': 'Webhook disabled',
  'notifications.new': 'New notification: {title}',
  'notifications.allRead': 'All notifications marked as read',
} as const;
