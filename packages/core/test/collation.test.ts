import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CollationLanguage, collationKey, nameSortKey } from '../src/collation/index.js';

const byKey = (language: CollationLanguage) => (a: string, b: string) => {
  const x = collationKey(a, language);
  const y = collationKey(b, language);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Names and words people sort: Vietnamese with every tone, Thai with tone marks and leading vowels, Latin. */
const WORDS = [
  ...['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Ánh'],
  ...['Anh', 'An', 'Ân', 'Ấn', 'ăn', 'Ăn', 'Bảo', 'Bao', 'Bạo', 'Cường', 'Cuong', 'Diệp', 'Đức', 'Duc', 'Hà', 'Hạ'],
  ...['Hương', 'Huong', 'Lân', 'Lâm', 'Ngọc', 'Oanh', 'Ơn', 'Quân', 'Sơn', 'Thư', 'Uyên', 'Ưng', 'Yến', 'ệ', 'Ê'],
  ...['Emily', 'zoe', 'Zoe', 'Zed', "O'Brien", 'Mary-Ann', 'JEAN', 'Søren', 'Łukasz', 'Straße', 'Strasse', 'Æsa'],
  ...['José', 'Renée', 'Ålesund'],
  ...['เกษม', 'ขจร', 'สมชาย', 'สมศักดิ์', 'ก้อย', 'ก่อ', 'กอ', 'เก่ง', 'เกง', 'แก้ว', 'ไก่', 'ใจดี', 'บุญมี'],
  ...['ศรีสาย', 'แซ่ตั้ง', 'ณัฏฐ์', 'พิมพ์ชนก', 'ธนวัฒน์', 'ฤดี', 'โชติ', 'เพ็ญ', 'น้ำ', 'นำ', 'กำไร', 'ข้าว', 'ข่าว'],
  ...['1', '2', '10', '๑', '-', ' '],
];
const ALPHABET = [
  ...new Set([
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯZzfjwáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
    ..."ÁÀẢÃẠỨỪỬỮỰ0123456789 -.'",
    ...'กขคงจฉชซญณดตถทธนบปผพฟภมยรลวศษสหฬอฮะาิีึืุูเแโใไ่้๊๋์็ัำ',
  ]),
];

describe('collationKey orders text as ICU does (Intl.Collator)', () => {
  const LANGUAGES: [CollationLanguage, string][] = [
    ['vi', 'vi'],
    ['th', 'th'],
    ['root', 'en'],
  ];
  const names = fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '', '-'))
    .map(([words, sep]) => words.join(sep));
  const letters = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  it.each(LANGUAGES)('%s: names and random letters, also in NFD', (language, locale) => {
    const icu = new Intl.Collator(locale);
    const key = byKey(language);
    const agree = (a: string, b: string) => Math.sign(icu.compare(a, b)) === key(a, b);
    fc.assert(fc.property(names, names, agree), { numRuns: 3000 });
    fc.assert(fc.property(letters, letters, agree), { numRuns: 3000 });
    fc.assert(
      fc.property(letters, letters, (a, b) => key(a.normalize('NFD'), b) === Math.sign(icu.compare(a, b))),
      { numRuns: 1000 },
    );
  });

  it('sorts the examples people notice: accents and đ in the alphabet, Thai leading vowels under their consonant', () => {
    const sorted = (language: CollationLanguage, words: string[]) => [...words].sort(byKey(language));
    expect(sorted('vi', ['Zoe', 'Đặng', 'Ánh', 'An', 'Ân', 'Dung', 'Ăn'])).toEqual([
      'An',
      'Ánh',
      'Ăn',
      'Ân',
      'Dung',
      'Đặng',
      'Zoe',
    ]);
    expect(sorted('root', ['Zoe', 'Đặng', 'Ánh', 'Dung'])).toEqual(['Ánh', 'Đặng', 'Dung', 'Zoe']);
    expect(sorted('th', ['ขจร', 'เกษม', 'กานดา', 'Anan', 'ไก่'])).toEqual(['กานดา', 'เกษม', 'ไก่', 'ขจร', 'Anan']);
    expect(sorted('vi', ['ขจร', 'Anan', 'เกษม'])).toEqual(['Anan', 'เกษม', 'ขจร']);
    // Bytewise, these were the other way round.
    expect('Ánh' > 'Zoe' && 'เกษม' > 'ขจร').toBe(true);
  });

  it('makes keys that stay below the surrogates and never hold a NUL', () => {
    const key = collationKey('Nguyễn 王小明 😀 ก่', 'vi');
    expect(key).not.toContain('\u0000');
    expect([...key].every((c) => c.charCodeAt(0) < 0xd800)).toBe(true);
  });
});

describe('nameSortKey', () => {
  const people = [
    { firstName: 'Văn An', lastName: 'Nguyễn' },
    { firstName: 'Thị Ánh', lastName: 'Lê' },
    { firstName: 'Minh Bảo', lastName: 'Nguyễn' },
    { firstName: 'An', lastName: 'Đặng' },
    { firstName: 'Emily', lastName: 'Carter' },
    { firstName: 'สมชาย', lastName: 'ใจดี' },
    { firstName: 'กานดา', lastName: 'บุญมี' },
    { firstName: '', lastName: '', emails: ['zz@example.com'] },
  ];
  const order = (locale: string) =>
    [...people]
      .map((p) => [nameSortKey(p, locale), `${p.lastName} ${p.firstName}`.trim() || p.emails![0]!] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, name]) => name);

  it('sorts by given name, family name as the tie-break, in Vietnamese', () => {
    expect(order('vi-VN')).toEqual([
      'Đặng An',
      'Nguyễn Văn An',
      'Lê Thị Ánh',
      'Nguyễn Minh Bảo',
      'Carter Emily',
      'zz@example.com',
      'บุญมี กานดา',
      'ใจดี สมชาย',
    ]);
  });

  it('sorts Thai first and by given name in Thai', () => {
    expect(order('th-TH').slice(0, 3)).toEqual(['บุญมี กานดา', 'ใจดี สมชาย', 'Đặng An']);
  });

  it('sorts by family name, then given name, in other languages', () => {
    expect(order('en')).toEqual([
      'Carter Emily',
      'Đặng An',
      'Lê Thị Ánh',
      'Nguyễn Minh Bảo',
      'Nguyễn Văn An',
      'zz@example.com',
      // ใจดี sorts under จ, before บ.
      'ใจดี สมชาย',
      'บุญมี กานดา',
    ]);
  });
});
