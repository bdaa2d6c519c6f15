import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/**
 * The words of what a server refused (`problem.<code>`): the edit form and the bulk reports render in a scope of it,
 * and they load lazily, so these strings do too.
 */
export const problemMessages: MessagePart<typeof en> = {
  name: 'problems',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
