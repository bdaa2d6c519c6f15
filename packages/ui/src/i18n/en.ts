import { en as activityTimeline } from './messages/activity-timeline/en.js';
import { en as cards } from './messages/cards/en.js';
import { en as contactsTable } from './messages/contacts-table/en.js';
import { en as core } from './messages/core/en.js';
import { en as pipelineBoard } from './messages/pipeline-board/en.js';
import { en as pipelineBoardExtras } from './messages/pipeline-board-extras/en.js';

/**
 * `@crmkit/ui/locales/en`: the whole English catalog, the source of the message keys, assembled from one part per
 * widget (`i18n/messages/<widget>/en.ts`, strings shared by every widget in `i18n/messages/core/`). `{name}` is a
 * placeholder; an object is a plural message chosen with `Intl.PluralRules` by `count` (`=0` is an exact match for
 * zero). The widgets do not import it: each brings its own part (`english.ts`); import it to translate every key.
 *
 * @example
 * import { en } from '@crmkit/ui/locales/en';
 * en['action.save']; // 'Save'
 */
export const en = {
  ...core,
  ...cards,
  ...contactsTable,
  ...activityTimeline,
  ...pipelineBoard,
  ...pipelineBoardExtras,
};
