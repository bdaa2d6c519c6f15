/** The languages of the club's pages (and of the widgets, through `CrmProvider`'s `locale`). */
export const LOCALES = ['en-US', 'vi-VN', 'th-TH'] as const;
export type Locale = (typeof LOCALES)[number];

/** The cookie that remembers the chosen language, so pages render in it on the server too. */
export const LOCALE_COOKIE = 'club_locale';

export const isLocale = (value: string | undefined): value is Locale => LOCALES.includes(value as Locale);

const en = {
  tagline: 'Bangkok · Ho Chi Minh City',
  clubs: 'Clubs',
  openDaily: 'Open daily',
  members: 'Members',
  classes: 'Classes',
  renewals: 'Renewals',
  tasks: 'Tasks',
  rules: 'Touch plan',
  rulesLead:
    "The twelve touches of a member's year — welcome, first visit, birthday, renewal reminders, win-back — as the club's automation rules in the CRM: what each does, whether it is on, and how its runs went. A manager switches them; the front desk reads them.",
  tasksLead:
    "Your calls and reminders: the ones the club's touch plan creates for your members (first-visit checks, renewal calls, win-backs) and your own. Tick one off, snooze it or hand it to a colleague.",
  requests: 'Requests',
  requestsLead:
    "Members' requests from the app, chat, phone and the desk: freezes, plan changes, lockers, refunds. Answer in the thread; the clock shows what is due next, in the club's opening hours.",
  renewalsLead:
    'Memberships ending soon, from the first call to renewed or churned. Drag a card, or use its Move menu.',
  marketing: 'Marketing',
  marketingLead:
    "Who to write to and what to send: the club's segments of members, the renewal offer to the members whose membership expires this month, and how they responded.",
  segments: 'Segments',
  segmentEditor: 'Segment',
  campaign: 'Renewal offer',
  campaignReport: 'Report',
  outbox: 'Outbox (demo sink)',
  outboxLead:
    'Every e-mail the CRM sent during this demo, caught by a local mail sink: nothing was delivered to anyone. Simulate a recipient opening a message and clicking its link, then see the campaign report count it.',
  outboxNone:
    'This club runs without the demo mail sink: e-mails go wherever the CRM server sends them (its SMTP channel).',
  outboxEmpty:
    "No e-mail yet. Send the renewal offer on the Marketing page. The club's quiet hours (21:00–07:00 in Ho Chi Minh City) hold messages until they end.",
  outboxTo: 'To',
  outboxReceived: 'Received',
  outboxLinks: 'Tracked links and images',
  simulate: 'Simulate an open and a click',
  simulateAgain: 'Open and click again',
  opened: 'Opened',
  clicked: 'Clicked',
  notYet: 'not yet',
  campaignSubject: 'Subject',
  campaignSegment: 'To',
  campaignStatus: 'Status',
  campaignPreviewFor: 'As {name} will read it',
  campaignSend: 'Send now',
  campaignSending: 'Sending…',
  campaignViewer: 'Sending a campaign takes a manager: you can read it and follow its report.',
  campaignStates: { draft: 'Draft', scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', cancelled: 'Cancelled' },
  nav: 'Main',
  language: 'Language',
  staff: 'Front desk',
  membersLead: 'Everyone with a membership at both clubs. Pick a member to see their plan, visits and history.',
  pickTitle: 'No member selected',
  pickBody: 'Choose a member in the list to open their card, their renewals and requests, and their activity.',
  backToMembers: 'All members',
  classesLead: "Today's timetable at both clubs.",
  footer: 'Lotus Fitness Club · member data from the club CRM',
};
export type Dictionary = typeof en;

const dictionaries: Record<Locale, Dictionary> = {
  'en-US': en,
  'vi-VN': {
    tagline: 'Bangkok · TP. Hồ Chí Minh',
    clubs: 'Câu lạc bộ',
    openDaily: 'Mở cửa hằng ngày',
    members: 'Hội viên',
    classes: 'Lớp tập',
    renewals: 'Gia hạn',
    tasks: 'Công việc',
    rules: 'Kế hoạch chăm sóc',
    rulesLead:
      'Mười hai lần chăm sóc trong một năm của hội viên — chào mừng, buổi tập đầu, sinh nhật, nhắc gia hạn, mời quay lại — là các quy tắc tự động của câu lạc bộ trong CRM: mỗi quy tắc làm gì, đang bật hay tắt và các lần chạy ra sao. Quản lý bật tắt quy tắc; lễ tân xem.',
    tasksLead:
      'Cuộc gọi và lời nhắc của bạn: những việc kế hoạch chăm sóc của câu lạc bộ tạo cho hội viên của bạn (hỏi thăm buổi tập đầu, gọi gia hạn, mời quay lại) và việc của riêng bạn. Đánh dấu xong, hoãn lại hoặc giao cho đồng nghiệp.',
    requests: 'Yêu cầu',
    requestsLead:
      'Yêu cầu của hội viên qua ứng dụng, chat, điện thoại và quầy lễ tân: bảo lưu thẻ, đổi gói, tủ đồ, hoàn tiền. Trả lời ngay trong luồng trao đổi; đồng hồ cho biết việc gì sắp đến hạn, theo giờ mở cửa của câu lạc bộ.',
    renewalsLead:
      'Các gói tập sắp hết hạn, từ cuộc gọi đầu tiên đến khi gia hạn hoặc rời câu lạc bộ. Kéo thẻ, hoặc dùng menu Chuyển.',
    marketing: 'Tiếp thị',
    marketingLead:
      'Gửi cho ai và gửi gì: các nhóm hội viên của câu lạc bộ, ưu đãi gia hạn cho hội viên có thẻ hết hạn trong tháng này, và phản hồi của họ.',
    segments: 'Nhóm hội viên',
    segmentEditor: 'Nhóm',
    campaign: 'Ưu đãi gia hạn',
    campaignReport: 'Báo cáo',
    outbox: 'Hộp thư đi (hộp thư thử)',
    outboxLead:
      'Mọi e-mail CRM đã gửi trong bản demo này, được một hộp thư thử trên máy giữ lại: không ai thực sự nhận được. Mô phỏng người nhận mở thư và bấm vào liên kết, rồi xem báo cáo chiến dịch ghi nhận.',
    outboxNone: 'Câu lạc bộ này chạy không có hộp thư thử: e-mail được gửi theo kênh SMTP của máy chủ CRM.',
    outboxEmpty:
      'Chưa có e-mail nào. Hãy gửi ưu đãi gia hạn ở trang Tiếp thị. Giờ yên lặng của câu lạc bộ (21:00–07:00 giờ TP. Hồ Chí Minh) giữ thư lại cho đến khi kết thúc.',
    outboxTo: 'Đến',
    outboxReceived: 'Nhận lúc',
    outboxLinks: 'Liên kết và hình ảnh theo dõi',
    simulate: 'Mô phỏng mở thư và bấm liên kết',
    simulateAgain: 'Mở và bấm lại',
    opened: 'Đã mở',
    clicked: 'Đã bấm',
    notYet: 'chưa',
    campaignSubject: 'Tiêu đề',
    campaignSegment: 'Gửi đến',
    campaignStatus: 'Trạng thái',
    campaignPreviewFor: '{name} sẽ đọc như sau',
    campaignSend: 'Gửi ngay',
    campaignSending: 'Đang gửi…',
    campaignViewer: 'Chỉ quản lý mới gửi được chiến dịch: bạn có thể xem chiến dịch và theo dõi báo cáo.',
    campaignStates: {
      draft: 'Bản nháp',
      scheduled: 'Đã lên lịch',
      sending: 'Đang gửi',
      sent: 'Đã gửi',
      cancelled: 'Đã hủy',
    },
    nav: 'Chính',
    language: 'Ngôn ngữ',
    staff: 'Lễ tân',
    membersLead: 'Hội viên của cả hai câu lạc bộ. Chọn một hội viên để xem gói tập, số lần đến tập và lịch sử.',
    pickTitle: 'Chưa chọn hội viên',
    pickBody: 'Chọn một hội viên trong danh sách để mở thẻ hội viên, gia hạn, yêu cầu và hoạt động.',
    backToMembers: 'Tất cả hội viên',
    classesLead: 'Lịch tập hôm nay tại hai câu lạc bộ.',
    footer: 'Lotus Fitness Club · dữ liệu hội viên từ CRM của câu lạc bộ',
  },
  'th-TH': {
    tagline: 'กรุงเทพฯ · โฮจิมินห์',
    clubs: 'สาขา',
    openDaily: 'เปิดทุกวัน',
    members: 'สมาชิก',
    classes: 'คลาส',
    renewals: 'การต่ออายุ',
    tasks: 'งาน',
    rules: 'แผนดูแลสมาชิก',
    rulesLead:
      'การดูแลสมาชิกสิบสองครั้งในหนึ่งปี ตั้งแต่ต้อนรับ การเข้าใช้ครั้งแรก วันเกิด เตือนต่ออายุ จนถึงชวนกลับมา เป็นกฎอัตโนมัติของคลับใน CRM ดูได้ว่าแต่ละกฎทำอะไร เปิดอยู่หรือไม่ และผลการทำงานเป็นอย่างไร ผู้จัดการเปิดปิดกฎได้ ส่วนเคาน์เตอร์ดูได้อย่างเดียว',
    tasksLead:
      'การโทรและการเตือนของคุณ ทั้งงานที่แผนดูแลสมาชิกของคลับสร้างให้ (ติดตามการเข้าใช้ครั้งแรก โทรต่ออายุ ชวนกลับมา) และงานของคุณเอง ทำเครื่องหมายว่าเสร็จ เลื่อนออกไป หรือส่งต่อให้เพื่อนร่วมงาน',
    requests: 'คำร้อง',
    requestsLead:
      'คำร้องของสมาชิกจากแอป แชต โทรศัพท์ และเคาน์เตอร์ เช่น พักสมาชิกภาพ เปลี่ยนแพ็กเกจ ตู้ล็อกเกอร์ และคืนเงิน ตอบกลับในเธรดได้ทันที นาฬิกาบอกว่างานไหนใกล้ครบกำหนดตามเวลาเปิดของคลับ',
    renewalsLead: 'สมาชิกภาพที่ใกล้หมดอายุ ตั้งแต่การโทรครั้งแรกจนถึงต่ออายุหรือยกเลิก ลากการ์ด หรือใช้เมนูย้าย',
    marketing: 'การตลาด',
    marketingLead: 'ส่งถึงใครและส่งอะไร กลุ่มสมาชิกของคลับ ข้อเสนอต่ออายุสำหรับสมาชิกที่สมาชิกภาพหมดอายุในเดือนนี้ และการตอบรับของพวกเขา',
    segments: 'กลุ่มสมาชิก',
    segmentEditor: 'กลุ่ม',
    campaign: 'ข้อเสนอต่ออายุ',
    campaignReport: 'รายงาน',
    outbox: 'กล่องขาออก (กล่องจดหมายทดลอง)',
    outboxLead:
      'อีเมลทุกฉบับที่ CRM ส่งระหว่างการสาธิตนี้ ถูกเก็บไว้ในกล่องจดหมายทดลองบนเครื่อง ไม่มีใครได้รับจริง จำลองผู้รับเปิดอีเมลและคลิกลิงก์ แล้วดูรายงานแคมเปญนับผล',
    outboxNone: 'คลับนี้ไม่ได้ใช้กล่องจดหมายทดลอง อีเมลจะส่งผ่านช่องทาง SMTP ของเซิร์ฟเวอร์ CRM',
    outboxEmpty:
      'ยังไม่มีอีเมล ส่งข้อเสนอต่ออายุได้ที่หน้าการตลาด ช่วงเวลางดส่งของคลับ (21:00–07:00 ตามเวลาโฮจิมินห์) จะพักข้อความไว้จนกว่าจะสิ้นสุด',
    outboxTo: 'ถึง',
    outboxReceived: 'ได้รับเมื่อ',
    outboxLinks: 'ลิงก์และรูปภาพติดตาม',
    simulate: 'จำลองการเปิดและการคลิก',
    simulateAgain: 'เปิดและคลิกอีกครั้ง',
    opened: 'เปิดแล้ว',
    clicked: 'คลิกแล้ว',
    notYet: 'ยังไม่',
    campaignSubject: 'หัวเรื่อง',
    campaignSegment: 'ส่งถึง',
    campaignStatus: 'สถานะ',
    campaignPreviewFor: 'สิ่งที่ {name} จะได้อ่าน',
    campaignSend: 'ส่งเลย',
    campaignSending: 'กำลังส่ง…',
    campaignViewer: 'การส่งแคมเปญต้องเป็นผู้จัดการ คุณอ่านแคมเปญและติดตามรายงานได้',
    campaignStates: {
      draft: 'ฉบับร่าง',
      scheduled: 'ตั้งเวลาแล้ว',
      sending: 'กำลังส่ง',
      sent: 'ส่งแล้ว',
      cancelled: 'ยกเลิกแล้ว',
    },
    nav: 'หลัก',
    language: 'ภาษา',
    staff: 'เคาน์เตอร์',
    membersLead: 'สมาชิกของทั้งสองสาขา เลือกสมาชิกเพื่อดูแพ็กเกจ จำนวนครั้งที่เข้าใช้ และประวัติ',
    pickTitle: 'ยังไม่ได้เลือกสมาชิก',
    pickBody: 'เลือกสมาชิกจากรายการเพื่อเปิดบัตรสมาชิก การต่ออายุ คำร้อง และกิจกรรม',
    backToMembers: 'สมาชิกทั้งหมด',
    classesLead: 'ตารางคลาสวันนี้ของทั้งสองสาขา',
    footer: 'Lotus Fitness Club · ข้อมูลสมาชิกจาก CRM ของคลับ',
  },
};

export const dictionary = (locale: Locale): Dictionary => dictionaries[locale];
