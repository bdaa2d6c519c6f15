import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** NotificationsMenu's strings. */
export const notificationsMessages: MessagePart<typeof en> = {
  name: 'notifications-menu',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
