import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of TasksList. */
export const vi: Catalog<typeof en> = {
  'tasks.title': 'Công việc',
  'tasks.views': 'Chế độ xem công việc',
  'tasks.view.all': 'Tất cả',
  'tasks.view.mine': 'Của tôi',
  'tasks.view.overdue': 'Quá hạn',
  'tasks.view.today': 'Hôm nay',
  'tasks.view.upcoming': 'Sắp tới',
  'tasks.empty.all': 'Không có công việc nào đang mở',
  'tasks.empty.mine': 'Bạn không có công việc nào',
  'tasks.empty.overdue': 'Không có việc quá hạn',
  'tasks.empty.today': 'Hôm nay không có việc đến hạn',
  'tasks.empty.upcoming': 'Không có việc sắp tới',
  'tasks.due': 'Hạn {date}',
  'tasks.noDue': 'Không có hạn',
  'tasks.overdue': 'Quá hạn',
  'tasks.unassigned': 'Chưa giao',
  'tasks.complete': 'Hoàn thành: {subject}',
  'tasks.completed': 'Đã hoàn thành: {subject}',
  'tasks.snooze': 'Tạm hoãn: {subject}',
  'tasks.snooze.hour': 'Sau 1 giờ',
  'tasks.snooze.tomorrow': 'Ngày mai, 9:00',
  'tasks.snooze.nextWeek': 'Sau một tuần, 9:00',
  'tasks.snoozed': 'Đã hoãn đến {date}',
  'tasks.reassign': 'Giao lại: {subject}',
  'tasks.reassigned': 'Đã giao cho {name}',
  'tasks.open': 'Mở bản ghi',
  'tasks.notSaved': 'Chưa lưu được thay đổi: công việc vẫn như cũ. Vui lòng thử lại.',
  'tasks.untitled': 'Công việc',
  'tasks.signIn': 'Hãy đăng nhập bằng một người dùng để xem công việc của bạn',
  'tasks.signIn.description':
    'Kết nối này không gắn với người dùng nào nên không có việc nào của bạn. Quá hạn, Hôm nay và Sắp tới hiển thị công việc của mọi người.',
};
