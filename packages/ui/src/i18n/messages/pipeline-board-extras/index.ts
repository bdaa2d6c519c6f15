import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of what PipelineBoard loads lazily (`widgets/pipeline-board/extras/`): in that chunk, not the first load. */
export const boardExtrasMessages: MessagePart<typeof en> = {
  name: 'pipeline-board-extras',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
