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
