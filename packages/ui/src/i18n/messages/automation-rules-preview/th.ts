import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of AutomationRules' preview for one record. */
export const th: Catalog<typeof en> = {
  'rulePreview.title': 'กฎจะทำอะไรกับ{noun}หนึ่งราย?',
  'rulePreview.find': 'ค้นหา{noun}ตามชื่อ',
  'rulePreview.found': 'ผลการค้นหา',
  'rulePreview.noMatch': 'ไม่พบ',
  'rulePreview.matches': '{name} ตรงตามเงื่อนไข กฎจะ (ยังไม่ได้ทำอะไร):',
  'rulePreview.noMatchConditions': '{name} ยังไม่ตรงตามเงื่อนไข กฎจึงจะไม่เริ่ม หากเริ่ม:',
  'rulePreview.branch.yes': 'ตรวจสอบว่า {condition}: ใช่',
  'rulePreview.branch.no': 'ตรวจสอบว่า {condition}: ไม่ใช่',
  'rulePreview.branch.unknown': 'ตรวจสอบว่า {condition}',
};
