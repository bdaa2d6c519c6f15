import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of the demo surfaces. */
export const th: Catalog<typeof en> = {
  'demo.starting': 'กำลังเริ่ม CRM ตัวอย่างในเบราว์เซอร์ของคุณ…',
  'demo.failed': 'เริ่ม CRM ตัวอย่างในเบราว์เซอร์ของคุณไม่สำเร็จ',
};
