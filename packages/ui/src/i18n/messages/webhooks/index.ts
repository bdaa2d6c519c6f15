import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The strings of the Webhooks widget. */
export const webhooksMessages: MessagePart<typeof en> = {
  name: 'webhooks',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
