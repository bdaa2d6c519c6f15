import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** ContactCard's and CompanyCard's strings. */
export const cardMessages: MessagePart<typeof en> = {
  name: 'cards',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
