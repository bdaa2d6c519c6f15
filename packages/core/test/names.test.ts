import { describe, expect, it } from 'vitest';
import { addressName, contactName, isVietnamese, nameOrderOf, splitName, splitSalutation } from '../src/index.js';

const nfd = (s: string) => s.normalize('NFD');

describe('contactName', () => {
  it.each([
    // Vietnamese: family name first, whatever the form they are stored in.
    [{ firstName: 'Văn Tài', lastName: 'Đỗ' }, 'Đỗ Văn Tài'],
    [{ firstName: nfd('Văn An'), lastName: nfd('Nguyễn') }, 'Nguyễn Văn An'],
    [{ firstName: 'Linh', lastName: 'Nguyen' }, 'Nguyen Linh'],
    [{ firstName: 'Van An', lastName: 'NGUYEN' }, 'NGUYEN Van An'],
    [{ firstName: 'Văn Sâm', lastName: 'Lại' }, 'Lại Văn Sâm'],
    [{ firstName: 'Xuân Hòa', lastName: 'Nghiêm' }, 'Nghiêm Xuân Hòa'],
    [{ firstName: 'Thị Mai', lastName: 'Lê' }, 'Lê Thị Mai'],
    [{ firstName: 'Minh', lastName: 'Lê' }, 'Lê Minh'],
    [{ firstName: 'Quỳnh', lastName: 'Tôn Nữ' }, 'Quỳnh Tôn Nữ'],
    [{ firstName: 'Khuê', lastName: 'Khổng' }, 'Khổng Khuê'],
    [{ firstName: ' Ngọc  Ánh ', lastName: ' Trịnh ' }, 'Trịnh Ngọc Ánh'],
    // Not Vietnamese although the family name is one: given name first.
    [{ firstName: 'Jason', lastName: 'Chu' }, 'Jason Chu'],
    [{ firstName: 'Emily', lastName: 'Nguyen' }, 'Emily Nguyen'],
    [{ firstName: 'Minh', lastName: 'Le' }, 'Minh Le'],
    [{ firstName: 'Tom', lastName: 'Ho' }, 'Tom Ho'],
    [{ firstName: 'Grace', lastName: 'Lam' }, 'Grace Lam'],
    [{ firstName: 'Kevin', lastName: 'Mai' }, 'Kevin Mai'],
    // Thai and Western names: given name first; East Asian scripts family name first.
    [{ firstName: 'Somchai', lastName: 'Jaidee' }, 'Somchai Jaidee'],
    [{ firstName: 'สมชาย', lastName: 'ใจดี' }, 'สมชาย ใจดี'],
    [{ firstName: 'Emily', lastName: 'Carter' }, 'Emily Carter'],
    [{ firstName: '小明', lastName: '王' }, '王小明'],
    [{ firstName: '민준', lastName: '김' }, '김민준'],
    [{ firstName: '太郎', lastName: '山田' }, '山田太郎'],
    // The stored order wins over detection.
    [{ firstName: 'Emily', lastName: 'Carter', nameOrder: 'family_first' as const }, 'Carter Emily'],
    [{ firstName: 'Văn An', lastName: 'Nguyễn', nameOrder: 'given_first' as const }, 'Văn An Nguyễn'],
    // No full name.
    [{ firstName: 'Madonna' }, 'Madonna'],
    [{ lastName: 'Nguyễn' }, 'Nguyễn'],
    [{ emails: ['lan@example.vn'] }, 'lan@example.vn'],
    [{ phones: ['+84901234567'] }, '+84901234567'],
    [{}, '—'],
  ])('%o → %s', (contact, name) => {
    expect(contactName(contact)).toBe(name);
  });

  it('normalises to NFC', () => {
    expect(contactName({ firstName: nfd('Thị Ánh'), lastName: nfd('Đặng') })).toBe('Đặng Thị Ánh'.normalize('NFC'));
  });

  it('decides short names without diacritics by the language they were typed in', () => {
    expect(isVietnamese('Minh', 'Le')).toBe(false);
    expect(isVietnamese('Minh', 'Le', 'vi-VN')).toBe(true);
    expect(nameOrderOf({ firstName: 'Lan', lastName: 'Mai' }, 'vi')).toBe('family_first');
    expect(nameOrderOf({ firstName: 'Lan', lastName: 'Mai' }, 'en')).toBe('given_first');
    // A name that is not Vietnamese stays so in any language.
    expect(nameOrderOf({ firstName: 'Jason', lastName: 'Chu' }, 'vi-VN')).toBe('given_first');
  });
});

describe('splitName', () => {
  it.each([
    ['Nguyễn Văn An', { firstName: 'Văn An', lastName: 'Nguyễn', nameOrder: 'family_first', salutation: null }],
    [nfd('Nguyễn Thị Lan'), { firstName: 'Thị Lan', lastName: 'Nguyễn', nameOrder: 'family_first', salutation: null }],
    ['Nguyen Linh', { firstName: 'Linh', lastName: 'Nguyen', nameOrder: 'family_first', salutation: null }],
    ['Lại Văn Sâm', { firstName: 'Văn Sâm', lastName: 'Lại', nameOrder: 'family_first', salutation: null }],
    ['Emily Carter', { firstName: 'Emily', lastName: 'Carter', nameOrder: 'given_first', salutation: null }],
    [' Emily  Carter ', { firstName: 'Emily', lastName: 'Carter', nameOrder: 'given_first', salutation: null }],
    ['Jason Chu', { firstName: 'Jason', lastName: 'Chu', nameOrder: 'given_first', salutation: null }],
    ['Mary Ann Smith', { firstName: 'Mary Ann', lastName: 'Smith', nameOrder: 'given_first', salutation: null }],
    ['Jan van der Berg', { firstName: 'Jan', lastName: 'van der Berg', nameOrder: 'given_first', salutation: null }],
    ['Carter, Emily', { firstName: 'Emily', lastName: 'Carter', nameOrder: 'given_first', salutation: null }],
    ['Nguyễn, Văn An', { firstName: 'Văn An', lastName: 'Nguyễn', nameOrder: 'family_first', salutation: null }],
    ['Văn An Nguyễn', { firstName: 'Văn An', lastName: 'Nguyễn', nameOrder: 'given_first', salutation: null }],
    ['สมชาย ใจดี', { firstName: 'สมชาย', lastName: 'ใจดี', nameOrder: 'given_first', salutation: null }],
    ['คุณสมชาย ใจดี', { firstName: 'สมชาย', lastName: 'ใจดี', nameOrder: 'given_first', salutation: 'คุณ' }],
    ['คุณ สมชาย ใจดี', { firstName: 'สมชาย', lastName: 'ใจดี', nameOrder: 'given_first', salutation: 'คุณ' }],
    ['นายอนันต์ บุญมี', { firstName: 'อนันต์', lastName: 'บุญมี', nameOrder: 'given_first', salutation: 'นาย' }],
    ['นางสาวสุดา แซ่ตั้ง', { firstName: 'สุดา', lastName: 'แซ่ตั้ง', nameOrder: 'given_first', salutation: 'นางสาว' }],
    ['นางมาลี ศรีสาย', { firstName: 'มาลี', lastName: 'ศรีสาย', nameOrder: 'given_first', salutation: 'นาง' }],
    ['Khun Somchai', { firstName: 'Khun', lastName: 'Somchai', nameOrder: 'given_first', salutation: null }],
    ['Mr. John Smith', { firstName: 'John', lastName: 'Smith', nameOrder: 'given_first', salutation: 'Mr.' }],
    ['Madonna', { firstName: 'Madonna', lastName: '', nameOrder: 'given_first', salutation: null }],
    ['', { firstName: '', lastName: '', nameOrder: 'given_first', salutation: null }],
  ])('%s', (full, parts) => {
    expect(splitName(full)).toEqual(parts);
  });

  it('never takes a Thai name that starts like a salutation for one', () => {
    // คุณากร (Khunakorn) starts with คุณ, then a following vowel: it is a name.
    expect(splitSalutation('คุณากร ศรีสุข')).toEqual([null, 'คุณากร ศรีสุข']);
    expect(splitName('คุณากร ศรีสุข')).toMatchObject({ firstName: 'คุณากร', lastName: 'ศรีสุข', salutation: null });
    // นางสาว is one salutation, not นาง + สาว….
    expect(splitSalutation('นางสาวมาลี')).toEqual(['นางสาว', 'มาลี']);
    expect(splitSalutation('นาย')).toEqual([null, 'นาย']);
  });

  it('uses the language of the input for short names only', () => {
    expect(splitName('Le Minh')).toMatchObject({ firstName: 'Le', lastName: 'Minh', nameOrder: 'given_first' });
    expect(splitName('Le Minh', 'vi-VN')).toMatchObject({
      firstName: 'Minh',
      lastName: 'Le',
      nameOrder: 'family_first',
    });
    expect(splitName('Emily Carter', 'vi-VN')).toMatchObject({ firstName: 'Emily', nameOrder: 'given_first' });
  });
});

describe('addressName', () => {
  it('addresses people the way their language does', () => {
    // Vietnamese: the salutation and the given name (the last word of a family-first name).
    expect(addressName({ salutation: 'Anh', firstName: 'Văn An', lastName: 'Nguyễn' })).toBe('Anh An');
    expect(addressName({ salutation: 'Chị', firstName: 'Thị Lan', lastName: 'Lại' })).toBe('Chị Lan');
    expect(addressName({ salutation: 'Chị', firstName: 'Lan', lastName: 'Nguyen', nameOrder: 'family_first' })).toBe(
      'Chị Lan',
    );
    // Thai: คุณ before the given name, written together; a formal prefix before the whole name.
    expect(addressName({ salutation: 'คุณ', firstName: 'สมชาย', lastName: 'ใจดี' })).toBe('คุณสมชาย');
    expect(addressName({ salutation: 'นางสาว', firstName: 'สุดา', lastName: 'ใจดี' })).toBe('นางสาวสุดา ใจดี');
    // Titles: with the family name.
    expect(addressName({ salutation: 'Ms.', firstName: 'Emily', lastName: 'Carter' })).toBe('Ms. Carter');
    expect(addressName({ salutation: 'Dr', firstName: 'Cher' })).toBe('Dr Cher');
    // Decomposed input is normalised; no salutation, no form of address.
    expect(addressName({ salutation: 'Chi\u0323', firstName: 'Lan', lastName: 'Trần' })).toBe('Chị Lan');
    expect(addressName({ salutation: ' ', firstName: 'Lan', lastName: 'Trần' })).toBeNull();
    expect(addressName({ firstName: 'Lan', lastName: 'Trần' })).toBeNull();
  });
});
