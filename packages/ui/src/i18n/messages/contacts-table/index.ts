import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** ContactsTable's strings. */
export const tableMessages: MessagePart<typeof en> = {
  name: 'contacts-table',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
