import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of AutomationRules' rule editor, loaded with the editor. */
export const ruleEditorMessages: MessagePart<typeof en> = {
  name: 'automation-rules-editor',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
