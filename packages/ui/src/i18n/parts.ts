import type { MessagePart } from './messages/catalog.js';
import type { MessageOverrides, Messages } from './translate.js';

/** A part of any keys. */
// biome-ignore lint/suspicious/noExplicitAny: parts differ in their keys; each is typed where it is written.
type Part = MessagePart<any>;

/** The built-in translations loaded so far, per part and language. */
const loaded = new WeakMap<Part, Record<string, Partial<Messages>>>();
const loading = new WeakMap<Part, Record<string, Promise<Partial<Messages> | undefined>>>();

/** The language of a locale: `vi` of `vi-VN`. */
export const languageOf = (locale: string): string => locale.split('-')[0]!;

/** The built-in messages of `part` in `language` when they are at hand (English always), else undefined. */
export function loadedPart(part: Part, language: string): Partial<Messages> | undefined {
  return language === 'en' ? part.en : loaded.get(part)?.[language];
}

/**
 * Loads the built-in translation of `part` into `language` (once; a failed load is tried again next time). Resolves
 * undefined for a language the part has no translation into.
 *
 * @example
 * await loadPart(cardMessages, 'vi');
 * loadedPart(cardMessages, 'vi')?.['consent.title']; // 'Đồng ý nhận tin'
 */
export function loadPart(part: Part, language: string): Promise<Partial<Messages> | undefined> {
  const done = loadedPart(part, language);
  const load = part.load[language];
  if (done || !load) return Promise.resolve(done);
  const pending = loading.get(part) ?? {};
  loading.set(part, pending);
  pending[language] ??= load().then(
    (messages) => {
      loaded.set(part, { ...loaded.get(part), [language]: messages });
      return messages;
    },
    (error) => {
      delete pending[language];
      throw error;
    },
  );
  return pending[language];
}

/**
 * Whether `part` still has to load for `locale`: it has a built-in translation into the language that has not loaded,
 * and the host's messages for the language or the locale do not already give every message of the part.
 */
export function partPending(part: Part, locale: string, overrides: MessageOverrides): boolean {
  const language = languageOf(locale);
  if (loadedPart(part, language) || !part.load[language]) return false;
  const keys = Object.keys(part.en);
  return ![overrides[language], overrides[locale]].some((o) => o && keys.every((key) => key in o));
}

/**
 * The messages of `part` in `locale`: English, then `builtin` (its built-in translation into the language, when
 * loaded: {@link loadedPart}), then the host's messages for the language, then for the exact locale — each only where
 * it has a message.
 */
export function partMessages(
  part: Part,
  locale: string,
  builtin: Partial<Messages> | undefined,
  overrides: MessageOverrides,
): Partial<Messages> {
  const language = languageOf(locale);
  return Object.assign({}, part.en, builtin, overrides[language], language === locale ? undefined : overrides[locale]);
}
