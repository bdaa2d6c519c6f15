import { type Bilingual, type Language, say } from './data/ticket-topics.js';
import type { Rng } from './random.js';
import type { SeedTime } from './time.js';

/** Who and what a generated activity is about. */
export interface ActivitySubject {
  contactId: string;
  companyId: string | null;
  dealId: string | null;
  /** The language the contact writes in (and the team writes to them in). */
  language: Language;
  /** When the contact was created: activities come after it. */
  since: Date;
}

/** A generated activity: the create body, when it was logged, and the task's completion time if done. */
export interface ActivityPlan {
  body: Record<string, unknown>;
  at: Date;
  completedAt: Date | null;
}

const CALLS: readonly { subject: Bilingual; outcomes: readonly (readonly [string, Bilingual])[] }[] = [
  {
    subject: { vi: 'Gọi tư vấn sản phẩm', en: 'Discovery call', th: 'ขอคำปรึกษาเรื่องผลิตภัณฑ์' },
    outcomes: [
      [
        'interested',
        {
          vi: 'Khách quan tâm gói Business, hẹn gửi báo giá.',
          en: 'Interested in Business; quote to follow.',
          th: 'ลูกค้าสนใจแพ็กเกจ Business นัดส่งใบเสนอราคา',
        },
      ],
      [
        'connected',
        {
          vi: 'Đã trao đổi nhu cầu, khách cần thêm thời gian.',
          en: 'Talked through needs; they need time.',
          th: 'คุยเรื่องความต้องการแล้ว ลูกค้าขอเวลาตัดสินใจ',
        },
      ],
      ['no_answer', { vi: 'Không nghe máy.', en: 'No answer.', th: 'ไม่รับสาย' }],
      ['voicemail', { vi: 'Để lại lời nhắn thoại.', en: 'Left a voicemail.', th: 'ฝากข้อความเสียงไว้' }],
    ],
  },
  {
    subject: { vi: 'Gọi chăm sóc khách hàng', en: 'Customer check-in call', th: 'โทรดูแลลูกค้า' },
    outcomes: [
      [
        'connected',
        {
          vi: 'Khách hài lòng, đề nghị thêm tính năng báo cáo.',
          en: 'Happy overall; wants more reports.',
          th: 'ลูกค้าพอใจ อยากได้รายงานเพิ่ม',
        },
      ],
      [
        'busy',
        {
          vi: 'Khách bận, hẹn gọi lại chiều nay.',
          en: 'Busy; asked to call back this afternoon.',
          th: 'ลูกค้าติดธุระ ขอให้โทรกลับบ่ายนี้',
        },
      ],
      ['no_answer', { vi: 'Không liên lạc được.', en: 'Could not reach them.', th: 'ติดต่อไม่ได้' }],
    ],
  },
  {
    subject: { vi: 'Gọi nhắc thanh toán', en: 'Payment reminder call', th: 'โทรแจ้งเตือนชำระเงิน' },
    outcomes: [
      [
        'connected',
        {
          vi: 'Khách hứa chuyển khoản trong tuần.',
          en: 'Promised to pay this week.',
          th: 'ลูกค้าสัญญาว่าจะโอนภายในสัปดาห์นี้',
        },
      ],
      [
        'voicemail',
        {
          vi: 'Để lại lời nhắn nhắc hạn thanh toán.',
          en: 'Left a voicemail about the due date.',
          th: 'ฝากข้อความเรื่องวันครบกำหนดชำระ',
        },
      ],
    ],
  },
  {
    subject: { vi: 'Gọi xác nhận lịch demo', en: 'Confirm demo appointment', th: 'โทรยืนยันนัดสาธิต' },
    outcomes: [
      ['connected', { vi: 'Đã xác nhận lịch demo.', en: 'Demo confirmed.', th: 'ยืนยันนัดสาธิตแล้ว' }],
      [
        'not_interested',
        { vi: 'Khách tạm hoãn, chưa có ngân sách.', en: 'Postponed: no budget yet.', th: 'ลูกค้าขอเลื่อน ยังไม่มีงบประมาณ' },
      ],
    ],
  },
];

const EMAILS: readonly { subject: Bilingual; body: Bilingual }[] = [
  {
    subject: {
      vi: 'Báo giá phần mềm quản lý bán hàng',
      en: 'Quote for the sales management suite',
      th: 'ใบเสนอราคาระบบบริหารงานขาย',
    },
    body: {
      vi: 'Kính gửi anh/chị, em gửi báo giá chi tiết theo trao đổi. Báo giá có hiệu lực 30 ngày.',
      en: 'Please find the detailed quote as discussed; it is valid for 30 days.',
      th: 'เรียนคุณลูกค้า ขอส่งใบเสนอราคาโดยละเอียดตามที่ได้คุยกันไว้ ใบเสนอราคามีอายุ 30 วันครับ',
    },
  },
  {
    subject: {
      vi: 'Cảm ơn anh/chị đã tham gia buổi demo',
      en: 'Thanks for your time at the demo',
      th: 'ขอบคุณที่เข้าร่วมการสาธิต',
    },
    body: {
      vi: 'Em gửi lại slide và video buổi demo. Anh/chị cần thêm thông tin gì cứ báo em.',
      en: 'Here are the slides and the recording. Let me know if you need anything else.',
      th: 'ขอส่งสไลด์และวิดีโอการสาธิตให้ครับ หากต้องการข้อมูลเพิ่มเติมแจ้งได้เลย',
    },
  },
  {
    subject: {
      vi: 'Hợp đồng và điều khoản thanh toán',
      en: 'Contract and payment terms',
      th: 'สัญญาและเงื่อนไขการชำระเงิน',
    },
    body: {
      vi: 'Em gửi dự thảo hợp đồng, thanh toán 50% khi ký và 50% sau nghiệm thu.',
      en: 'Draft contract attached: 50% on signature, 50% on acceptance.',
      th: 'แนบร่างสัญญามาให้ครับ ชำระ 50% เมื่อลงนาม และ 50% หลังตรวจรับงาน',
    },
  },
  {
    subject: { vi: 'Tính năng mới tháng này', en: "What's new this month", th: 'ฟีเจอร์ใหม่ประจำเดือน' },
    body: {
      vi: 'Bản cập nhật mới có báo cáo tồn kho theo thời gian thực và kết nối hóa đơn điện tử.',
      en: 'This update brings real-time stock reports and e-invoice integration.',
      th: 'อัปเดตนี้มีรายงานสต็อกแบบเรียลไทม์และเชื่อมต่อ e-Tax Invoice',
    },
  },
];

const CHATS: readonly Bilingual[] = [
  {
    vi: 'Khách hỏi qua Zalo về giá gói Pro cho 10 người dùng.',
    en: 'Asked on chat about Pro pricing for ten users.',
    th: 'ลูกค้าทัก LINE ถามราคาแพ็กเกจ Pro สำหรับ 10 ผู้ใช้',
  },
  {
    vi: 'Khách nhắn Zalo xin tài liệu hướng dẫn sử dụng.',
    en: 'Asked on chat for the user guide.',
    th: 'ลูกค้าทัก LINE ขอคู่มือการใช้งาน',
  },
  {
    vi: 'Trao đổi qua Messenger về lịch triển khai.',
    en: 'Discussed the rollout schedule on Messenger.',
    th: 'คุยเรื่องแผนการติดตั้งระบบทาง LINE',
  },
];

const SMS: readonly Bilingual[] = [
  {
    vi: 'Nhắc lịch demo lúc 10:00 sáng mai.',
    en: 'Reminder: demo tomorrow at 10:00.',
    th: 'แจ้งเตือน: นัดสาธิตพรุ่งนี้ 10:00 น.',
  },
  { vi: 'Cảm ơn anh/chị đã thanh toán hóa đơn.', en: 'Thank you for your payment.', th: 'ขอบคุณสำหรับการชำระเงิน' },
  {
    vi: 'Ưu đãi cuối năm: giảm 15% khi gia hạn 2 năm.',
    en: 'Year-end offer: 15% off a two-year renewal.',
    th: 'โปรปลายปี: ต่ออายุ 2 ปี ลด 15%',
  },
];

const MEETINGS: readonly Bilingual[] = [
  {
    vi: 'Demo sản phẩm tại văn phòng khách hàng',
    en: "Product demo at the customer's office",
    th: 'สาธิตผลิตภัณฑ์ที่สำนักงานลูกค้า',
  },
  { vi: 'Họp khảo sát quy trình bán hàng', en: 'Sales process workshop', th: 'ประชุมสำรวจขั้นตอนการขาย' },
  { vi: 'Họp nghiệm thu triển khai', en: 'Go-live acceptance meeting', th: 'ประชุมตรวจรับการใช้งานจริง' },
];

const NOTES: readonly Bilingual[] = [
  {
    vi: 'Khách đang so sánh với đối thủ, khá nhạy cảm về giá.',
    en: 'Comparing us with a competitor; price-sensitive.',
    th: 'ลูกค้ากำลังเทียบกับคู่แข่ง ค่อนข้างอ่อนไหวเรื่องราคา',
  },
  {
    vi: 'Người quyết định là giám đốc tài chính, cần chuẩn bị ROI.',
    en: 'The CFO decides; prepare an ROI case.',
    th: 'ผู้ตัดสินใจคือ CFO ต้องเตรียมข้อมูลความคุ้มค่า (ROI)',
  },
  { vi: 'Khách muốn triển khai trước Tết.', en: 'Wants to go live before Tết.', th: 'ลูกค้าอยากเริ่มใช้งานก่อนสงกรานต์' },
  {
    vi: 'Đã gửi tài liệu tích hợp API cho bộ phận IT.',
    en: 'Sent the API integration guide to their IT team.',
    th: 'ส่งคู่มือเชื่อมต่อ API ให้ฝ่าย IT ของลูกค้าแล้ว',
  },
];

const TASKS: readonly { purpose: string; subject: Bilingual }[] = [
  { purpose: 'call_back', subject: { vi: 'Gọi lại cho khách', en: 'Call back', th: 'โทรกลับหาลูกค้า' } },
  {
    purpose: 'follow_up',
    subject: { vi: 'Theo dõi phản hồi báo giá', en: 'Follow up on the quote', th: 'ติดตามผลใบเสนอราคา' },
  },
  { purpose: 'send_quote', subject: { vi: 'Gửi báo giá', en: 'Send quote', th: 'ส่งใบเสนอราคา' } },
  { purpose: 'demo', subject: { vi: 'Chuẩn bị buổi demo', en: 'Prepare the demo', th: 'เตรียมการสาธิต' } },
  {
    purpose: 'promotion',
    subject: { vi: 'Giới thiệu ưu đãi cuối năm', en: 'Present the year-end offer', th: 'นำเสนอโปรปลายปี' },
  },
];

/** The chat app people use: Zalo in Vietnam, LINE in Thailand. */
const CHAT_APPS: Record<Language, string> = { vi: 'zalo', th: 'line', en: 'messenger' };

const TYPES = [
  ['call', 26],
  ['email', 20],
  ['sms', 7],
  ['chat', 12],
  ['meeting', 8],
  ['note', 12],
  ['task', 15],
] as const;

/**
 * A realistic sales or account-management activity about a contact: a call with an outcome, an email, an
 * SMS, a chat, a meeting, a note, or a task with a due date (done when it fell due before the base).
 */
export function salesActivity(rng: Rng, time: SeedTime, about: ActivitySubject, assigneeId: string): ActivityPlan {
  const lang = about.language;
  const daysSince = Math.max(1, Math.floor((time.base.getTime() - about.since.getTime()) / 86_400_000));
  const at = time.workTime(0, Math.min(daysSince, 240));
  const links = {
    contactId: about.contactId,
    ...(about.companyId && rng.chance(0.6) ? { companyId: about.companyId } : {}),
    ...(about.dealId && rng.chance(0.7) ? { dealId: about.dealId } : {}),
  };
  const type = rng.weighted(TYPES);
  switch (type) {
    case 'call': {
      const call = rng.pick(CALLS);
      const [outcome, text] = rng.pick(call.outcomes);
      const talked = !['no_answer', 'voicemail', 'busy'].includes(outcome);
      const body = {
        type,
        direction: rng.chance(0.8) ? 'outbound' : 'inbound',
        subject: say(call.subject, lang),
        body: say(text, lang),
        outcome,
        durationSeconds: talked ? rng.int(90, 1500) : rng.int(0, 40),
        occurredAt: at.toISOString(),
        ...links,
      };
      return { body, at, completedAt: null };
    }
    case 'email': {
      const email = rng.pick(EMAILS);
      const inbound = rng.chance(0.3);
      const body = {
        type,
        direction: inbound ? 'inbound' : 'outbound',
        subject: inbound ? `Re: ${say(email.subject, lang)}` : say(email.subject, lang),
        body: say(email.body, lang),
        occurredAt: at.toISOString(),
        ...links,
      };
      return { body, at, completedAt: null };
    }
    case 'sms':
    case 'chat': {
      const text = say(rng.pick(type === 'sms' ? SMS : CHATS), lang);
      const body = {
        type,
        direction: type === 'sms' ? 'outbound' : rng.chance(0.6) ? 'inbound' : 'outbound',
        body: text,
        occurredAt: at.toISOString(),
        tags: type === 'chat' ? [CHAT_APPS[lang]] : [],
        ...links,
      };
      return { body, at, completedAt: null };
    }
    case 'meeting': {
      const body = {
        type,
        subject: say(rng.pick(MEETINGS), lang),
        durationSeconds: rng.pick([1800, 3600, 5400]),
        occurredAt: at.toISOString(),
        ...links,
      };
      return { body, at, completedAt: null };
    }
    case 'note':
      return {
        body: { type, body: say(rng.pick(NOTES), lang), occurredAt: at.toISOString(), ...links },
        at,
        completedAt: null,
      };
    case 'task': {
      const task = rng.pick(TASKS);
      const due = time.plusMinutes(at, rng.int(1, 12) * 24 * 60);
      const done = due.getTime() < time.base.getTime() && rng.chance(0.75);
      const body = {
        type,
        subject: say(task.subject, lang),
        purpose: task.purpose,
        occurredAt: at.toISOString(),
        dueAt: due.toISOString(),
        assigneeId,
        ...links,
      };
      return { body, at, completedAt: done ? time.plusMinutes(due, -rng.int(10, 600)) : null };
    }
  }
}
