import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** Danh sách phân khúc: SegmentsList. */
export const vi: Catalog<typeof en> = {
  'segments.title': 'Phân khúc',
  'segments.new': 'Phân khúc mới',
  'segments.empty': 'Chưa có phân khúc nào',
  'segments.members': { '=0': 'Chưa có thành viên', other: '{count} thành viên' },
  'segments.membersAbout': 'Khoảng {count} thành viên',
  'segments.of': 'Gồm {entities}',
  'segments.actions': 'Thao tác cho {name}',
  'segments.rename': 'Đổi tên',
  'segments.renameTitle': 'Đổi tên “{name}”',
  'segments.renamed': 'Đã đổi tên phân khúc',
  'segments.delete': 'Xoá',
  'segments.deleteTitle': 'Xoá “{name}”?',
  'segments.deleteDescription': 'Phân khúc sẽ bị xoá; các bản ghi trong đó vẫn giữ nguyên.',
  'segments.deleted': 'Đã xoá phân khúc',
};
