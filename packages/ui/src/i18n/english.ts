import type { PluralForms } from './messages/catalog.js';
import { en as core } from './messages/core/en.js';

/**
 * The English the widgets fall back to: the strings every widget shares (`messages/core/`), and each widget's own
 * part once the widget's module has loaded ({@link addEnglish}). So a page pays for the English of the widgets it
 * imports, not for every widget's; the whole catalog, for translating, is `@crmkit/ui/locales/en`.
 */
export const english: Record<string, string | PluralForms> = { ...core };

/**
 * Adds a widget's English part to the fallback catalog. A widget calls it at the top of the module that defines it,
 * so the strings are there before it first renders (and stay with it when a bundler drops unused modules).
 *
 * @example
 * import { en as board } from '../../i18n/messages/pipeline-board/en.js';
 * addEnglish(board);
 */
export function addEnglish(part: Record<string, string | PluralForms>): void {
  Object.assign(english, part);
}
