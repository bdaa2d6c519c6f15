import { type EntityName, type FieldDefinition, type LocalizedText, standardFields } from '@crmkit/spec';

type L = LocalizedText;
const t = (en: string, vi: string, th: string): L => ({ en, vi, th });

/** Default labels of each entity. */
export const DEFAULT_LABELS: Record<EntityName, { singular: L; plural: L }> = {
  company: { singular: t('Company', 'Công ty', 'บริษัท'), plural: t('Companies', 'Công ty', 'บริษัท') },
  contact: { singular: t('Contact', 'Liên hệ', 'ผู้ติดต่อ'), plural: t('Contacts', 'Liên hệ', 'ผู้ติดต่อ') },
  lead: { singular: t('Lead', 'Khách hàng tiềm năng', 'ลีด'), plural: t('Leads', 'Khách hàng tiềm năng', 'ลีด') },
  deal: { singular: t('Deal', 'Cơ hội', 'ดีล'), plural: t('Deals', 'Cơ hội', 'ดีล') },
  activity: { singular: t('Activity', 'Hoạt động', 'กิจกรรม'), plural: t('Activities', 'Hoạt động', 'กิจกรรม') },
  ticket: { singular: t('Ticket', 'Phiếu hỗ trợ', 'ทิกเก็ต'), plural: t('Tickets', 'Phiếu hỗ trợ', 'ทิกเก็ต') },
};

export const LIFECYCLE_LABELS = {
  potential: t('Potential', 'Tiềm năng', 'ผู้มีแนวโน้ม'),
  active: t('Active', 'Đang hoạt động', 'ใช้งานอยู่'),
  loyal: t('Loyal', 'Trung thành', 'ลูกค้าประจำ'),
  lost: t('Lost', 'Đã rời bỏ', 'สูญเสีย'),
} as const;

export const ACTIVITY_TYPE_LABELS = {
  call: t('Call', 'Cuộc gọi', 'โทร'),
  email: t('Email', 'Email', 'อีเมล'),
  sms: t('SMS', 'SMS', 'SMS'),
  chat: t('Chat', 'Trò chuyện', 'แชท'),
  meeting: t('Meeting', 'Cuộc họp', 'ประชุม'),
  note: t('Note', 'Ghi chú', 'บันทึก'),
  task: t('Task', 'Công việc', 'งาน'),
  app: t('App', 'Ứng dụng', 'แอป'),
  system: t('System', 'Hệ thống', 'ระบบ'),
} as const;

export const TICKET_STATUS_LABELS = {
  new: t('New', 'Mới', 'ใหม่'),
  open: t('Open', 'Đang mở', 'เปิดอยู่'),
  pending: t('Pending', 'Chờ phản hồi', 'รอการตอบกลับ'),
  on_hold: t('On hold', 'Tạm giữ', 'พักไว้'),
  solved: t('Solved', 'Đã giải quyết', 'แก้ไขแล้ว'),
  closed: t('Closed', 'Đã đóng', 'ปิดแล้ว'),
} as const;

export const TICKET_PRIORITY_LABELS = {
  low: t('Low', 'Thấp', 'ต่ำ'),
  normal: t('Normal', 'Bình thường', 'ปกติ'),
  high: t('High', 'Cao', 'สูง'),
  urgent: t('Urgent', 'Khẩn cấp', 'เร่งด่วน'),
} as const;

export const TICKET_CHANNEL_LABELS = {
  email: t('Email', 'Email', 'อีเมล'),
  phone: t('Phone', 'Điện thoại', 'โทรศัพท์'),
  chat: t('Chat', 'Trò chuyện', 'แชท'),
  web: t('Web', 'Web', 'เว็บ'),
  sms: t('SMS', 'SMS', 'SMS'),
  app: t('App', 'Ứng dụng', 'แอป'),
  social: t('Social', 'Mạng xã hội', 'โซเชียล'),
} as const;

const LEAD_STATUS_LABELS = {
  new: t('New', 'Mới', 'ใหม่'),
  contacted: t('Contacted', 'Đã liên hệ', 'ติดต่อแล้ว'),
  qualified: t('Qualified', 'Đủ điều kiện', 'ผ่านเกณฑ์'),
  disqualified: t('Disqualified', 'Không đủ điều kiện', 'ไม่ผ่านเกณฑ์'),
  converted: t('Converted', 'Đã chuyển đổi', 'แปลงแล้ว'),
} as const;

const OWNER = t('Owner', 'Người phụ trách', 'ผู้รับผิดชอบ');
const TAGS = t('Tags', 'Nhãn', 'แท็ก');
const COMPANY = t('Company', 'Công ty', 'บริษัท');
const NAME = t('Name', 'Tên', 'ชื่อ');
const SOURCE = t('Source', 'Nguồn', 'แหล่งที่มา');
const SUBJECT = t('Subject', 'Tiêu đề', 'หัวข้อ');
const STATUS = t('Status', 'Trạng thái', 'สถานะ');

/** Labels of the standard fields of each entity (which fields, their types and flags: `standardFields` of the spec). */
const FIELD_LABELS: Record<EntityName, Record<string, L>> = {
  company: {
    name: NAME,
    domain: t('Domain', 'Tên miền', 'โดเมน'),
    industry: t('Industry', 'Ngành', 'อุตสาหกรรม'),
    size: t('Size', 'Quy mô', 'ขนาด'),
    phones: t('Phones', 'Điện thoại', 'โทรศัพท์'),
    ownerId: OWNER,
    tags: TAGS,
  },
  contact: {
    firstName: t('First name', 'Tên', 'ชื่อ'),
    lastName: t('Last name', 'Họ', 'นามสกุล'),
    emails: t('Emails', 'Email', 'อีเมล'),
    phones: t('Phones', 'Điện thoại', 'โทรศัพท์'),
    companyId: COMPANY,
    title: t('Job title', 'Chức danh', 'ตำแหน่ง'),
    birthday: t('Birthday', 'Ngày sinh', 'วันเกิด'),
    lifecycleStage: t('Lifecycle stage', 'Giai đoạn', 'สถานะลูกค้า'),
    source: SOURCE,
    ownerId: OWNER,
    tags: TAGS,
    lastContactedAt: t('Last contacted', 'Liên hệ gần nhất', 'ติดต่อล่าสุด'),
  },
  lead: {
    name: NAME,
    companyName: COMPANY,
    email: t('Email', 'Email', 'อีเมล'),
    phone: t('Phone', 'Điện thoại', 'โทรศัพท์'),
    source: SOURCE,
    status: STATUS,
    ownerId: OWNER,
    tags: TAGS,
  },
  deal: {
    name: NAME,
    amount: t('Amount', 'Giá trị', 'มูลค่า'),
    stageId: t('Stage', 'Giai đoạn', 'ขั้นตอน'),
    probability: t('Probability', 'Xác suất', 'ความน่าจะเป็น'),
    expectedCloseDate: t('Expected close', 'Dự kiến chốt', 'คาดว่าจะปิด'),
    companyId: COMPANY,
    ownerId: OWNER,
    tags: TAGS,
    stageEnteredAt: t('In stage since', 'Vào giai đoạn từ', 'อยู่ในขั้นตอนตั้งแต่'),
    lastActivityAt: t('Last activity', 'Hoạt động gần nhất', 'กิจกรรมล่าสุด'),
    nextActivityAt: t('Next activity', 'Việc tiếp theo', 'กิจกรรมถัดไป'),
  },
  activity: {
    type: t('Type', 'Loại', 'ประเภท'),
    subject: SUBJECT,
    outcome: t('Outcome', 'Kết quả', 'ผลลัพธ์'),
    occurredAt: t('Date', 'Thời gian', 'เวลา'),
    dueAt: t('Due', 'Hạn', 'กำหนด'),
  },
  ticket: {
    subject: SUBJECT,
    status: STATUS,
    priority: t('Priority', 'Mức ưu tiên', 'ความสำคัญ'),
    channel: t('Channel', 'Kênh', 'ช่องทาง'),
    assigneeId: t('Assignee', 'Người xử lý', 'ผู้รับผิดชอบ'),
    teamId: t('Team', 'Nhóm', 'ทีม'),
    tags: TAGS,
  },
};

/** Labels of the values of the selects whose values the contract fixes (others read: the value itself). */
const OPTION_LABELS: Partial<Record<EntityName, Record<string, Record<string, L>>>> = {
  contact: { lifecycleStage: LIFECYCLE_LABELS },
  lead: { status: LEAD_STATUS_LABELS },
  activity: { type: ACTIVITY_TYPE_LABELS },
  ticket: { status: TICKET_STATUS_LABELS, priority: TICKET_PRIORITY_LABELS, channel: TICKET_CHANNEL_LABELS },
};

/**
 * The built-in field definitions of an entity: the contract's standard fields (keys, types, required, sortable and
 * filterable come from `standardFields`), with this server's labels.
 */
export function builtinFields(entity: EntityName): FieldDefinition[] {
  return standardFields(entity).map((f) => ({
    key: f.key,
    label: FIELD_LABELS[entity][f.key] ?? t(f.key, f.key, f.key),
    type: f.type,
    custom: false,
    required: f.required,
    sortable: f.sortable,
    filterable: f.filterable,
    ...(f.options
      ? {
          options: f.options.map((value) => ({
            value,
            label: OPTION_LABELS[entity]?.[f.key]?.[value] ?? t(value, value, value),
          })),
        }
      : {}),
  }));
}
