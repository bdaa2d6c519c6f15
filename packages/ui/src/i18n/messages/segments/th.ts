import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** กลุ่มเป้าหมาย: SegmentBuilder และ SegmentsList */
export const th: Catalog<typeof en> = {
  'segments.newTitle': 'กลุ่มเป้าหมายใหม่',
  'segments.name': 'ชื่อกลุ่มเป้าหมาย',
  'segments.resource': 'กลุ่มเป้าหมายของ',
  'segments.conditions': 'เงื่อนไข',
  'segments.matches': { '=0': 'ไม่มี{entities}ที่ตรงเงื่อนไข', other: '{entities}ที่ตรงเงื่อนไข {count} ราย' },
  'segments.matchesAbout': '{entities}ที่ตรงเงื่อนไขประมาณ {count} ราย',
  'segments.counting': 'กำลังนับ…',
  'segments.noConditions': 'เพิ่มเงื่อนไขเพื่อดูว่าใครตรงบ้าง',
  'segments.sample': 'ตัวอย่างผู้ที่ตรงเงื่อนไข',
  'segments.countFailed': 'นับจำนวนที่ตรงเงื่อนไขไม่ได้',
  'segments.save': 'บันทึกกลุ่มเป้าหมาย',
  'segments.saved': 'บันทึกกลุ่มเป้าหมายแล้ว',
  'segments.nameRequired': 'ตั้งชื่อกลุ่มเป้าหมาย',
  'segments.needsCondition': 'เพิ่มเงื่อนไขที่ครบถ้วนอย่างน้อยหนึ่งข้อ',
  'segments.notSaved': 'ยังไม่ได้บันทึกกลุ่มเป้าหมาย',
  'segments.unavailable': 'เซิร์ฟเวอร์นี้ไม่รองรับกลุ่มเป้าหมาย',
  'segments.readOnly': 'คุณดูกลุ่มเป้าหมายได้แต่แก้ไขไม่ได้',
};
