/** The types every part of the catalogs is written in. */

/**
 * The forms of a plural message: `other` always, the `Intl.PluralRules` categories the language uses, and exact
 * matches `=0` / `=1` (checked first).
 */
export type PluralForms = { other: string } & Partial<
  Record<'=0' | '=1' | 'zero' | 'one' | 'two' | 'few' | 'many', string>
>;

/**
 * The translation of an English catalog (or part of one, `typeof en`): one message per key, plural where English is
 * plural. A catalog typed so fails to typecheck when it misses a key.
 */
export type Catalog<E> = { [K in keyof E]: E[K] extends string ? string : PluralForms };

/**
 * A part of the catalogs: the strings of one widget (or of the core every widget shares), in English — bundled with
 * the code that uses them — and the built-in translations by language, each loaded on demand as a chunk of its own.
 * A widget renders inside a `MessagesScope` of its part; `t()` below it knows the core's messages and the part's.
 */
export interface MessagePart<E = Record<string, string | PluralForms>> {
  /** A name for logs and tests (`cards`, `contacts-table`). */
  name: string;
  en: E;
  /** Loaders of the built-in translations, by language (`vi`, `th`). */
  load: Record<string, () => Promise<Catalog<E>>>;
}
