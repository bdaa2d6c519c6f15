import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** SegmentsList's own strings (it also shows SegmentBuilder's part, `../segments/`). */
export const segmentsListMessages: MessagePart<typeof en> = {
  name: 'segments-list',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
