import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** TasksList's strings. */
export const tasksMessages: MessagePart<typeof en> = {
  name: 'tasks-list',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
