import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/**
 * The Thai strings of a date typed in the Buddhist era: the placeholders Thai forms write (วว/ดด/ปปปป), and the
 * problem of a Gregorian year typed where the year is พ.ศ.
 */
export const th: Catalog<typeof en> = {
  'date.day': 'วว',
  'date.month': 'ดด',
  'date.year': 'ปปปป',
  'date.time': 'ชช:นน',
  'date.format': '{pattern} เช่น {example}',
  'date.invalid': 'กรอกวันที่แบบ {pattern} เช่น {example}',
  'date.era': 'ใช้ปี {era}: พิมพ์ {year} แทน {typed}',
};
