import { timelineMessages } from './messages/activity-timeline/index.js';
import { rulesMessages } from './messages/automation-rules/index.js';
import { ruleEditorMessages } from './messages/automation-rules-editor/index.js';
import { rulePreviewMessages } from './messages/automation-rules-preview/index.js';
import { ruleRunMessages } from './messages/automation-rules-run/index.js';
import { campaignComposerMessages } from './messages/campaign-composer/index.js';
import { campaignReportMessages } from './messages/campaign-report/index.js';
import { cardMessages } from './messages/cards/index.js';
import { tableMessages } from './messages/contacts-table/index.js';
import { coreMessages } from './messages/core/index.js';
import { datesMessages } from './messages/dates/index.js';
import { editingMessages } from './messages/editing/index.js';
import { filtersMessages } from './messages/filters/index.js';
import { notificationsMessages } from './messages/notifications-menu/index.js';
import { boardMessages } from './messages/pipeline-board/index.js';
import { boardExtrasMessages } from './messages/pipeline-board-extras/index.js';
import { problemMessages } from './messages/problems/index.js';
import { segmentsMessages } from './messages/segments/index.js';
import { segmentsListMessages } from './messages/segments-list/index.js';
import { tasksMessages } from './messages/tasks-list/index.js';
import { inboxMessages } from './messages/ticket-inbox/index.js';
import { webhooksMessages } from './messages/webhooks/index.js';
import { languageOf, loadPart } from './parts.js';
import type { Messages } from './translate.js';

/** Every part of the catalogs. */
const PARTS = [
  coreMessages,
  editingMessages,
  datesMessages,
  problemMessages,
  cardMessages,
  tableMessages,
  timelineMessages,
  boardMessages,
  boardExtrasMessages,
  inboxMessages,
  notificationsMessages,
  tasksMessages,
  filtersMessages,
  segmentsMessages,
  segmentsListMessages,
  campaignReportMessages,
  campaignComposerMessages,
  rulesMessages,
  ruleEditorMessages,
  rulePreviewMessages,
  ruleRunMessages,
  webhooksMessages,
];

/**
 * Loads the built-in messages of `locale`'s language for every widget (resolves the whole catalog, or `undefined` for a
 * language without one). Widgets load their own part on demand; call this before rendering — e.g. before hydrating a
 * server-rendered page — so the first render is already in that language.
 *
 * @example
 * await preloadMessages('th-TH');
 * hydrateRoot(el, <App />);
 */
export async function preloadMessages(locale: string): Promise<Messages | undefined> {
  const parts = await Promise.all(PARTS.map((part) => loadPart(part, languageOf(locale))));
  return parts.every(Boolean) ? (Object.assign({}, ...parts) as Messages) : undefined;
}
