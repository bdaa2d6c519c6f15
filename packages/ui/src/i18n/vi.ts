import { vi as activityTimeline } from './messages/activity-timeline/vi.js';
import { vi as automationRules } from './messages/automation-rules/vi.js';
import { vi as automationRulesEditor } from './messages/automation-rules-editor/vi.js';
import { vi as automationRulesPreview } from './messages/automation-rules-preview/vi.js';
import { vi as automationRulesRun } from './messages/automation-rules-run/vi.js';
import { vi as campaignComposer } from './messages/campaign-composer/vi.js';
import { vi as campaignReport } from './messages/campaign-report/vi.js';
import { vi as cards } from './messages/cards/vi.js';
import { vi as contactsTable } from './messages/contacts-table/vi.js';
import { vi as core } from './messages/core/vi.js';
import { vi as dates } from './messages/dates/vi.js';
import { vi as editing } from './messages/editing/vi.js';
import { vi as filters } from './messages/filters/vi.js';
import { vi as notificationsMenu } from './messages/notifications-menu/vi.js';
import { vi as pipelineBoard } from './messages/pipeline-board/vi.js';
import { vi as pipelineBoardExtras } from './messages/pipeline-board-extras/vi.js';
import { vi as problems } from './messages/problems/vi.js';
import { vi as segments } from './messages/segments/vi.js';
import { vi as segmentsList } from './messages/segments-list/vi.js';
import { vi as tasksList } from './messages/tasks-list/vi.js';
import { vi as ticketInbox } from './messages/ticket-inbox/vi.js';
import { vi as webhooks } from './messages/webhooks/vi.js';
import type { Messages } from './translate.js';

/**
 * `@crmkit/ui/locales/vi`: the Vietnamese catalog, one part per widget like the English one. Vietnamese has one plural
 * form (`other`); `=0` / `=1` pick exact counts. The provider loads it on demand (a chunk of its own); import it to
 * render Vietnamese from the first paint (server rendering, no loading step).
 *
 * @example
 * import { vi } from '@crmkit/ui/locales/vi';
 * <CrmProvider client={client} locale="vi-VN" messages={{ vi }}>…</CrmProvider>
 */
export const vi: Messages = {
  ...core,
  ...editing,
  ...dates,
  ...problems,
  ...cards,
  ...contactsTable,
  ...activityTimeline,
  ...pipelineBoard,
  ...pipelineBoardExtras,
  ...ticketInbox,
  ...notificationsMenu,
  ...tasksList,
  ...filters,
  ...segments,
  ...segmentsList,
  ...campaignReport,
  ...campaignComposer,
  ...automationRules,
  ...automationRulesEditor,
  ...automationRulesPreview,
  ...automationRulesRun,
  ...webhooks,
};
