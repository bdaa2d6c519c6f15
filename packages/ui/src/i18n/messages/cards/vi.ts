import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Vietnamese strings of ContactCard and CompanyCard. */
export const vi: Catalog<typeof en> = {
  'card.companyName': 'Tên',
  'birthday.today': 'Sinh nhật hôm nay',
  'birthday.inDays': { '=1': 'Sinh nhật ngày mai', other: 'Sinh nhật sau {count} ngày nữa' },
  'birthday.age': 'Tròn {age} tuổi',

  'consent.title': 'Sự đồng ý',
  'consent.email': 'Email tiếp thị',
  'consent.sms': 'SMS tiếp thị',
  'consent.phone': 'Cuộc gọi',
  'consent.tracking': 'Theo dõi hành vi',
  'consent.granted': 'Đã đồng ý',
  'consent.denied': 'Đã từ chối',
  'consent.unknown': 'Chưa hỏi',
  'consent.grantedOn': 'Đồng ý ngày {date}',
  'consent.deniedOn': 'Từ chối ngày {date}',

  'card.editName': 'Sửa {name}',
  'card.addressAs': 'Xưng hô: {name}',
  'card.salutation': 'Danh xưng',
  'card.nameOrder': 'Thứ tự họ tên',
  'card.nameOrder.given_first': 'Tên trước, họ sau',
  'card.nameOrder.family_first': 'Họ trước, tên sau',
  'card.channels': 'Cách liên hệ',
  'card.never': 'Chưa có tương tác nào',
  'card.nothingPlanned': 'Chưa có kế hoạch',
  'card.task': 'Công việc',
  'card.customFields': 'Thông tin chi tiết',
  'card.noOpenDeals': 'Không có cơ hội đang mở',
  'card.dealsSummary': { other: '{count} cơ hội đang mở · {total} (theo xác suất {weighted})' },
  'card.probability': 'Khả năng {percent}',
  'card.noOpenTickets': 'Không có yêu cầu đang mở',
  'card.slaBreached': 'Quá hạn SLA',
  'card.listHint': 'Phân tách các giá trị bằng dấu phẩy. {options}',
  'card.employees': '{size} nhân viên',
  'card.noContacts': 'Chưa có người liên hệ nào',
};
