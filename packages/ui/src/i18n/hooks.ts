import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import { useUi } from '../context.js';
import { en } from './en.js';
import type { Messages, Translate } from './translate.js';

/** An entity the workspace schema labels: `contact`, `company`, `lead`, `deal`, `activity`, `ticket`. */
export type EntityName = keyof Schemas['WorkspaceSchema']['entities'];

/**
 * The current locale's messages and translator.
 *
 * @example
 * const { t, locale } = useMessages();
 * <p lang={locale}>{t('state.empty.title')}</p>
 */
export function useMessages(): { t: Translate; locale: string; messages: Messages; pending: boolean } {
  const { t, locale, messages, pending } = useUi();
  return { t, locale, messages, pending };
}

/**
 * The translator of the current locale.
 *
 * @example
 * const t = useT();
 * <span>{t('table.selected', { count: rows.length })}</span>
 */
export function useT(): Translate {
  return useUi().t;
}

/**
 * The workspace's label of an entity in the current locale, from `GET /v1/schema` — a fitness club sees "Members"
 * ("Hội viên") — falling back to the catalog ("Contacts") while the schema loads or where it has no label. A label
 * the workspace set only in English is used in every locale, as it names something the catalog cannot know.
 *
 * @example
 * const members = useEntityLabel('contact', 'plural'); // 'Members'
 * <h2>{members}</h2>
 */
export function useEntityLabel(entity: EntityName, form: 'singular' | 'plural' = 'plural'): string {
  const { t, locale, entities } = useUi();
  const key = `entity.${entity}.${form}` as const;
  const text = entities?.[entity]?.labels[form];
  if (!text) return t(key);
  if (text[locale] || text[locale.split('-')[0]!]) return localize(text, locale);
  return text.en !== en[key] ? text.en : t(key);
}
