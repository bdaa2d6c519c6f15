'use client';

export { NotificationsMenu, type NotificationsMenuProps, type NotificationTarget } from './NotificationsMenu.js';
