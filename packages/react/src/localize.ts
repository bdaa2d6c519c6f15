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

/**
 * A pipeline stage's name for `locale`: its label there (see {@link localize}), else its `name` — so a workspace
 * that labels its stages per language shows no English stage names to Vietnamese or Thai users.
 *
 * @example
 * stageName({ name: 'Proposal', label: { en: 'Proposal', vi: 'Gửi báo giá' } }, 'vi-VN'); // 'Gửi báo giá'
 */
export function stageName(stage: { name: string; label?: LocalizedText }, locale: string): string {
  return stage.label ? localize(stage.label, locale) : stage.name;
}
