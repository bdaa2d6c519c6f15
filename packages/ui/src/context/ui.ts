import type { Schemas } from '@crmkit/client';
import { createContext, useContext } from 'react';
import { english } from '../i18n/english.js';
import { createTranslator, type Messages, type Translate } from '../i18n/translate.js';
import { type ResolvedAppearance, resolveAppearance } from '../theme/appearance.js';

/**
 * What the nearest `CrmProvider` of `@crmkit/ui` gives the components below it, and how to read it. Components read it
 * through the hook of each concern, beside this file: `useT` / `useMessages` (`i18n.ts`), `useEntityLabel`
 * (`labels.ts`), `useAppearance` / `usePart` (`parts.ts`), `useAnnounce` (`announce.ts`).
 */

/** Politeness of an announcement: `polite` waits for the screen reader to finish, `assertive` interrupts. */
export type Politeness = 'polite' | 'assertive';

/** Announces `message` to screen readers through the provider's live region. */
export type Announce = (message: string, politeness?: Politeness) => void;

/** Where dialogs and popovers render: an element, or `undefined` for `document.body`. */
export type PortalContainer = HTMLElement | null | undefined;

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
    messages: english as Messages,
    t: createTranslator('en', english as Messages),
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
