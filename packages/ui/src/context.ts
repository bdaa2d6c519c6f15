import type { Schemas } from '@crmkit/client';
import { localize } from '@crmkit/react';
import { type CSSProperties, createContext, useContext } from 'react';
import { en } from './i18n/en.js';
import { createTranslator, type Messages, type Translate } from './i18n/translate.js';
import { type ElementPart, partClass, type ResolvedAppearance, resolveAppearance } from './theme/appearance.js';

/** Politeness of an announcement: `polite` waits for the screen reader to finish, `assertive` interrupts. */
export type Politeness = 'polite' | 'assertive';

/** Announces `message` to screen readers through the provider's live region. */
export type Announce = (message: string, politeness?: Politeness) => void;

/** Where dialogs and popovers render: an element, or `undefined` for `document.body`. */
export type PortalContainer = HTMLElement | null | undefined;

/** An entity the workspace schema labels: `contact`, `company`, `lead`, `deal`, `activity`, `ticket`. */
export type EntityName = keyof Schemas['WorkspaceSchema']['entities'];

/** What the nearest `CrmProvider` of `@crmkit/ui` gives the components below it. */
export interface UiContextValue {
  appearance: ResolvedAppearance;
  locale: string;
  messages: Messages;
  t: Translate;
  /** True while the built-in catalog of the locale loads (roots render hidden meanwhile). */
  pending: boolean;
  portalContainer: PortalContainer;
  announce: Announce;
  /** The workspace schema's entities (labels), once loaded. */
  entities: Schemas['WorkspaceSchema']['entities'] | undefined;
}

let fallback: UiContextValue | undefined;
/** Outside a provider, primitives still work: English, the light theme, portals into `document.body`. */
function defaults(): UiContextValue {
  fallback ??= {
    appearance: resolveAppearance(),
    locale: 'en',
    messages: en as unknown as Messages,
    t: createTranslator('en', en as unknown as Messages),
    pending: false,
    portalContainer: undefined,
    announce: () => {},
    entities: undefined,
  };
  return fallback;
}

export const UiContext = /* @__PURE__ */ createContext<UiContextValue | null>(null);

/** The UI context of the nearest provider, or the defaults. */
export function useUi(): UiContextValue {
  return useContext(UiContext) ?? defaults();
}

/**
 * The resolved appearance: theme name, color scheme, every variable, `elements` and the `--crm-*` style of roots.
 *
 * @example
 * const { theme, variables } = useAppearance();
 * const isDark = useAppearance().colorScheme === 'dark';
 */
export function useAppearance(): ResolvedAppearance {
  return useUi().appearance;
}

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
 * Announces a message to screen readers (e.g. "Saved", "3 results"), through the provider's live region.
 *
 * @example
 * const announce = useAnnounce();
 * await save();
 * announce(t('state.saved'));
 */
export function useAnnounce(): Announce {
  return useUi().announce;
}

/**
 * Joins class names, skipping falsy ones.
 *
 * @example
 * cx('crm-button', loading && 'is-loading', className); // 'crm-button custom'
 */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

/** Class name and style of a part, as {@link usePart} returns them. */
export interface PartProps {
  className: string;
  style: CSSProperties | undefined;
}

/**
 * The class name and style of a part: `crm-<part>`, the component's own class and style, then the host's
 * `appearance.elements[part]` (a class name, or styles that win over the component's).
 *
 * @example
 * function Header({ className }: { className?: string }) {
 *   return <header {...usePart('cardHeader', { className })} />;
 * }
 */
export function usePart(part: ElementPart, own: { className?: string; style?: CSSProperties } = {}): PartProps {
  const host = useUi().appearance.elements[part];
  const hostClass = typeof host === 'string' ? host : undefined;
  const hostStyle = typeof host === 'object' ? host : undefined;
  return {
    className: cx(partClass(part), own.className, hostClass),
    style: hostStyle || own.style ? { ...own.style, ...hostStyle } : undefined,
  };
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
