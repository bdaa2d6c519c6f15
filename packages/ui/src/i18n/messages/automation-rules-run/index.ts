import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of AutomationRules' "Run now" dialog, loaded with it. */
export const ruleRunMessages: MessagePart<typeof en> = {
  name: 'automation-rules-run',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
