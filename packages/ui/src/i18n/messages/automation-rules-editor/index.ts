import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of AutomationRules' lazy parts — the rule editor and the preview for one record — loaded with them. */
export const ruleEditorMessages: MessagePart<typeof en> = {
  name: 'automation-rules-editor',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
