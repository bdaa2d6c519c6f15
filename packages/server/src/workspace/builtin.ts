import type { EntityName, FieldDefinition, FieldType, LocalizedText } from '@crmkit/spec';

type L = LocalizedText;
const t = (en: string, vi: string, th: string): L => ({ en, vi, th });

interface Builtin {
  key: string;
  label: L;
  type: FieldType;
  required?: boolean;
  sortable?: boolean;
  filterable?: boolean;
  options?: { value: string; label: L }[];
}

const f = (key: string, label: L, type: FieldType, opts: Omit<Builtin, 'key' | 'label' | 'type'> = {}): Builtin => ({
  key,
  label,
  type,
  ...opts,
});

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

const opts = (labels: Record<string, L>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const OWNER = f('ownerId', t('Owner', 'Người phụ trách', 'ผู้รับผิดชอบ'), 'select', { filterable: true });
const TAGS = f('tags', t('Tags', 'Nhãn', 'แท็ก'), 'multiselect', { filterable: true });

/** Built-in fields of each entity, in display order. */
const BUILTIN: Record<EntityName, Builtin[]> = {
  company: [
    f('name', t('Name', 'Tên', 'ชื่อ'), 'text', { required: true, sortable: true, filterable: true }),
    f('domain', t('Domain', 'Tên miền', 'โดเมน'), 'url', { sortable: true, filterable: true }),
    f('industry', t('Industry', 'Ngành', 'อุตสาหกรรม'), 'text', { sortable: true, filterable: true }),
    f('size', t('Size', 'Quy mô', 'ขนาด'), 'select', {
      filterable: true,
      options: ['1-10', '11-50', '51-200', '201-1000', '1001+'].map((v) => ({ value: v, label: t(v, v, v) })),
    }),
    f('phones', t('Phones', 'Điện thoại', 'โทรศัพท์'), 'phone'),
    OWNER,
    TAGS,
  ],
  contact: [
    f('firstName', t('First name', 'Tên', 'ชื่อ'), 'text', { sortable: true, filterable: true }),
    f('lastName', t('Last name', 'Họ', 'นามสกุล'), 'text', { sortable: true, filterable: true }),
    f('emails', t('Emails', 'Email', 'อีเมล'), 'email', { filterable: true }),
    f('phones', t('Phones', 'Điện thoại', 'โทรศัพท์'), 'phone', { filterable: true }),
    f('companyId', t('Company', 'Công ty', 'บริษัท'), 'select', { filterable: true }),
    f('title', t('Job title', 'Chức danh', 'ตำแหน่ง'), 'text'),
    f('birthday', t('Birthday', 'Ngày sinh', 'วันเกิด'), 'date', { sortable: true, filterable: true }),
    f('lifecycleStage', t('Lifecycle stage', 'Giai đoạn', 'สถานะลูกค้า'), 'select', {
      required: true,
      sortable: true,
      filterable: true,
      options: opts(LIFECYCLE_LABELS),
    }),
    f('source', t('Source', 'Nguồn', 'แหล่งที่มา'), 'select', { filterable: true }),
    OWNER,
    TAGS,
    f('lastContactedAt', t('Last contacted', 'Liên hệ gần nhất', 'ติดต่อล่าสุด'), 'date', {
      sortable: true,
      filterable: true,
    }),
  ],
  lead: [
    f('name', t('Name', 'Tên', 'ชื่อ'), 'text', { required: true, sortable: true, filterable: true }),
    f('companyName', t('Company', 'Công ty', 'บริษัท'), 'text', { sortable: true, filterable: true }),
    f('email', t('Email', 'Email', 'อีเมล'), 'email', { filterable: true }),
    f('phone', t('Phone', 'Điện thoại', 'โทรศัพท์'), 'phone', { filterable: true }),
    f('source', t('Source', 'Nguồn', 'แหล่งที่มา'), 'select', { sortable: true, filterable: true }),
    f('status', t('Status', 'Trạng thái', 'สถานะ'), 'select', {
      sortable: true,
      filterable: true,
      options: opts({
        new: t('New', 'Mới', 'ใหม่'),
        contacted: t('Contacted', 'Đã liên hệ', 'ติดต่อแล้ว'),
        qualified: t('Qualified', 'Đủ điều kiện', 'ผ่านเกณฑ์'),
        disqualified: t('Disqualified', 'Không đủ điều kiện', 'ไม่ผ่านเกณฑ์'),
        converted: t('Converted', 'Đã chuyển đổi', 'แปลงแล้ว'),
      }),
    }),
    OWNER,
    TAGS,
  ],
  deal: [
    f('name', t('Name', 'Tên', 'ชื่อ'), 'text', { required: true, sortable: true, filterable: true }),
    f('amount', t('Amount', 'Giá trị', 'มูลค่า'), 'currency', { sortable: true, filterable: true }),
    f('stageId', t('Stage', 'Giai đoạn', 'ขั้นตอน'), 'select', { filterable: true }),
    f('probability', t('Probability', 'Xác suất', 'ความน่าจะเป็น'), 'number', { sortable: true, filterable: true }),
    f('expectedCloseDate', t('Expected close', 'Dự kiến chốt', 'คาดว่าจะปิด'), 'date', {
      sortable: true,
      filterable: true,
    }),
    f('companyId', t('Company', 'Công ty', 'บริษัท'), 'select', { filterable: true }),
    OWNER,
    TAGS,
  ],
  activity: [
    f('type', t('Type', 'Loại', 'ประเภท'), 'select', {
      required: true,
      filterable: true,
      options: opts(ACTIVITY_TYPE_LABELS),
    }),
    f('subject', t('Subject', 'Tiêu đề', 'หัวข้อ'), 'text'),
    f('outcome', t('Outcome', 'Kết quả', 'ผลลัพธ์'), 'text', { filterable: true }),
    f('occurredAt', t('Date', 'Thời gian', 'เวลา'), 'date', { sortable: true, filterable: true }),
    f('dueAt', t('Due', 'Hạn', 'กำหนด'), 'date', { sortable: true, filterable: true }),
  ],
  ticket: [
    f('subject', t('Subject', 'Tiêu đề', 'หัวข้อ'), 'text', { required: true, sortable: true }),
    f('status', t('Status', 'Trạng thái', 'สถานะ'), 'select', {
      sortable: true,
      filterable: true,
      options: opts(TICKET_STATUS_LABELS),
    }),
    f('priority', t('Priority', 'Mức ưu tiên', 'ความสำคัญ'), 'select', {
      sortable: true,
      filterable: true,
      options: opts(TICKET_PRIORITY_LABELS),
    }),
    f('channel', t('Channel', 'Kênh', 'ช่องทาง'), 'select', { filterable: true, options: opts(TICKET_CHANNEL_LABELS) }),
    f('assigneeId', t('Assignee', 'Người xử lý', 'ผู้รับผิดชอบ'), 'select', { filterable: true }),
    f('teamId', t('Team', 'Nhóm', 'ทีม'), 'select', { filterable: true }),
    TAGS,
  ],
};

/** Built-in field definitions of an entity. */
export function builtinFields(entity: EntityName): FieldDefinition[] {
  return BUILTIN[entity].map((b) => ({
    key: b.key,
    label: b.label,
    type: b.type,
    custom: false,
    required: b.required ?? false,
    sortable: b.sortable ?? false,
    filterable: b.filterable ?? false,
    ...(b.options ? { options: b.options } : {}),
  }));
}
