import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** SegmentBuilder's and SegmentsList's strings. */
export const segmentsMessages: MessagePart<typeof en> = {
  name: 'segments',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
