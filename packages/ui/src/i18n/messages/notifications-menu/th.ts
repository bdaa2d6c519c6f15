import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of NotificationsMenu (Thai sentences have no final full stop). */
export const th: Catalog<typeof en> = {
  'notifications.title': 'การแจ้งเตือน',
  'notifications.button': { '=0': 'การแจ้งเตือน', other: 'การแจ้งเตือน ยังไม่อ่าน {count} รายการ' },
  'notifications.buttonMany': 'การแจ้งเตือน ยังไม่อ่านมากกว่า {count} รายการ',
  'notifications.markAllRead': 'ทำเครื่องหมายว่าอ่านแล้วทั้งหมด',
  'notifications.markRead': 'ทำเครื่องหมายว่าอ่านแล้ว',
  'notifications.unread': 'ยังไม่อ่าน',
  'notifications.empty': 'คุณอ่านครบทุกรายการแล้ว',
  'notifications.emptyDescription': 'การเตือนความจำ การแจ้งเตือน และระบบอัตโนมัติที่ล้มเหลวจะแสดงที่นี่',
  'notifications.kind.reminder': 'การเตือนความจำ',
  'notifications.kind.task': 'งานถึงกำหนด',
  'notifications.kind.alert': 'การแจ้งเตือนด่วน',
  'notifications.kind.automation_failed': 'ระบบอัตโนมัติล้มเหลว',
  'notifications.kind.webhook_disabled': 'ปิดเว็บฮุกแล้ว',
  'notifications.new': 'การแจ้งเตือนใหม่: {title}',
  'notifications.allRead': 'ทำเครื่องหมายว่าอ่านแล้วทั้งหมด',
};
