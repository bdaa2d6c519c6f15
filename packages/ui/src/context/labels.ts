import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import { coreMessages } from '../i18n/messages/core/index.js';
import { useUi } from './ui.js';

/** An entity the workspace schema labels: `contact`, `company`, `lead`, `deal`, `activity`, `ticket`. */
export type EntityName = keyof Schemas['WorkspaceSchema']['entities'];

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
  return text.en !== coreMessages.en[key] ? text.en : t(key);
}
