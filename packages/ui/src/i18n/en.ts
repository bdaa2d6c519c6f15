// biome-ignore assist/source/organizeImports: the parts' strings land in a bundle in import order, and this one compresses best (3.07 kB gzip, as one catalog did).
import { en as contactsTable } from './contacts-table/en.js';
import { en as core } from './core/en.js';
import { en as activityTimeline } from './activity-timeline/en.js';
import { en as cards } from './cards/en.js';

/**
 * The English catalog: the source of the message keys, assembled from one part per widget (`i18n/<widget>/en.ts`,
 * strings shared by every widget in `i18n/core/`). `{name}` is a placeholder; an object is a plural message chosen
 * with `Intl.PluralRules` by `count` (`=0` is an exact match for zero).
 *
 * @example
 * import { en } from '@crmkit/ui';
 * en['action.save']; // 'Save'
 */
export const en = { ...core, ...cards, ...contactsTable, ...activityTimeline };
