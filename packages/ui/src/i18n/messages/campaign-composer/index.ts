import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** CampaignComposer's own strings. */
export const campaignComposerMessages: MessagePart<typeof en> = {
  name: 'campaign-composer',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
