import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** TicketInbox's strings. */
export const inboxMessages: MessagePart<typeof en> = {
  name: 'ticket-inbox',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
