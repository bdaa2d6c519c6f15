import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** AutomationRules's strings. */
export const rulesMessages: MessagePart<typeof en> = {
  name: 'automation-rules',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
