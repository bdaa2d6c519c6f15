import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/**
 * The strings of editing (field checks, the conflict prompt): the forms and dialogs that edit records render in a
 * scope of it, and they load lazily, so their strings do too.
 */
export const editingMessages: MessagePart<typeof en> = {
  name: 'editing',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
