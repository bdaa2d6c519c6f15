import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** SegmentBuilder's strings (SegmentsList shows some of them too). */
export const segmentsMessages: MessagePart<typeof en> = {
  name: 'segments',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
