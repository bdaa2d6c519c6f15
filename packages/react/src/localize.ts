/** Text per locale as the schema carries it (`en` always present). */
export type LocalizedText = { en: string; [locale: string]: string };

/**
 * Picks the text for `locale`: the exact tag (`vi-VN`), then its language (`vi`), then English.
 *
 * @example
 * localize({ en: 'Members', vi: 'Hội viên' }, 'vi-VN'); // 'Hội viên'
 */
export function localize(text: LocalizedText, locale: string): string {
  return text[locale] ?? text[locale.split('-')[0]!] ?? text.en;
}
