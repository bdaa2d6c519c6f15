import { createContext, Fragment, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type PortalKey, type PortalMessages } from './en.js';
import { th } from './th.js';
import { vi } from './vi.js';

/**
 * The portal user's preferences — language and time zone — kept in this browser (`localStorage`), and the portal's
 * strings in the chosen language. The first visit follows the browser's languages (vi-VN → Tiếng Việt, th-TH → ภาษาไทย).
 * The document's `lang`, the portal's own strings and the crmkit widgets (the provider's `locale` and `timeZone`,
 * set in App.tsx) all follow the choice.
 */
export type Language = 'en' | 'vi' | 'th';

/** The languages the portal speaks, with the locale its dates, numbers and the widgets use for each. */
export const LANGUAGES: { value: Language; label: string; locale: string }[] = [
  { value: 'en', label: 'English', locale: 'en-US' },
  { value: 'vi', label: 'Tiếng Việt', locale: 'vi-VN' },
  { value: 'th', label: 'ภาษาไทย', locale: 'th-TH' },
];

/** The time zones of the portal's offices. */
export const TIME_ZONES = [
  { value: 'Asia/Ho_Chi_Minh', label: 'Asia/Ho Chi Minh (ICT)' },
  { value: 'Asia/Bangkok', label: 'Asia/Bangkok (ICT)' },
  { value: 'Asia/Singapore', label: 'Asia/Singapore (SGT)' },
];

export interface Preferences {
  language: Language;
  timeZone: string;
  digest: boolean;
}

const CATALOGS: Record<Language, PortalMessages> = { en, vi, th };
const STORAGE_KEY = 'portal.preferences';

/** The first of the browser's languages the portal speaks (`['th-TH', 'en']` → `th`), else English. */
export function browserLanguage(languages: readonly string[]): Language {
  for (const tag of languages) {
    const language = tag.toLowerCase().split('-')[0];
    const known = LANGUAGES.find((l) => l.value === language);
    if (known) return known.value;
  }
  return 'en';
}

/** The stored preferences, or the defaults for this browser when there are none (or they are not valid). */
function loadPreferences(): Preferences {
  const defaults: Preferences = {
    language: browserLanguage(navigator.languages ?? [navigator.language]),
    timeZone: TIME_ZONES[0]!.value,
    digest: true,
  };
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Preferences> | null;
    if (!stored) return defaults;
    return {
      language: LANGUAGES.some((l) => l.value === stored.language) ? stored.language! : defaults.language,
      timeZone: TIME_ZONES.some((z) => z.value === stored.timeZone) ? stored.timeZone! : defaults.timeZone,
      digest: typeof stored.digest === 'boolean' ? stored.digest : defaults.digest,
    };
  } catch {
    return defaults;
  }
}

/** Translates a key of the portal's strings, filling `{placeholders}`. */
export type PortalT = (key: PortalKey, values?: Record<string, string | number>) => string;

interface PreferencesValue {
  preferences: Preferences;
  /** The BCP 47 locale of the chosen language (`vi-VN`). */
  locale: string;
  t: PortalT;
  /** Applies and stores new preferences. */
  save(preferences: Preferences): void;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState(loadPreferences);
  const locale = LANGUAGES.find((l) => l.value === preferences.language)!.locale;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const save = useCallback((next: Preferences) => {
    setPreferences(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage may be off (private mode): the choice lasts until the page is closed.
    }
  }, []);
  const value = useMemo<PreferencesValue>(() => {
    const catalog = CATALOGS[preferences.language];
    const t: PortalT = (key, values) =>
      catalog[key].replace(/\{(\w+)\}/g, (match, name: string) => String(values?.[name] ?? match));
    return { preferences, locale, t, save };
  }, [preferences, locale, save]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences: no <PreferencesProvider> above this component.');
  return value;
}

/** The portal's translator in the chosen language. */
export const usePortalT = (): PortalT => usePreferences().t;

/**
 * A translated message with elements in its placeholders, e.g. `{workspace}` → `<strong>…</strong>`.
 *
 * @example
 * <Trans k="access.signedIn" values={{ workspace: <strong>{name}</strong>, user: <strong>{user}</strong> }} />
 */
export function Trans({ k, values }: { k: PortalKey; values: Record<string, ReactNode> }) {
  const template = usePortalT()(k);
  const parts = template.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed template, in order
        <Fragment key={i}>{i % 2 === 1 ? (values[part] ?? `{${part}}`) : part}</Fragment>
      ))}
    </>
  );
}
