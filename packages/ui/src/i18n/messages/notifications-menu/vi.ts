import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of NotificationsMenu. */
export const vi: Catalog<typeof en> = {
  'notifications.title': 'Thông báo',
  'notifications.button': { '=0': 'Thông báo', other: 'Thông báo, {count} chưa đọc' },
  'notifications.buttonMany': 'Thông báo, hơn {count} chưa đọc',
  'notifications.markAllRead': 'Đánh dấu tất cả là đã đọc',
  'notifications.markRead': 'Đánh dấu là đã đọc',
  'notifications.unread': 'Chưa đọc',
  'notifications.empty': 'Bạn đã xem hết thông báo',
  'notifications.emptyDescription': 'Lời nhắc, cảnh báo và tự động hoá bị lỗi sẽ hiện ở đây.',
  'notifications.kind.reminder': 'Lời nhắc',
  'notifications.kind.task': 'Công việc đến hạn',
  'notifications.kind.alert': 'Cảnh báo',
  'notifications.kind.automation_failed': 'Tự động hoá bị lỗi',
  'notifications.kind.webhook_disabled': 'Webhook đã bị tắt',
  'notifications.new': 'Thông báo mới: {title}',
  'notifications.allRead': 'Đã đánh dấu tất cả thông báo là đã đọc',
};
