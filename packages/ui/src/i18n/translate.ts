import type { en } from './en.js';
import type { Catalog, PluralForms } from './messages/catalog.js';

export type { Catalog, MessagePart, PluralForms } from './messages/catalog.js';

type En = typeof en;

/** Every message key (`'action.save'`, `'table.selected'`, ...). */
export type MessageKey = keyof En;

/** A complete catalog: one message per key of every part, plural where English is plural. */
export type Messages = Catalog<En>;

/** Host overrides of any message, per locale (`vi-VN`) or language (`vi`); a new language falls back to English. */
export type MessageOverrides = Record<string, Partial<Messages>>;

type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
type Template<K extends MessageKey> = En[K] extends { other: infer O } ? O : En[K];

/** The values a message takes: its `{placeholders}`, and `count` for plural messages. */
export type MessageValues<K extends MessageKey> = {
  [P in Placeholders<Template<K>> | (En[K] extends string ? never : 'count')]: P extends 'count'
    ? number
    : string | number;
};

/**
 * Translates a key into the current locale, filling `{placeholders}` (numbers are formatted for the locale) and
 * choosing the plural form by `count`.
 */
export type Translate = <K extends MessageKey>(
  key: K,
  ...values: keyof MessageValues<K> extends never ? [values?: undefined] : [values: MessageValues<K>]
) => string;

/**
 * Builds a {@link Translate} over `catalog` for `locale`. Use it outside React (tests, servers); in components use
 * `useT()`. A key the catalog lacks shows as itself, and is reported on the console (inside a widget: a message of
 * another widget's part, which its `MessagesScope` does not give).
 *
 * @example
 * const t = createTranslator('en-US', en);
 * t('table.selected', { count: 3 }); // '3 selected'
 * t('table.pageOf', { page: 2, pages: 10 }); // 'Page 2 of 10'
 */
export function createTranslator(locale: string, catalog: Messages): Translate {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return ((key: MessageKey, values?: Record<string, string | number>) => {
    const message: string | PluralForms | undefined = catalog[key];
    let text: string;
    // A missing message shows as its key rather than breaking the widget.
    if (message === undefined) {
      console.error(`crmkit: no message "${key}" in ${locale} here`);
      return key;
    }
    if (typeof message === 'string') text = message;
    else {
      const count = Number(values?.count ?? 0);
      text =
        (count === 0 && message['=0']) ||
        (count === 1 && message['=1']) ||
        message[rules.select(count) as keyof PluralForms] ||
        message.other;
    }
    if (!values) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = values[name];
      if (value === undefined) return match;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  }) as Translate;
}
