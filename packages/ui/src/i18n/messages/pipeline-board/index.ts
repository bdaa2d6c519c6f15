import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** PipelineBoard's strings (but those of its extras chunk, `../pipeline-board-extras/`). */
export const boardMessages: MessagePart<typeof en> = {
  name: 'pipeline-board',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
