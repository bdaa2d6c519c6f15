/**
 * Text as names are compared: NFC-normalised for display, and folded (lower case, no diacritics, `đ` → `d`) for
 * matching, so `Nguyễn`, a decomposed `Nguyễn` and `Nguyen` are the same family name.
 */

/** Trimmed NFC text with single spaces (names typed or imported in any Unicode form). */
export const tidy = (text: string | null | undefined): string =>
  (text ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');

/**
 * Lower case without combining marks; `đ` becomes `d`.
 *
 * @example
 * foldName('Nguyễn'); // 'nguyen'
 * foldName('Đặng'); // 'dang'
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

/** Whether the text carries a diacritic (a combining mark once decomposed, or `đ`). */
export const hasDiacritics = (text: string): boolean => /[\p{M}đĐ]/u.test(text.normalize('NFD'));
