import { th as activityTimeline } from './messages/activity-timeline/th.js';
import { th as automationRules } from './messages/automation-rules/th.js';
import { th as automationRulesEditor } from './messages/automation-rules-editor/th.js';
import { th as automationRulesPreview } from './messages/automation-rules-preview/th.js';
import { th as automationRulesRun } from './messages/automation-rules-run/th.js';
import { th as campaignComposer } from './messages/campaign-composer/th.js';
import { th as campaignReport } from './messages/campaign-report/th.js';
import { th as cards } from './messages/cards/th.js';
import { th as contactsTable } from './messages/contacts-table/th.js';
import { th as core } from './messages/core/th.js';
import { th as dates } from './messages/dates/th.js';
import { th as editing } from './messages/editing/th.js';
import { th as filters } from './messages/filters/th.js';
import { th as notificationsMenu } from './messages/notifications-menu/th.js';
import { th as pipelineBoard } from './messages/pipeline-board/th.js';
import { th as pipelineBoardExtras } from './messages/pipeline-board-extras/th.js';
import { th as problems } from './messages/problems/th.js';
import { th as segments } from './messages/segments/th.js';
import { th as segmentsList } from './messages/segments-list/th.js';
import { th as tasksList } from './messages/tasks-list/th.js';
import { th as ticketInbox } from './messages/ticket-inbox/th.js';
import { th as webhooks } from './messages/webhooks/th.js';
import type { Messages } from './translate.js';

/**
 * `@crmkit/ui/locales/th`: the Thai catalog, one part per widget like the English one. Thai has one plural form
 * (`other`) and no sentence-final full stop; `=0` / `=1` pick exact counts. Dates follow the provider's `calendar`:
 * the Buddhist era by default for `th-TH` (2569), shown and typed (`7/12/2569`); `calendar="gregory"` for 2026. The
 * provider loads it on demand (a chunk of its own); import it to render Thai from the first paint (server rendering,
 * no loading step).
 *
 * @example
 * import { th } from '@crmkit/ui/locales/th';
 * <CrmProvider client={client} locale="th-TH" messages={{ th }}>…</CrmProvider> // 7 ธ.ค. 2569
 * <CrmProvider client={client} locale="th-TH" calendar="gregory" messages={{ th }}>…</CrmProvider> // 7 ธ.ค. 2026
 */
export const th: Messages = {
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
