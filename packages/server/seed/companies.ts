import { type Person, slug, thLandline, vnLandline } from './people.js';
import type { Rng } from './random.js';

/** A generated company, ready to create, with the facts its contacts are derived from. */
export interface CompanySeed {
  body: {
    name: string;
    domain: string;
    industry: string;
    size: '1-10' | '11-50' | '51-200' | '201-1000' | '1001+';
    phones: string[];
    address: { street: string; city: string; region: string | null; postalCode: string | null; country: string };
    tags: string[];
  };
  country: 'VN' | 'TH' | 'intl';
  /** Mix of contact origins for people working there. */
  staff: { vn: number; th: number; en: number };
}

const SECTORS = [
  { vi: 'Thực phẩm', en: 'Foods', industry: 'Food & beverage', word: 'food' },
  { vi: 'Logistics', en: 'Logistics', industry: 'Logistics', word: 'logistics' },
  { vi: 'Xây dựng', en: 'Construction', industry: 'Construction', word: 'build' },
  { vi: 'Công nghệ', en: 'Technology', industry: 'Software', word: 'tech' },
  { vi: 'Dược phẩm', en: 'Pharma', industry: 'Healthcare', word: 'pharma' },
  { vi: 'Thời trang', en: 'Fashion', industry: 'Retail', word: 'fashion' },
  { vi: 'Nội thất', en: 'Furniture', industry: 'Manufacturing', word: 'furniture' },
  { vi: 'Du lịch', en: 'Travel', industry: 'Hospitality', word: 'travel' },
  { vi: 'Giáo dục', en: 'Education', industry: 'Education', word: 'edu' },
  { vi: 'Bất động sản', en: 'Property', industry: 'Real estate', word: 'land' },
  { vi: 'Nông sản', en: 'Agro', industry: 'Agriculture', word: 'agri' },
  { vi: 'Thương mại', en: 'Trading', industry: 'Wholesale', word: 'trading' },
] as const;

const VN_CORES = [
  'Minh Phát',
  'Hoàng Gia',
  'Sao Việt',
  'An Khang',
  'Thành Công',
  'Đại Dương',
  'Việt Tiến',
  'Hưng Thịnh',
  'Phú Quý',
  'Tân Long',
  'Bình Minh',
  'Trường Sơn',
  'Kim Ngân',
  'Hải Âu',
  'Sen Vàng',
  'Phương Nam',
  'Ánh Dương',
  'Hòa Bình',
  'Đông Á',
  'Lạc Hồng',
  'Vạn Xuân',
  'Thiên Phúc',
  'Nam Việt',
  'Bến Thành',
  'Cửu Long',
  'Tây Hồ',
  'Hồng Hà',
  'Mê Kông',
  'Thái Bình Dương',
  'Ngọc Lan',
  'Trúc Xanh',
  'Gia Định',
] as const;
const TH_CORES = [
  'Siam',
  'Chao Phraya',
  'Lanna',
  'Rattana',
  'Sukhumvit',
  'Andaman',
  'Isan',
  'Ayutthaya',
  'Krungthep',
  'Mekhong',
  'Golden Elephant',
  'Lotus Bay',
] as const;
const INTL = [
  { name: 'Northwind Traders', city: 'Singapore', country: 'SG', phone: '+656' },
  { name: 'Harbor & Pine Consulting', city: 'Sydney', country: 'AU', phone: '+612' },
  { name: 'Bluefin Analytics', city: 'Singapore', country: 'SG', phone: '+656' },
  { name: 'Meridian Hotels Group', city: 'Hong Kong', country: 'HK', phone: '+8522' },
  { name: 'Copperleaf Software', city: 'London', country: 'GB', phone: '+4420' },
  { name: 'Evergreen Learning', city: 'Melbourne', country: 'AU', phone: '+613' },
  { name: 'Atlas Freight Partners', city: 'Rotterdam', country: 'NL', phone: '+3110' },
  { name: 'Kestrel Medical', city: 'Singapore', country: 'SG', phone: '+656' },
  { name: 'Lumen Retail Asia', city: 'Kuala Lumpur', country: 'MY', phone: '+603' },
  { name: 'Oakridge Capital', city: 'Tokyo', country: 'JP', phone: '+813' },
  { name: 'Brightwater Foods', city: 'Auckland', country: 'NZ', phone: '+649' },
  { name: 'Summit Robotics', city: 'Seoul', country: 'KR', phone: '+822' },
] as const;

const VN_PLACES = [
  {
    city: 'Hồ Chí Minh',
    regions: ['Quận 1', 'Quận 3', 'Quận 7', 'Bình Thạnh', 'Thủ Đức', 'Phú Nhuận'],
    code: '700000',
    tel: 'hcm',
  },
  { city: 'Hà Nội', regions: ['Hoàn Kiếm', 'Cầu Giấy', 'Đống Đa', 'Ba Đình', 'Tây Hồ'], code: '100000', tel: 'hn' },
  { city: 'Đà Nẵng', regions: ['Hải Châu', 'Sơn Trà'], code: '550000', tel: 'hcm' },
  { city: 'Cần Thơ', regions: ['Ninh Kiều'], code: '900000', tel: 'hcm' },
  { city: 'Hải Phòng', regions: ['Lê Chân', 'Ngô Quyền'], code: '180000', tel: 'hn' },
] as const;
const VN_STREETS = [
  'Nguyễn Huệ',
  'Lê Lợi',
  'Hai Bà Trưng',
  'Điện Biên Phủ',
  'Võ Văn Tần',
  'Nguyễn Thị Minh Khai',
  'Trần Hưng Đạo',
  'Lý Thường Kiệt',
  'Pasteur',
  'Cách Mạng Tháng Tám',
] as const;
const TH_PLACES = [
  { city: 'Bangkok', regions: ['Watthana', 'Bang Rak', 'Pathum Wan', 'Sathon', 'Chatuchak'], code: '10110' },
  { city: 'Chiang Mai', regions: ['Mueang Chiang Mai'], code: '50000' },
  { city: 'Phuket', regions: ['Mueang Phuket'], code: '83000' },
] as const;
const TH_STREETS = ['Sukhumvit Road', 'Silom Road', 'Rama IV Road', 'Sathon Road', 'Phahonyothin Road'] as const;

const SIZES = [
  ['1-10', 3],
  ['11-50', 5],
  ['51-200', 4],
  ['201-1000', 2],
  ['1001+', 1],
] as const;
const TAGS = ['smb', 'enterprise', 'partner', 'key-account', 'reseller', 'public-sector'] as const;

/** Distinct Vietnamese, Thai and international companies, as many of each as asked (up to the names available). */
export function companies(rng: Rng, n: { vn: number; th: number; intl: number }): CompanySeed[] {
  const out: CompanySeed[] = [];
  const size = () => rng.weighted(SIZES);
  const tags = () =>
    rng.sample(
      TAGS,
      rng.weighted([
        [0, 2],
        [1, 5],
        [2, 2],
      ]),
    );
  for (const core of rng.sample(VN_CORES, n.vn)) {
    const sector = rng.pick(SECTORS);
    const place = rng.pick(VN_PLACES);
    out.push({
      country: 'VN',
      staff: { vn: 90, th: 2, en: 8 },
      body: {
        name: `${rng.pick(['Công ty TNHH', 'Công ty Cổ phần'])} ${sector.vi} ${core}`,
        domain: `${slug(core)}${sector.word}.${rng.pick(['vn', 'com.vn', 'com'])}`,
        industry: sector.industry,
        size: size(),
        phones: [vnLandline(rng, place.tel)],
        address: {
          street: `${rng.int(1, 350)} ${rng.pick(VN_STREETS)}`,
          city: place.city,
          region: rng.pick(place.regions),
          postalCode: place.code,
          country: 'VN',
        },
        tags: tags(),
      },
    });
  }
  for (const core of rng.sample(TH_CORES, n.th)) {
    const sector = rng.pick(SECTORS);
    const place = rng.pick(TH_PLACES);
    out.push({
      country: 'TH',
      staff: { vn: 3, th: 85, en: 12 },
      body: {
        name: `${core} ${sector.en} Co., Ltd.`,
        domain: `${slug(core)}${sector.word}.co.th`,
        industry: sector.industry,
        size: size(),
        phones: [thLandline(rng)],
        address: {
          street: `${rng.int(1, 999)}/${rng.int(1, 99)} ${rng.pick(TH_STREETS)}`,
          city: place.city,
          region: rng.pick(place.regions),
          postalCode: place.code,
          country: 'TH',
        },
        tags: tags(),
      },
    });
  }
  for (const c of rng.sample(INTL, n.intl)) {
    out.push({
      country: 'intl',
      staff: { vn: 25, th: 10, en: 65 },
      body: {
        name: c.name,
        domain: `${slug(c.name.replace('&', 'and'))}.com`,
        industry: rng.pick(SECTORS).industry,
        size: size(),
        phones: [`${c.phone}${rng.digits(7)}`],
        address: {
          street: `${rng.int(1, 200)} ${rng.pick(['Market Street', 'Harbour Road', 'King Street', 'Orchard Road'])}`,
          city: c.city,
          region: null,
          postalCode: null,
          country: c.country,
        },
        tags: tags(),
      },
    });
  }
  return out;
}

const TITLES = {
  vi: [
    'Giám đốc',
    'Phó giám đốc',
    'Kế toán trưởng',
    'Trưởng phòng IT',
    'Trưởng phòng kinh doanh',
    'Chuyên viên mua hàng',
    'Quản lý văn phòng',
    'Trưởng phòng nhân sự',
  ],
  en: [
    'CEO',
    'CFO',
    'IT Manager',
    'Head of Sales',
    'Purchasing Manager',
    'Office Manager',
    'Operations Director',
    'HR Manager',
  ],
} as const;

/** A job title in the person's language. */
export function titleOf(rng: Rng, p: Person): string {
  return rng.pick(p.origin === 'vn' ? TITLES.vi : TITLES.en);
}
