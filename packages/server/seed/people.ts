import type { Rng } from './random.js';

/** A generated person: names as a CRM stores them, where they are from and their gender (for names). */
export interface Person {
  firstName: string;
  lastName: string;
  /** Where the person is from: decides the phone country and the locale of messages. */
  origin: 'vn' | 'th' | 'en';
  gender: 'f' | 'm';
  /** The name in Latin letters, when it is written in another script (for email addresses). */
  latin?: { firstName: string; lastName: string };
}

const VN_FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
] as const;
const VN_MIDDLE = {
  f: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Bảo', 'Khánh'],
  m: ['Văn', 'Minh', 'Quốc', 'Đức', 'Hữu', 'Thanh', 'Gia'],
};
const VN_GIVEN = {
  f: [
    'Lan',
    'Hương',
    'Mai',
    'Linh',
    'Trang',
    'Thảo',
    'Hà',
    'Ngân',
    'Vy',
    'Yến',
    'Phương',
    'Hạnh',
    'Nhung',
    'Quỳnh',
    'Anh',
    'Châu',
  ],
  m: [
    'Minh',
    'Nam',
    'Hùng',
    'Dũng',
    'Tuấn',
    'Khoa',
    'Phúc',
    'Quân',
    'Long',
    'Huy',
    'Bảo',
    'Tài',
    'Sơn',
    'Thắng',
    'Việt',
    'Khang',
  ],
};
/** Thai names: in Latin letters (as Thais write them in English and in email addresses) and in Thai script. */
const TH_GIVEN: Record<Person['gender'], readonly (readonly [latin: string, thai: string])[]> = {
  f: [
    ['Suda', 'สุดา'],
    ['Kanya', 'กัญญา'],
    ['Ploy', 'พลอย'],
    ['Mali', 'มะลิ'],
    ['Nittaya', 'นิตยา'],
    ['Pimchanok', 'พิมพ์ชนก'],
    ['Siriporn', 'ศิริพร'],
    ['Wanida', 'วนิดา'],
    ['Araya', 'อารยา'],
    ['Chalida', 'ชลิดา'],
    ['Nok', 'นก'],
    ['Ratana', 'รัตนา'],
  ],
  m: [
    ['Somchai', 'สมชาย'],
    ['Anan', 'อนันต์'],
    ['Niran', 'นิรันดร์'],
    ['Arthit', 'อาทิตย์'],
    ['Chaiwat', 'ชัยวัฒน์'],
    ['Kittipong', 'กิตติพงษ์'],
    ['Prasert', 'ประเสริฐ'],
    ['Somsak', 'สมศักดิ์'],
    ['Thanawat', 'ธนวัฒน์'],
    ['Wichai', 'วิชัย'],
    ['Narong', 'ณรงค์'],
    ['Pichit', 'พิชิต'],
  ],
};
const TH_FAMILY: readonly (readonly [latin: string, thai: string])[] = [
  ['Saetang', 'แซ่ตั้ง'],
  ['Srisai', 'ศรีใส'],
  ['Wongsa', 'วงศ์ษา'],
  ['Chaiyaporn', 'ชัยพร'],
  ['Boonmee', 'บุญมี'],
  ['Suksawat', 'สุขสวัสดิ์'],
  ['Rattanakosin', 'รัตนโกสินทร์'],
  ['Thongchai', 'ธงชัย'],
  ['Kittisak', 'กิตติศักดิ์'],
  ['Jaidee', 'ใจดี'],
  ['Charoenkul', 'เจริญกุล'],
  ['Phromma', 'พรหมมา'],
  ['Siriwat', 'ศิริวัฒน์'],
  ['Sukprasert', 'สุขประเสริฐ'],
];
const EN_GIVEN = {
  f: ['Emma', 'Olivia', 'Ava', 'Mia', 'Sophie', 'Grace', 'Chloe', 'Hannah', 'Laura', 'Rachel', 'Claire', 'Zoe'],
  m: ['Liam', 'Noah', 'Lucas', 'Ethan', 'James', 'Daniel', 'Oliver', 'Henry', 'Thomas', 'Ryan', 'Peter', 'Mark'],
};
const EN_FAMILY = [
  'Smith',
  'Brown',
  'Taylor',
  'Wilson',
  'Davies',
  'Evans',
  'Walker',
  'Wright',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  'Turner',
  'Mitchell',
] as const;

/**
 * A person with a realistic Vietnamese, Thai or English name, in the given proportions; Thai names in Thai script
 * with `thaiScript` (as a Thai business stores its Thai customers), else in Latin letters.
 */
export function person(rng: Rng, mix: { vn: number; th: number; en: number }, thaiScript = false): Person {
  const origin = rng.weighted<Person['origin']>([
    ['vn', mix.vn],
    ['th', mix.th],
    ['en', mix.en],
  ]);
  const gender = rng.chance(0.5) ? 'f' : 'm';
  if (origin === 'vn') {
    // Vietnamese order is family, middle, given; CRMs store the given (with the middle) name as the first name.
    return {
      firstName: `${rng.pick(VN_MIDDLE[gender])} ${rng.pick(VN_GIVEN[gender])}`,
      lastName: rng.pick(VN_FAMILY),
      origin,
      gender,
    };
  }
  if (origin === 'th') {
    const [firstName, thaiFirst] = rng.pick(TH_GIVEN[gender]);
    const [lastName, thaiLast] = rng.pick(TH_FAMILY);
    if (!thaiScript) return { firstName, lastName, origin, gender };
    return { firstName: thaiFirst, lastName: thaiLast, origin, gender, latin: { firstName, lastName } };
  }
  return { firstName: rng.pick(EN_GIVEN[gender]), lastName: rng.pick(EN_FAMILY), origin, gender };
}

/** The name as people write it: Vietnamese family name first, others given name first. */
export function fullName(p: Pick<Person, 'firstName' | 'lastName' | 'origin'>): string {
  return p.origin === 'vn' ? `${p.lastName} ${p.firstName}` : `${p.firstName} ${p.lastName}`;
}

/** Lower-case ASCII without diacritics (`Nguyễn Đức` → `nguyen duc`), for emails and domains. */
export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** `slug('Minh Phát Logistics')` → `minhphatlogistics`. */
export function slug(text: string): string {
  return ascii(text).replace(/[^a-z0-9]+/g, '');
}

const FREE_MAIL = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'] as const;

/**
 * A unique email address for a person: at `domain` (a company's) when given, else at a free mail provider.
 * `taken` collects the addresses handed out so far.
 */
export function emailOf(rng: Rng, p: Person, taken: Set<string>, domain?: string | null): string {
  const name = p.latin ?? p;
  const given = slug(name.firstName.split(' ').at(-1)!);
  const family = slug(name.lastName);
  const local = domain
    ? rng.pick([`${given}.${family}`, `${given}${family[0]}`, `${family}.${given}`])
    : rng.pick([`${given}.${family}`, `${given}${family}${rng.int(70, 99)}`, `${family}${given}`]);
  const host = domain ?? rng.pick(FREE_MAIL);
  let email = `${local}@${host}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${host}`;
  taken.add(email);
  return email;
}

/** A Vietnamese mobile number in E.164 (`+8490…`). */
export function vnMobile(rng: Rng): string {
  return `+84${rng.pick(['90', '91', '93', '94', '96', '97', '98', '32', '35', '70', '77', '81', '86', '88'])}${rng.digits(7)}`;
}

/** A Thai mobile number in E.164 (`+668…`). */
export function thMobile(rng: Rng): string {
  return `+66${rng.pick(['6', '8', '9'])}${rng.digits(8)}`;
}

/** A Ho Chi Minh City / Hanoi landline (`+8428…`, `+8424…`). */
export function vnLandline(rng: Rng, city: 'hcm' | 'hn' = 'hcm'): string {
  return `+84${city === 'hcm' ? '28' : '24'}${rng.digits(8)}`;
}

/** A Bangkok landline (`+662…`). */
export function thLandline(rng: Rng): string {
  return `+662${rng.digits(7)}`;
}

/** A mobile number matching the person's origin (English speakers here mostly use local numbers). */
export function mobileOf(rng: Rng, p: Person): string {
  if (p.origin === 'th') return thMobile(rng);
  if (p.origin === 'en' && rng.chance(0.25)) return `+447${rng.digits(9)}`;
  return vnMobile(rng);
}

/** A birthday (`YYYY-MM-DD`) for someone aged `minAge`–`maxAge` in `year`. */
export function birthdayOf(rng: Rng, year: number, minAge = 20, maxAge = 62): string {
  const y = year - rng.int(minAge, maxAge);
  const m = rng.int(1, 12);
  const d = rng.int(1, [31, y % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
