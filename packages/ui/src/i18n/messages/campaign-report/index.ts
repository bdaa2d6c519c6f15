import type { MessagePart } from '../catalog.js';
import { en } from './en.js';

/** CampaignReport's strings. */
export const campaignReportMessages: MessagePart<typeof en> = {
  name: 'campaign-report',
  en,
  load: { vi: () => import('./vi.js').then((m) => m.vi), th: () => import('./th.js').then((m) => m.th) },
};
