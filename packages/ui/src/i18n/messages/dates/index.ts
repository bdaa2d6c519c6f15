import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/**
 * The strings of a date typed in the calendar it is shown in (the Buddhist era in Thai): the date field's text input
 * loads lazily with them, as only a calendar other than the Gregorian one needs it.
 */
export const datesMessages: MessagePart<typeof en> = {
  name: 'dates',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
