'use client';

export { NotificationsMenu, type NotificationsMenuProps } from './NotificationsMenu.js';
export type { NotificationTarget, OpenRecord } from './target.js';
