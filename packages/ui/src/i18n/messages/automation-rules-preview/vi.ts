import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of AutomationRules' preview for one record. */
export const vi: Catalog<typeof en> = {
  'rulePreview.title': 'Quy tắc sẽ làm gì cho một {noun}?',
  'rulePreview.find': 'Tìm {noun} theo tên',
  'rulePreview.found': 'Kết quả',
  'rulePreview.noMatch': 'Không tìm thấy.',
  'rulePreview.matches': '{name} thỏa mãn điều kiện. Quy tắc sẽ (hiện chưa làm gì):',
  'rulePreview.noMatchConditions': '{name} hiện không thỏa mãn điều kiện nên quy tắc sẽ không chạy. Nếu chạy thì:',
  'rulePreview.branch.yes': 'kiểm tra {condition}: có',
  'rulePreview.branch.no': 'kiểm tra {condition}: không',
  'rulePreview.branch.unknown': 'kiểm tra {condition}',
};
