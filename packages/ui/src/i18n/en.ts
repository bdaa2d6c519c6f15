import { en as activityTimeline } from './messages/activity-timeline/en.js';
import { en as automationRules } from './messages/automation-rules/en.js';
import { en as automationRulesEditor } from './messages/automation-rules-editor/en.js';
import { en as automationRulesPreview } from './messages/automation-rules-preview/en.js';
import { en as automationRulesRun } from './messages/automation-rules-run/en.js';
import { en as campaignComposer } from './messages/campaign-composer/en.js';
import { en as campaignReport } from './messages/campaign-report/en.js';
import { en as cards } from './messages/cards/en.js';
import { en as contactsTable } from './messages/contacts-table/en.js';
import { en as core } from './messages/core/en.js';
import { en as dates } from './messages/dates/en.js';
import { en as editing } from './messages/editing/en.js';
import { en as filters } from './messages/filters/en.js';
import { en as notificationsMenu } from './messages/notifications-menu/en.js';
import { en as pipelineBoard } from './messages/pipeline-board/en.js';
import { en as pipelineBoardExtras } from './messages/pipeline-board-extras/en.js';
import { en as problems } from './messages/problems/en.js';
import { en as segments } from './messages/segments/en.js';
import { en as segmentsList } from './messages/segments-list/en.js';
import { en as tasksList } from './messages/tasks-list/en.js';
import { en as ticketInbox } from './messages/ticket-inbox/en.js';
import { en as webhooks } from './messages/webhooks/en.js';

/**
 * The whole English catalog: the source of the message keys, assembled from one part per widget
 * (`i18n/messages/<widget>/en.ts`, strings shared by every widget in `i18n/messages/core/`). The widgets do not
 * import it: each carries its own part (and the provider the core), so a page pays for the strings it shows. `{name}` is a
 * placeholder; an object is a plural message chosen with `Intl.PluralRules` by `count` (`=0` is an exact match for
 * zero).
 *
 * @example
 * import { en } from '@crmkit/ui';
 * en['action.save']; // 'Save'
 */
// Built in a call marked pure: a bundler drops it from pages that do not use it (an object spread alone it keeps).
export const en = /* @__PURE__ */ (() => ({
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
}))();
