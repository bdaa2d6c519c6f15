import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of AutomationRules' preview for one record, loaded with it. */
export const rulePreviewMessages: MessagePart<typeof en> = {
  name: 'automation-rules-preview',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
