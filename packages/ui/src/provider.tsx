import {
  CrmProvider as BaseCrmProvider,
  type CrmProviderProps as BaseCrmProviderProps,
  useCrm,
  useSchema,
} from '@crmkit/react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type Announce, type PortalContainer, UiContext, type UiContextValue } from './context/ui.js';
import { builtinLanguages, loadedCatalog, preloadMessages } from './i18n/catalogs.js';
import { english } from './i18n/english.js';
import { createTranslator, type MessageOverrides, type Messages, resolveMessages } from './i18n/translate.js';
import { LiveRegion } from './primitives/VisuallyHidden.js';
import { type Appearance, resolveAppearance } from './theme/appearance.js';

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

/** Whether a host's catalog has every message of the widgets loaded so far (then the built-in one isn't loaded). */
const complete = (m: Partial<Messages> | undefined) => !!m && Object.keys(english).every((key) => key in m);

/** Keeps the previous value while `value` serialises the same (hosts often pass inline objects). */
function useStable<T>(value: T): T {
  const ref = useRef<{ json: string; value: T }>(null);
  const json = JSON.stringify(value) ?? '';
  if (ref.current?.json !== json) ref.current = { json, value };
  return ref.current.value;
}

function UiScope({
  appearance: appearanceProp,
  messages: overridesProp,
  portalContainer,
  children,
}: Pick<CrmProviderProps, 'appearance' | 'messages' | 'portalContainer' | 'children'>) {
  const { locale } = useCrm();
  const entities = useSchema().data?.entities;
  const appearanceInput = useStable(appearanceProp);
  const overrides = useStable(overridesProp);
  const language = locale.split('-')[0]!;
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const builtin = loadedCatalog(locale);
  const pending =
    !builtin &&
    builtinLanguages.includes(language) &&
    !complete(overrides?.[language]) &&
    !complete(overrides?.[locale]);
  useEffect(() => {
    if (pending) preloadMessages(locale).then(loaded, loaded);
  }, [pending, locale]);

  const announcer = useRef<Announce>(() => {});
  const announce = useCallback<Announce>((message, politeness) => announcer.current(message, politeness), []);

  const appearance = useMemo(() => resolveAppearance(appearanceInput), [appearanceInput]);
  const i18n = useMemo(() => {
    const messages = resolveMessages(locale, builtin ? { [language]: builtin } : {}, overrides);
    return { messages, t: createTranslator(locale, messages) };
  }, [locale, language, builtin, overrides]);
  const value = useMemo<UiContextValue>(
    () => ({ appearance, locale, ...i18n, pending, portalContainer, announce, entities }),
    [appearance, locale, i18n, pending, portalContainer, announce, entities],
  );
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
