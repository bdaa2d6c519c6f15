import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** Phân khúc: SegmentBuilder và SegmentsList. */
export const vi: Catalog<typeof en> = {
  'segments.newTitle': 'Phân khúc mới',
  'segments.name': 'Tên phân khúc',
  'segments.resource': 'Phân khúc của',
  'segments.conditions': 'Điều kiện',
  'segments.matches': { '=0': 'Không có {entities} nào khớp', other: '{count} {entities} khớp' },
  'segments.matchesAbout': 'Khoảng {count} {entities} khớp',
  'segments.counting': 'Đang đếm…',
  'segments.noConditions': 'Thêm một điều kiện để xem ai khớp.',
  'segments.sample': 'Một vài người khớp',
  'segments.countFailed': 'Không đếm được số khớp.',
  'segments.save': 'Lưu phân khúc',
  'segments.saved': 'Đã lưu phân khúc',
  'segments.nameRequired': 'Hãy đặt tên cho phân khúc.',
  'segments.needsCondition': 'Thêm ít nhất một điều kiện đầy đủ.',
  'segments.notSaved': 'Chưa lưu được phân khúc.',
  'segments.unavailable': 'Máy chủ này không hỗ trợ phân khúc',
  'segments.readOnly': 'Bạn có thể xem phân khúc nhưng không thể thay đổi.',
};
