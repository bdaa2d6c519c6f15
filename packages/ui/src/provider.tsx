import {
  CrmProvider as BaseCrmProvider,
  type CrmProviderProps as BaseCrmProviderProps,
  useCrm,
  useSchema,
} from '@crmkit/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePartScope } from './context/scope.js';
import { type Announce, type PortalContainer, UiContext, type UiContextValue } from './context/ui.js';
import { coreMessages } from './i18n/messages/core/index.js';
import type { MessageOverrides, Messages, Translate } from './i18n/translate.js';
import { LiveRegion } from './primitives/VisuallyHidden.js';
import { rootAppearance } from './theme/root.js';
import type { Appearance } from './theme/types.js';

/** Props of {@link CrmProvider}: those of `@crmkit/react`'s provider, and how the widgets look and speak. */
export interface CrmProviderProps extends BaseCrmProviderProps {
  /** Theme, variables and per-part overrides (see `Appearance`). */
  appearance?: Appearance;
  /**
   * Host overrides of any message, per locale or language: `{ vi: { 'action.save': 'Lưu lại' } }`. A complete
   * catalog for a language replaces the built-in one (and is not loaded); a new language falls back to English.
   */
  messages?: MessageOverrides;
  /** Where dialogs and popovers render (default `document.body`). */
  portalContainer?: PortalContainer;
}

/**
 * The one provider of the widgets: `@crmkit/react`'s `CrmProvider` (client, locale, time zone, currency, calendar,
 * query cache, live updates) plus appearance, messages, the portal container and a live region for announcements.
 * Render it in a client component (Next.js: a file with `'use client'`), as it holds a client instance.
 *
 * @example
 * <CrmProvider
 *   client={createCrmClient({ baseUrl: '/crm', auth: { getToken } })}
 *   locale="vi-VN"
 *   appearance={{ theme: 'dark', variables: { colorPrimary: '#0f766e' } }}
 *   messages={{ vi: { 'action.save': 'Lưu lại' } }}
 * >
 *   <ContactCard contactId={id} />
 * </CrmProvider>
 */
export function CrmProvider({ appearance, messages, portalContainer, children, ...base }: CrmProviderProps) {
  return (
    <BaseCrmProvider {...base}>
      <UiScope appearance={appearance} messages={messages} portalContainer={portalContainer}>
        {children}
      </UiScope>
    </BaseCrmProvider>
  );
}

/** Keeps the previous value while `value` serialises the same (hosts often pass inline objects). */
function useStable<T>(value: T): T {
  const ref = useRef<{ json: string; value: T }>(null);
  const json = JSON.stringify(value) ?? '';
  if (ref.current?.json !== json) ref.current = { json, value };
  return ref.current.value;
}

const NO_OVERRIDES: MessageOverrides = {};

function UiScope({
  appearance: appearanceProp,
  messages: overridesProp,
  portalContainer,
  children,
}: Pick<CrmProviderProps, 'appearance' | 'messages' | 'portalContainer' | 'children'>) {
  const { locale } = useCrm();
  const entities = useSchema().data?.entities;
  const appearanceInput = useStable(appearanceProp);
  const overrides = useStable(overridesProp) ?? NO_OVERRIDES;

  const announcer = useRef<Announce>(() => {});
  const announce = useCallback<Announce>((message, politeness) => announcer.current(message, politeness), []);

  const appearance = useMemo(() => rootAppearance(appearanceInput), [appearanceInput]);
  const base = useMemo<UiContextValue>(
    () => ({
      appearance,
      appearanceInput,
      locale,
      // Filled in by the core's scope below.
      messages: {} as Messages,
      t: ((key: string) => key) as Translate,
      overrides,
      pending: false,
      portalContainer,
      announce,
      entities,
    }),
    [appearance, appearanceInput, locale, overrides, portalContainer, announce, entities],
  );
  // The core's messages, for the primitives and every widget (each widget adds its own part below).
  const value = usePartScope(coreMessages, base);
  return (
    <UiContext.Provider value={value}>
      {children}
      <Announcer lang={locale} connect={announcer} />
    </UiContext.Provider>
  );
}

/** The provider's two live regions; `connect.current` becomes its announce function. */
export function Announcer({ lang, connect }: { lang: string; connect: { current: Announce } }) {
  const [text, setText] = useState({ polite: '', assertive: '' });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    connect.current = (message, politeness = 'polite') => {
      // Cleared first, then set: the same message twice in a row is read twice.
      setText((t) => ({ ...t, [politeness]: '' }));
      clearTimeout(timer);
      timer = setTimeout(() => setText((t) => ({ ...t, [politeness]: message })), 60);
    };
    return () => {
      clearTimeout(timer);
      connect.current = () => {};
    };
  }, [connect]);
  return (
    <div lang={lang} data-crm-announcer="">
      <LiveRegion politeness="polite">{text.polite}</LiveRegion>
      <LiveRegion politeness="assertive">{text.assertive}</LiveRegion>
    </div>
  );
}
