import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The filter-tree editor's strings (SegmentBuilder; automation conditions). */
export const filtersMessages: MessagePart<typeof en> = {
  name: 'filters',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
