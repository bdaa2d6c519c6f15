import { foldName, hasDiacritics } from './fold.js';

/**
 * The Vietnamese family names (folded: no diacritics, lower case), the most common first: together they cover nearly
 * every Vietnamese person. `Hoàng`/`Huỳnh` and `Vũ`/`Võ` are the northern and southern forms of one name.
 */
const FAMILIES =
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh truong doan lam mai trinh dao cao ' +
  'luu ha ta chau quach kieu thai tang luong phung vuong tu khong chu la quan trieu hua mac lai nghiem van to than ' +
  'ton thach tieu dam dong giang kha khuc khuong lac lo luc manh man nong ong phi pho phuong quang tong thieu tra ' +
  'trac trang ung uong vi vien au bach be bien cu cung diep han hau hong kim lang luan ma ninh nhan cam chung dau ' +
  'doi giap hoa nguy nhu on sam son tat thi thuy xa yen ca can che khieu lieu mong ngoc tiet';

/**
 * Family names that are just as common outside Vietnam, or are common Vietnamese given names too (`Chu` as in Jason
 * Chu, `Lam`, `Ho`, `Le`, `Mai`, `Kim`…): they make a name Vietnamese only with more evidence (see {@link isVietnamese}).
 */
const SHARED =
  'le ho lam mai ha ly la to cao chu lu ma kim han hong lang man au on yen son thi tu ta hua lo be vi thai van bach ' +
  'hoa lai ton tong dao quan chung cung nhu ca che ngoc quang thuy sam';

let families: ReadonlyMap<string, number> | undefined;
let shared: ReadonlySet<string> | undefined;

/**
 * One Vietnamese syllable, folded: an initial consonant (`ngh`, `tr`, `qu`…), one to three vowels, and a final
 * consonant. Names with letters Vietnamese does not use (f, j, w, z) or with more than one syllable per word (`Emily`,
 * `Jason`, `Somchai`) do not match.
 */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** Whether `name` (in any form or case, with or without diacritics) is a Vietnamese family name. */
export function isVietnameseFamily(name: string): boolean {
  return familyRank(name) !== undefined;
}

/** How common a Vietnamese family name is: 0 for `Nguyễn`, 1 for `Trần`…; undefined for any other name. */
export function familyRank(name: string): number | undefined {
  families ??= new Map(FAMILIES.split(' ').map((f, i) => [f, i]));
  return families.get(foldName(name.trim()));
}

/** Whether `name` is a Vietnamese family name found nowhere else (`Nguyễn`, `Trần`; not `Lê`, `Văn` or `Chu`). */
export function isDistinctlyVietnameseFamily(name: string): boolean {
  shared ??= new Set(SHARED.split(' '));
  return isVietnameseFamily(name) && !shared.has(foldName(name.trim()));
}

/**
 * Whether a given name and a family name read as a Vietnamese name: the family name is Vietnamese, every word of the
 * given name (with the middle name: `Văn An`) is a Vietnamese syllable, and there is evidence beyond a short common
 * name — diacritics, a middle name, a family name found nowhere else (`Nguyễn`, `Trần`), or input typed in Vietnamese
 * (`locale` `vi…`). So `Nguyen Linh`, `Nguyễn Văn An` and `Lại Văn Sâm` are Vietnamese; `Jason Chu` and `Emily Nguyen`
 * are not.
 *
 * @example
 * isVietnamese('Văn An', 'Nguyễn'); // true
 * isVietnamese('Jason', 'Chu'); // false
 */
export function isVietnamese(given: string, family: string, locale?: string | null): boolean {
  if (!isVietnameseFamily(family)) return false;
  const words = foldName(given).split(/\s+/u).filter(Boolean);
  if (words.length === 0 || !words.every((w) => SYLLABLE.test(w))) return false;
  return (
    words.length > 1 ||
    hasDiacritics(given + family) ||
    isDistinctlyVietnameseFamily(family) ||
    !!locale?.toLowerCase().startsWith('vi')
  );
}
