import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** รายการกลุ่มเป้าหมาย: SegmentsList */
export const th: Catalog<typeof en> = {
  'segments.title': 'กลุ่มเป้าหมาย',
  'segments.new': 'กลุ่มเป้าหมายใหม่',
  'segments.empty': 'ยังไม่มีกลุ่มเป้าหมาย',
  'segments.members': { '=0': 'ไม่มีสมาชิก', other: 'สมาชิก {count} ราย' },
  'segments.membersAbout': 'สมาชิกประมาณ {count} ราย',
  'segments.of': 'ของ{entities}',
  'segments.actions': 'การดำเนินการของ {name}',
  'segments.rename': 'เปลี่ยนชื่อ',
  'segments.renameTitle': 'เปลี่ยนชื่อ “{name}”',
  'segments.renamed': 'เปลี่ยนชื่อกลุ่มเป้าหมายแล้ว',
  'segments.delete': 'ลบ',
  'segments.deleteTitle': 'ลบ “{name}” ใช่ไหม',
  'segments.deleteDescription': 'กลุ่มเป้าหมายจะถูกลบ ส่วนข้อมูลในกลุ่มยังคงเดิม',
  'segments.deleted': 'ลบกลุ่มเป้าหมายแล้ว',
};
