/**
 * The text that `q` searches: lower-cased, NFC-normalised, and followed by a copy without diacritics when it
 * has any, so `nguyễn` finds "Nguyễn" only, while `nguyen` finds "Nguyen" and "Nguyễn" alike (as people type
 * Vietnamese without a Vietnamese keyboard). `q` is split into words, each matched on its own, so a name is found
 * in whichever order it is written: "Đỗ Văn Tài" as displayed, "van tai do" as stored, "Carter, Emily".
 */

/** Lower-cased NFC text (what `q` is matched with). */
export const normalizeSearch = (s: string): string => s.normalize('NFC').toLowerCase();

/** The text without combining marks; `đ` becomes `d`. */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The words of a search: lower-cased NFC text split at white space and commas, each once. A record matches when
 * every word is part of its search text.
 *
 * @example
 * searchTerms('Carter, Emily'); // ['carter', 'emily']
 * searchTerms('  Đỗ  Văn Tài '); // ['đỗ', 'văn', 'tài']
 */
export function searchTerms(q: string): string[] {
  return [
    ...new Set(
      normalizeSearch(q)
        .split(/[\s,]+/u)
        .filter(Boolean),
    ),
  ];
}

/** The stored `search_text` of a record, from the values of its searchable fields. */
export function searchTextOf(values: readonly unknown[]): string {
  const text = normalizeSearch(
    values
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(String)
      .join(' '),
  );
  const folded = foldDiacritics(text);
  return folded === text ? text : `${text}\n${folded}`;
}
