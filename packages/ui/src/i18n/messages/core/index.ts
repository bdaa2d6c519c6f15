import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** The core's strings (states, actions, entity names, shared field labels): the provider loads them for every widget. */
export const coreMessages: MessagePart<typeof en> = {
  name: 'core',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
