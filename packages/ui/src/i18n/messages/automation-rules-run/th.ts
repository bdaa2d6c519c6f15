import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of AutomationRules' "Run now" dialog. */
export const th: Catalog<typeof en> = {
  'ruleRun.title': 'เรียกใช้ “{name}” ทันที',
  'ruleRun.description': 'เลือก{nouns}ได้สูงสุด {max} รายการเพื่อเรียกใช้ เงื่อนไขของกฎยังคงมีผล',
  'ruleRun.source': 'เลือกจาก',
  'ruleRun.source.search': 'ค้นหาตามชื่อ',
  'ruleRun.source.segment': 'กลุ่มเป้าหมายที่บันทึกไว้',
  'ruleRun.find': 'ค้นหา{noun}ตามชื่อ',
  'ruleRun.found': 'ผลการค้นหา',
  'ruleRun.noMatch': 'ไม่พบ',
  'ruleRun.segment': 'กลุ่มเป้าหมาย',
  'ruleRun.noSegments': 'ยังไม่มีกลุ่มเป้าหมายของ{nouns}ที่บันทึกไว้',
  'ruleRun.addMembers': { '=0': 'กลุ่มเป้าหมายนี้ว่างเปล่า', other: 'เพิ่มสมาชิก {count} รายของกลุ่ม' },
  'ruleRun.capped': 'เรียกใช้ได้ครั้งละ {max} รายการ: เพิ่ม {max} รายการแรกแล้ว',
  'ruleRun.chosen': { '=0': 'ยังไม่ได้เลือก', other: 'เลือกแล้ว {count} รายการ' },
  'ruleRun.remove': 'นำ {name} ออก',
  'ruleRun.run': 'เรียกใช้ทันที',
  'ruleRun.none': 'เลือก{noun}อย่างน้อยหนึ่งรายการ',
  'ruleRun.started': { '=0': 'ไม่ได้เริ่มกับใครเลย', other: 'เริ่มแล้ว {count} รายการ' },
  'ruleRun.skipped': { other: 'ไม่ได้เริ่ม {count} รายการ: ไม่ตรงตามเงื่อนไข หรือเคยเรียกใช้แล้ว' },
  'ruleRun.openLog': 'เปิดบันทึกการทำงาน',
};
