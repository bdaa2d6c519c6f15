// biome-ignore assist/source/organizeImports: the parts' strings land in a bundle in import order, and this one compresses best (3.07 kB gzip, as one catalog did).
import { en as contactsTable } from './messages/contacts-table/en.js';
import { en as core } from './messages/core/en.js';
import { en as activityTimeline } from './messages/activity-timeline/en.js';
import { en as cards } from './messages/cards/en.js';
import { en as pipelineBoard } from './messages/pipeline-board/en.js';

/**
 * The English catalog: the source of the message keys, assembled from one part per widget
 * (`i18n/messages/<widget>/en.ts`, strings shared by every widget in `i18n/messages/core/`). `{name}` is a
 * placeholder; an object is a plural message chosen with `Intl.PluralRules` by `count` (`=0` is an exact match for
 * zero).
 *
 * @example
 * import { en } from '@crmkit/ui';
 * en['action.save']; // 'Save'
 */
export const en = { ...core, ...cards, ...contactsTable, ...activityTimeline, ...pipelineBoard };
