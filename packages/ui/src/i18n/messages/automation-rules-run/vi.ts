import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of AutomationRules' "Run now" dialog. */
export const vi: Catalog<typeof en> = {
  'ruleRun.title': 'Chạy “{name}” ngay',
  'ruleRun.description': 'Chọn tối đa {max} {nouns} để chạy. Các điều kiện của quy tắc vẫn được áp dụng.',
  'ruleRun.source': 'Chọn từ',
  'ruleRun.source.search': 'Tìm theo tên',
  'ruleRun.source.segment': 'Phân khúc đã lưu',
  'ruleRun.find': 'Tìm {noun} theo tên',
  'ruleRun.found': 'Kết quả',
  'ruleRun.noMatch': 'Không tìm thấy.',
  'ruleRun.segment': 'Phân khúc',
  'ruleRun.noSegments': 'Chưa có phân khúc {nouns} nào được lưu.',
  'ruleRun.addMembers': { '=0': 'Phân khúc trống', other: 'Thêm {count} thành viên của phân khúc' },
  'ruleRun.capped': 'Mỗi lần chỉ chạy được {max}: đã thêm {max} mục đầu tiên.',
  'ruleRun.chosen': { '=0': 'Chưa chọn mục nào', other: 'Đã chọn {count}' },
  'ruleRun.remove': 'Bỏ {name}',
  'ruleRun.run': 'Chạy ngay',
  'ruleRun.none': 'Hãy chọn ít nhất một {noun}.',
  'ruleRun.started': { '=0': 'Không bắt đầu cho ai', other: 'Đã bắt đầu cho {count}' },
  'ruleRun.skipped': { other: 'Không bắt đầu cho {count}: không thỏa điều kiện hoặc đã chạy rồi' },
  'ruleRun.openLog': 'Mở nhật ký chạy',
};
