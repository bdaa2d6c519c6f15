import type { Schemas } from '@crmkit/client';
import { createContext, useContext } from 'react';
import { coreMessages } from '../i18n/messages/core/index.js';
import { createTranslator, type MessageOverrides, type Messages, type Translate } from '../i18n/translate.js';
import { type RootAppearance, rootAppearance } from '../theme/root.js';
import type { Appearance } from '../theme/types.js';

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
  /** What roots need of the appearance (theme, density, inline variables, part overrides). */
  appearance: RootAppearance;
  /** The host's `appearance`, as given (resolved in full by `useAppearance`). */
  appearanceInput: Appearance | undefined;
  locale: string;
  /** The messages in scope: the core's, and inside a widget its part's (see `MessagesScope`). */
  messages: Messages;
  t: Translate;
  /** The host's `messages`, which every part's messages are layered with. */
  overrides: MessageOverrides;
  /** True while built-in messages of the locale load (roots render hidden meanwhile). */
  pending: boolean;
  portalContainer: PortalContainer;
  announce: Announce;
  /** The workspace schema's entities (labels), once loaded. */
  entities: Schemas['WorkspaceSchema']['entities'] | undefined;
}

let fallback: UiContextValue | undefined;
/** Outside a provider, primitives still work: English, the light theme, portals into `document.body`. */
function defaults(): UiContextValue {
  const messages = coreMessages.en as unknown as Messages;
  fallback ??= {
    appearance: rootAppearance(),
    appearanceInput: undefined,
    locale: 'en',
    messages,
    t: createTranslator('en', messages),
    overrides: {},
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
