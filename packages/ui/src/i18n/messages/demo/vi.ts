import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of the demo surfaces. */
export const vi: Catalog<typeof en> = {
  'demo.starting': 'Đang khởi động CRM mẫu trong trình duyệt của bạn…',
  'demo.failed': 'Không khởi động được CRM mẫu trong trình duyệt của bạn.',
};
