import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** ActivityTimeline's strings. */
export const timelineMessages: MessagePart<typeof en> = {
  name: 'activity-timeline',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
