import { en, type Messages } from '@crmkit/ui';
import { th } from '@crmkit/ui/locales/th';
import { vi } from '@crmkit/ui/locales/vi';
import type { Page } from 'playwright-core';

/**
 * Checks of the language the crmkit widgets speak on a host page: the English UI strings of crmkit's catalog that
 * can be found inside the widgets (their text and their accessible names, placeholders and titles).
 */
const catalogs: Record<'vi' | 'th', Messages> = { vi, th };

const forms = (message: Messages[keyof Messages]): string[] =>
  typeof message === 'string' ? [message] : Object.values(message).filter((m): m is string => typeof m === 'string');

/**
 * The English strings a widget must not show in `language`: every message of the English catalog without
 * placeholders, with three letters or more, that the language's catalog writes differently ("Email" stays "Email").
 */
export function englishStrings(language: 'vi' | 'th'): string[] {
  const strings = new Set<string>();
  for (const key of Object.keys(en) as (keyof Messages)[]) {
    const translated = new Set(forms(catalogs[language][key]));
    for (const text of forms(en[key])) {
      if (!text.includes('{') && /\p{L}{3}/u.test(text) && !translated.has(text)) strings.add(text);
    }
  }
  return [...strings];
}

/** All the text of the widgets on the page (every `.crm-root`, dialogs and menus included), and their labels. */
export function widgetText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.crm-root')]
      .flatMap((root) => [
        // The rendered text: block boundaries become line breaks, so "Save" and "Cancel" stay two words.
        // biome-ignore lint/performance/useDomNodeTextContent: textContent would run adjacent blocks' words together
        root.innerText,
        ...[...root.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((el) =>
          ['aria-label', 'placeholder', 'title', 'alt'].map((name) => el.getAttribute(name) ?? ''),
        ),
      ])
      .join('\n'),
  );
}

/** The English UI strings found as whole words in the widgets of the page (an empty list when there are none). */
export async function englishInWidgets(page: Page, language: 'vi' | 'th'): Promise<string[]> {
  const text = await widgetText(page);
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return englishStrings(language).filter((s) => new RegExp(`(?<!\\p{L})${literal(s)}(?!\\p{L})`, 'u').test(text));
}
