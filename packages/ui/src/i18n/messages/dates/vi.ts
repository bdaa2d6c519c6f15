import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of a date typed in another calendar (a host may show the Buddhist era in Vietnamese). */
export const vi: Catalog<typeof en> = {
  'date.day': 'ngày',
  'date.month': 'tháng',
  'date.year': 'năm',
  'date.time': 'giờ:phút',
  'date.format': '{pattern}, ví dụ {example}',
  'date.invalid': 'Nhập ngày theo dạng {pattern}, ví dụ {example}.',
  'date.era': 'Năm ở đây tính theo {era}: nhập {year}, không phải {typed}.',
};
