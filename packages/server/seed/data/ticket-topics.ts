import type { TicketPriority } from '@crmkit/spec';

/** Text in the two languages customers of the demo company write in, and in Thai where a text has it. */
export interface Bilingual {
  vi: string;
  en: string;
  /** Thai (a Thai customer gets the English text where there is none). */
  th?: string;
}

/** A language customers and staff write in. */
export type Language = 'vi' | 'en' | 'th';

/** `text` in `lang`; English where a text has no Thai. */
export const say = (text: Bilingual, lang: Language): string => text[lang] ?? text.en;

/** A kind of support request, with the messages of a typical thread about it. */
export interface TicketTopic {
  subject: Bilingual;
  description: Bilingual;
  /** The agent's first answer (asks for details or gives a workaround). */
  reply: Bilingual;
  /** The customer's answer to it. */
  followUp: Bilingual;
  /** The agent's final answer. */
  resolution: Bilingual;
  /** An internal note between agents (Vietnamese team). */
  note: string;
  /** The same note written by a Thai team. */
  thaiNote?: string;
  priorities: readonly (readonly [TicketPriority, number])[];
  tags: readonly string[];
}

/** Support topics of a Vietnamese business-software vendor (POS, accounting, HR). */
export const SOFTWARE_TOPICS: readonly TicketTopic[] = [
  {
    subject: { vi: 'Không đăng nhập được vào tài khoản', en: 'Cannot log in to my account' },
    description: {
      vi: 'Chào anh/chị, từ sáng nay tôi không đăng nhập được, hệ thống báo "Sai mật khẩu" dù tôi chắc chắn nhập đúng.',
      en: 'Hi, since this morning I cannot log in. It says "wrong password" although I am sure it is correct.',
    },
    reply: {
      vi: 'Chào anh/chị, em đã kiểm tra: tài khoản bị khóa tạm sau 5 lần đăng nhập sai. Em đã mở khóa, anh/chị thử lại giúp em nhé.',
      en: 'Hello, your account was locked after five failed attempts. I have unlocked it; could you try again?',
    },
    followUp: { vi: 'Đã vào được rồi, cảm ơn em!', en: 'It works now, thank you!' },
    resolution: {
      vi: 'Rất vui vì đã giải quyết được. Em đóng phiếu này nhé.',
      en: 'Glad it is sorted. I will close this ticket.',
    },
    note: 'Khách bị khóa do đăng nhập sai nhiều lần — đã mở khóa trong trang quản trị.',
    priorities: [
      ['high', 3],
      ['normal', 2],
      ['urgent', 1],
    ],
    tags: ['login'],
  },
  {
    subject: { vi: 'Yêu cầu xuất hóa đơn VAT tháng này', en: 'VAT invoice for this month', th: 'ขอใบกำกับภาษีของเดือนนี้' },
    description: {
      vi: 'Nhờ bên mình xuất hóa đơn VAT cho kỳ thanh toán tháng này, thông tin công ty giữ nguyên như cũ.',
      en: "Please issue the VAT invoice for this month's payment; our company details are unchanged.",
      th: 'รบกวนออกใบกำกับภาษีสำหรับยอดชำระเดือนนี้ด้วยค่ะ ข้อมูลบริษัทเหมือนเดิม',
    },
    reply: {
      vi: 'Dạ em đã chuyển yêu cầu cho phòng kế toán, hóa đơn điện tử sẽ gửi qua email trong 2 ngày làm việc.',
      en: 'I have passed this to accounting; the e-invoice will be emailed within two working days.',
      th: 'ส่งเรื่องให้ฝ่ายบัญชีแล้วครับ ใบกำกับภาษีอิเล็กทรอนิกส์จะส่งทางอีเมลภายใน 2 วันทำการ',
    },
    followUp: {
      vi: 'Em kiểm tra giúp chị mã số thuế trên hóa đơn với, hình như bị sai một số.',
      en: 'Could you double-check the tax code on the invoice? One digit seems wrong.',
      th: 'ช่วยตรวจเลขประจำตัวผู้เสียภาษีในใบกำกับให้หน่อยค่ะ น่าจะผิดไปหนึ่งหลัก',
    },
    resolution: {
      vi: 'Em đã xuất lại hóa đơn điều chỉnh với mã số thuế đúng và gửi qua email ạ.',
      en: 'We issued a corrected invoice with the right tax code and emailed it to you.',
      th: 'ออกใบกำกับภาษีฉบับแก้ไขพร้อมเลขประจำตัวผู้เสียภาษีที่ถูกต้อง และส่งทางอีเมลแล้วครับ',
    },
    note: 'Kế toán xác nhận sai mã số thuế do nhập tay — đã xuất hóa đơn điều chỉnh.',
    thaiNote: 'ฝ่ายบัญชียืนยันว่าเลขผู้เสียภาษีผิดเพราะพิมพ์เอง — ออกใบกำกับภาษีฉบับแก้ไขแล้ว',
    priorities: [
      ['normal', 4],
      ['low', 2],
    ],
    tags: ['billing', 'invoice'],
  },
  {
    subject: { vi: 'Ứng dụng bị treo khi xuất báo cáo doanh thu', en: 'App freezes when exporting the sales report' },
    description: {
      vi: 'Khi bấm "Xuất Excel" ở báo cáo doanh thu quý, ứng dụng quay mãi không xong rồi báo lỗi.',
      en: 'When I click "Export to Excel" on the quarterly sales report it spins forever and then fails.',
    },
    reply: {
      vi: 'Cảm ơn anh/chị đã báo lỗi. Anh/chị cho em xin khoảng thời gian của báo cáo và trình duyệt đang dùng nhé.',
      en: 'Thanks for reporting this. Which date range and which browser are you using?',
    },
    followUp: {
      vi: 'Báo cáo từ 01/07 đến 30/09, dùng Chrome bản mới nhất.',
      en: 'From 1 July to 30 September, latest Chrome.',
    },
    resolution: {
      vi: 'Đội kỹ thuật đã sửa lỗi xuất báo cáo lớn trong bản cập nhật tối qua. Anh/chị thử lại giúp em ạ.',
      en: 'Engineering fixed large report exports in last night’s update. Please try again.',
    },
    note: 'Lỗi timeout khi xuất > 50.000 dòng — đã báo đội dev (JIRA POS-1432).',
    priorities: [
      ['high', 3],
      ['normal', 2],
    ],
    tags: ['bug', 'reports'],
  },
  {
    subject: { vi: 'Thanh toán gia hạn qua VNPay bị lỗi', en: 'Renewal payment failed', th: 'ชำระค่าต่ออายุไม่สำเร็จ' },
    description: {
      vi: 'Tôi thanh toán gia hạn gói Business qua VNPay, tài khoản đã bị trừ tiền nhưng hệ thống vẫn báo chưa thanh toán.',
      en: 'I paid the Business plan renewal, my card was charged, but the system still says the invoice is unpaid.',
      th: 'ชำระค่าต่ออายุแพ็กเกจ Business ผ่านพร้อมเพย์แล้ว เงินถูกตัดจากบัญชีแต่ระบบยังขึ้นว่ายังไม่ได้ชำระค่ะ',
    },
    reply: {
      vi: 'Em rất xin lỗi vì sự bất tiện. Anh/chị gửi giúp em mã giao dịch VNPay để em đối soát ngay ạ.',
      en: 'Sorry for the trouble. Could you send the transaction reference so we can reconcile it right away?',
      th: 'ขออภัยในความไม่สะดวกครับ รบกวนส่งเลขอ้างอิงการโอนมา เพื่อตรวจสอบยอดให้ทันทีครับ',
    },
    followUp: {
      vi: 'Mã giao dịch: VNP14082026. Nhờ em xử lý gấp.',
      en: 'Reference: TXN-14082026. Please hurry.',
      th: 'เลขอ้างอิง: TXN-14082026 รบกวนดำเนินการด่วนค่ะ',
    },
    resolution: {
      vi: 'Đã đối soát xong, gói Business của anh/chị được gia hạn đến hết năm sau. Cảm ơn anh/chị đã kiên nhẫn.',
      en: 'Reconciled: your Business plan is renewed until the end of next year. Thanks for your patience.',
      th: 'ตรวจสอบยอดเรียบร้อยแล้ว แพ็กเกจ Business ต่ออายุถึงสิ้นปีหน้า ขอบคุณที่รอครับ',
    },
    note: 'Cổng thanh toán trả callback chậm — kế toán đã xác nhận tiền về.',
    thaiNote: 'ระบบชำระเงินแจ้งผลช้า — ฝ่ายบัญชียืนยันว่าได้รับเงินแล้ว',
    priorities: [
      ['urgent', 3],
      ['high', 2],
    ],
    tags: ['billing', 'payment'],
  },
  {
    subject: { vi: 'Thêm 5 người dùng vào gói hiện tại', en: 'Add five users to our plan' },
    description: {
      vi: 'Công ty mới tuyển thêm nhân viên bán hàng, nhờ bên mình thêm 5 tài khoản người dùng.',
      en: 'We hired new sales staff; please add five user seats to our subscription.',
    },
    reply: {
      vi: 'Dạ em gửi báo giá bổ sung 5 người dùng, anh/chị xác nhận giúp em để kích hoạt nhé.',
      en: 'Here is a quote for five extra seats; confirm and we will activate them.',
    },
    followUp: { vi: 'Đồng ý báo giá, em kích hoạt giúp chị.', en: 'Quote approved, please go ahead.' },
    resolution: {
      vi: 'Đã kích hoạt 5 tài khoản mới, thư mời đã gửi đến email nhân viên.',
      en: 'Five seats are active and the invitations have been sent.',
    },
    note: 'Chuyển thông tin cho Sales để ghi nhận doanh thu bổ sung.',
    priorities: [
      ['low', 3],
      ['normal', 2],
    ],
    tags: ['account', 'upsell'],
  },
  {
    subject: { vi: 'Đồng bộ dữ liệu sang phần mềm kế toán bị thiếu', en: 'Accounting sync is missing entries' },
    description: {
      vi: 'Đơn hàng ngày hôm qua không được đồng bộ sang phần mềm kế toán, thiếu khoảng 20 đơn.',
      en: "Yesterday's orders did not sync to our accounting software; about 20 are missing.",
    },
    reply: {
      vi: 'Em đã kiểm tra nhật ký đồng bộ, có lỗi kết nối lúc 23:00. Em đang chạy đồng bộ lại, anh/chị chờ em 30 phút nhé.',
      en: 'The sync log shows a connection error at 23:00. I am re-running the sync; give it 30 minutes.',
    },
    followUp: { vi: 'Vẫn còn thiếu 3 đơn em ơi.', en: 'Three orders are still missing.' },
    resolution: {
      vi: '3 đơn còn lại bị sai mã khách hàng, em đã sửa và đồng bộ đủ. Anh/chị kiểm tra lại giúp em.',
      en: 'The last three had an invalid customer code; fixed and synced. Please check.',
    },
    note: 'Token API kế toán hết hạn lúc nửa đêm — cần nhắc khách gia hạn kết nối.',
    priorities: [
      ['normal', 3],
      ['high', 2],
    ],
    tags: ['integration'],
  },
  {
    subject: { vi: 'Đề xuất: gửi thông báo đơn hàng qua Zalo', en: 'Feature request: order notifications on Zalo' },
    description: {
      vi: 'Khách hàng của chúng tôi dùng Zalo nhiều hơn email, mong phần mềm hỗ trợ gửi thông báo đơn hàng qua Zalo OA.',
      en: 'Our customers use Zalo more than email; could order notifications go out through a Zalo Official Account?',
    },
    reply: {
      vi: 'Cảm ơn góp ý rất hay! Em đã ghi nhận vào danh sách tính năng, tính năng này dự kiến có trong quý tới.',
      en: 'Great suggestion! It is on our roadmap for next quarter.',
    },
    followUp: { vi: 'Tuyệt, khi nào có bản thử nghiệm báo chị nhé.', en: 'Great, let me know when there is a beta.' },
    resolution: {
      vi: 'Em đã thêm anh/chị vào danh sách dùng thử, sẽ liên hệ khi có bản beta.',
      en: 'You are on the beta list; we will contact you when it is ready.',
    },
    note: 'Đã có 14 khách yêu cầu tính năng Zalo OA — chuyển Product.',
    priorities: [['low', 1]],
    tags: ['feature-request', 'zalo'],
  },
  {
    subject: { vi: 'Đăng ký buổi đào tạo cho nhân viên mới', en: 'Training session for new staff' },
    description: {
      vi: 'Nhờ bên mình sắp xếp một buổi đào tạo online cho 8 nhân viên mới vào tuần sau.',
      en: 'Could you arrange an online training for eight new employees next week?',
    },
    reply: {
      vi: 'Dạ được ạ, bên em có lịch trống thứ Ba 9:00 hoặc thứ Năm 14:00, anh/chị chọn giúp em.',
      en: 'Sure: Tuesday 9:00 or Thursday 14:00 are free. Which suits you?',
    },
    followUp: { vi: 'Thứ Năm 14:00 nhé.', en: 'Thursday 14:00, please.' },
    resolution: {
      vi: 'Em đã gửi lời mời họp kèm tài liệu hướng dẫn. Hẹn gặp anh/chị thứ Năm.',
      en: 'Invitation and handbook sent. See you on Thursday.',
    },
    note: 'Phân công anh Minh đào tạo, chuẩn bị tài khoản demo.',
    priorities: [['low', 1]],
    tags: ['training'],
  },
  {
    subject: { vi: 'Hệ thống chạy rất chậm giờ cao điểm', en: 'System very slow at peak hours' },
    description: {
      vi: 'Từ 11h đến 13h mỗi ngày, màn hình bán hàng tải rất chậm, khách phải chờ thanh toán lâu.',
      en: 'Between 11:00 and 13:00 the sales screen is very slow and customers wait at the till.',
    },
    reply: {
      vi: 'Em đã chuyển cho đội hạ tầng kiểm tra. Anh/chị cho em biết đang dùng bao nhiêu máy bán hàng cùng lúc?',
      en: 'Infrastructure is looking into it. How many tills are in use at the same time?',
    },
    followUp: { vi: 'Khoảng 12 máy ở 3 chi nhánh.', en: 'About twelve tills across three branches.' },
    resolution: {
      vi: 'Bên em đã nâng cấp máy chủ khu vực Đông Nam Á, tốc độ giờ cao điểm đã ổn định.',
      en: 'We upgraded the Southeast Asia servers; peak-hour performance is stable now.',
    },
    note: 'CPU DB đạt 95% lúc 12:00 — đã scale thêm replica.',
    priorities: [
      ['high', 3],
      ['urgent', 2],
    ],
    tags: ['performance'],
  },
  {
    subject: { vi: 'Máy in hóa đơn không in được', en: 'Receipt printer stopped printing' },
    description: {
      vi: 'Máy in hóa đơn ở quầy 2 không nhận lệnh in từ phần mềm, đã thử khởi động lại.',
      en: 'The receipt printer at till 2 ignores print jobs from the app; we already restarted it.',
    },
    reply: {
      vi: 'Anh/chị vào Cài đặt > Thiết bị, chọn lại máy in và bấm "In thử" giúp em nhé.',
      en: 'Please open Settings › Devices, select the printer again and press "Test print".',
    },
    followUp: { vi: 'Đã làm nhưng vẫn không in được.', en: 'Done, still nothing prints.' },
    resolution: {
      vi: 'Driver máy in cũ không tương thích, em đã hướng dẫn cài driver mới qua UltraViewer và đã in được.',
      en: 'The old driver was incompatible; we installed the new one remotely and printing works.',
    },
    note: 'Model máy in Xprinter XP-58 cần driver v3.2 trở lên.',
    priorities: [
      ['urgent', 2],
      ['high', 3],
    ],
    tags: ['hardware', 'pos'],
  },
  {
    subject: { vi: 'Muốn hủy gia hạn gói dịch vụ', en: 'We want to cancel our renewal', th: 'ต้องการยกเลิกการต่ออายุ' },
    description: {
      vi: 'Công ty đang cắt giảm chi phí, chúng tôi muốn hủy gia hạn tự động cho năm sau.',
      en: 'We are cutting costs and would like to cancel the automatic renewal for next year.',
      th: 'บริษัทกำลังลดค่าใช้จ่าย จึงต้องการยกเลิกการต่ออายุอัตโนมัติของปีหน้าค่ะ',
    },
    reply: {
      vi: 'Em rất tiếc khi nghe điều này. Bên em có gói Starter tiết kiệm hơn 40%, anh/chị có muốn em gửi thông tin không?',
      en: 'Sorry to hear that. Our Starter plan costs 40% less; shall I send you the details?',
      th: 'เสียใจที่ทราบเรื่องนี้ครับ เรามีแพ็กเกจ Starter ที่ถูกกว่า 40% ให้ส่งรายละเอียดไปให้ไหมครับ',
    },
    followUp: { vi: 'Gửi chị xem thử nhé.', en: 'Yes, please send them.', th: 'ส่งมาให้ดูหน่อยค่ะ' },
    resolution: {
      vi: 'Em đã chuyển anh/chị sang gói Starter từ kỳ tới, dữ liệu giữ nguyên.',
      en: 'You move to Starter at the next renewal; all your data stays.',
      th: 'ย้ายไปแพ็กเกจ Starter ตั้งแต่รอบต่ออายุถัดไปแล้วครับ ข้อมูลทั้งหมดยังอยู่ครบ',
    },
    note: 'Rủi ro rời bỏ — báo chị Hà bên Sales gọi chăm sóc.',
    thaiNote: 'เสี่ยงเลิกใช้บริการ — แจ้งคุณสุดาฝ่ายขายให้โทรไปดูแล',
    priorities: [['normal', 1]],
    tags: ['churn-risk', 'billing'],
  },
  {
    subject: { vi: 'Không nhận được email đặt lại mật khẩu', en: 'Password reset email never arrives' },
    description: {
      vi: 'Tôi bấm "Quên mật khẩu" nhiều lần nhưng không nhận được email nào, đã kiểm tra cả thư rác.',
      en: 'I clicked "Forgot password" several times but no email arrives, not even in spam.',
    },
    reply: {
      vi: 'Email của anh/chị đang bị chặn bởi máy chủ công ty. Em đã gửi link đặt lại qua SMS, anh/chị kiểm tra giúp em.',
      en: 'Your company mail server is rejecting our emails. I sent the reset link by SMS instead.',
    },
    followUp: { vi: 'Nhận được rồi, cảm ơn.', en: 'Got it, thanks.' },
    resolution: {
      vi: 'Anh/chị nhờ IT thêm tên miền của bên em vào danh sách cho phép để lần sau nhận email bình thường nhé.',
      en: 'Ask your IT team to allow-list our domain so future emails arrive.',
    },
    note: 'Máy chủ mail của khách trả 550 — gợi ý whitelist.',
    priorities: [
      ['normal', 3],
      ['low', 1],
    ],
    tags: ['login', 'email'],
  },
];

/** Member requests at a fitness club: broken equipment, freezes, plan changes, lockers, refunds. */
export const FITNESS_TOPICS: readonly TicketTopic[] = [
  {
    subject: { vi: 'Máy chạy bộ số 5 bị hỏng', en: 'Treadmill #5 is broken' },
    description: {
      vi: 'Máy chạy bộ số 5 tầng 2 dừng đột ngột khi đang chạy, màn hình báo lỗi E07.',
      en: 'Treadmill #5 on the second floor stopped suddenly mid-run and shows error E07.',
    },
    reply: {
      vi: 'Cảm ơn anh/chị đã báo. Bên em đã treo biển tạm ngưng và gọi kỹ thuật hãng đến kiểm tra.',
      en: 'Thanks for letting us know. The machine is out of service and the technician is on the way.',
    },
    followUp: { vi: 'Khi nào sửa xong vậy em?', en: 'When will it be fixed?' },
    resolution: {
      vi: 'Kỹ thuật đã thay bo mạch, máy số 5 hoạt động bình thường trở lại.',
      en: 'The technician replaced the control board; treadmill #5 is back in service.',
    },
    note: 'Bảo hành hãng còn đến 03/2027 — không tính phí.',
    priorities: [
      ['high', 3],
      ['urgent', 1],
    ],
    tags: ['equipment'],
  },
  {
    subject: { vi: 'Xin bảo lưu thẻ tập 1 tháng', en: 'Freeze my membership for a month', th: 'ขอพักสมาชิกภาพ 1 เดือน' },
    description: {
      vi: 'Tháng sau tôi đi công tác nước ngoài, nhờ câu lạc bộ bảo lưu thẻ tập giúp 1 tháng.',
      en: 'I am travelling for work next month; please freeze my membership for one month.',
      th: 'เดือนหน้าต้องไปทำงานต่างประเทศ รบกวนพักสมาชิกภาพให้ 1 เดือนค่ะ',
    },
    reply: {
      vi: 'Dạ gói của anh/chị được bảo lưu tối đa 2 lần/năm. Anh/chị xác nhận ngày bắt đầu giúp em nhé.',
      en: 'Your plan allows two freezes a year. Which start date would you like?',
      th: 'แพ็กเกจของคุณพักสมาชิกภาพได้ปีละ 2 ครั้ง ต้องการเริ่มวันไหนคะ',
    },
    followUp: {
      vi: 'Bắt đầu từ ngày 1 tháng sau nhé.',
      en: 'From the first of next month, please.',
      th: 'เริ่มวันที่ 1 ของเดือนหน้าค่ะ',
    },
    resolution: {
      vi: 'Đã bảo lưu 30 ngày, ngày hết hạn thẻ được lùi tương ứng.',
      en: 'Frozen for 30 days; your expiry date moves accordingly.',
      th: 'พักสมาชิกภาพ 30 วันเรียบร้อยแล้ว วันหมดอายุเลื่อนออกไปตามนั้นค่ะ',
    },
    note: 'Đã cập nhật ngày hết hạn trên hệ thống thẻ.',
    priorities: [['normal', 1]],
    tags: ['membership', 'freeze'],
  },
  {
    subject: {
      vi: 'Muốn nâng cấp gói tập lên Cao cấp',
      en: 'Upgrade my plan to Premium',
      th: 'ขออัปเกรดแพ็กเกจเป็นพรีเมียม',
    },
    description: {
      vi: 'Tôi đang dùng gói Cơ bản, muốn nâng lên gói Cao cấp để tập thêm lớp Yoga và bơi. Phần chênh lệch tính thế nào ạ?',
      en: "I'm on the Basic plan and would like Premium for the yoga classes and the pool. How is the difference charged?",
      th: 'ตอนนี้ใช้แพ็กเกจเบสิกอยู่ อยากอัปเกรดเป็นพรีเมียมเพื่อเข้าคลาสโยคะและใช้สระว่ายน้ำ ส่วนต่างคิดอย่างไรคะ',
    },
    reply: {
      vi: 'Dạ phần chênh lệch tính theo số ngày còn lại của thẻ, khoảng 3.000.000 ₫. Anh/chị muốn nâng cấp từ hôm nay không ạ?',
      en: 'The difference is prorated over the days left on your membership: about 3,000,000 ₫. Shall we upgrade you from today?',
      th: 'ส่วนต่างคิดตามจำนวนวันที่เหลือของสมาชิกภาพ ประมาณ 3,000,000 ₫ ต้องการอัปเกรดตั้งแต่วันนี้เลยไหมคะ',
    },
    followUp: {
      vi: 'Được, nâng từ hôm nay giúp tôi, tôi chuyển khoản luôn.',
      en: 'Yes, from today please. I will pay by bank transfer.',
      th: 'ได้ค่ะ อัปเกรดตั้งแต่วันนี้เลย เดี๋ยวโอนเงินให้ค่ะ',
    },
    resolution: {
      vi: 'Đã nâng cấp lên gói Cao cấp, thẻ của anh/chị dùng được ở hồ bơi và lớp Yoga ngay.',
      en: 'You are on Premium now; your card opens the pool and the yoga studio straight away.',
      th: 'อัปเกรดเป็นพรีเมียมเรียบร้อยแล้ว ใช้บัตรเข้าสระว่ายน้ำและคลาสโยคะได้ทันทีค่ะ',
    },
    note: 'Đã nhận chuyển khoản phần chênh lệch, cập nhật gói trên hồ sơ hội viên.',
    priorities: [
      ['normal', 2],
      ['low', 1],
    ],
    tags: ['membership', 'plan-change'],
  },
  {
    subject: { vi: 'Tủ đồ bị kẹt khóa', en: 'Locker is stuck' },
    description: {
      vi: 'Tủ đồ số 112 phòng thay đồ nam không mở được bằng thẻ từ, đồ của tôi đang ở trong.',
      en: "Locker 112 in the men's changing room won't open with my card and my things are inside.",
    },
    reply: {
      vi: 'Nhân viên lễ tân đang mang chìa khóa dự phòng lên ngay ạ.',
      en: 'Front desk is bringing the master key right now.',
    },
    followUp: { vi: 'Đã lấy được đồ, cảm ơn.', en: 'Got my things, thanks.' },
    resolution: { vi: 'Đã thay pin khóa tủ 112.', en: 'We replaced the battery of locker 112.' },
    note: 'Kiểm tra pin toàn bộ dãy tủ 100–140.',
    priorities: [
      ['normal', 2],
      ['high', 1],
    ],
    tags: ['facilities'],
  },
  {
    subject: { vi: 'Phòng tắm không có nước nóng', en: 'No hot water in the showers' },
    description: {
      vi: 'Sáng nay phòng tắm nữ không có nước nóng từ 6h.',
      en: "There has been no hot water in the women's showers since 6am.",
    },
    reply: {
      vi: 'Bên em rất xin lỗi, kỹ thuật tòa nhà đang kiểm tra bình nóng lạnh trung tâm.',
      en: 'Sorry about that; building maintenance is checking the central heater.',
    },
    followUp: { vi: 'Chiều nay có chưa em?', en: 'Will it work this afternoon?' },
    resolution: {
      vi: 'Đã sửa xong van điều áp, nước nóng đã có lại.',
      en: 'The pressure valve is fixed; hot water is back.',
    },
    note: 'Tặng 1 buổi xông hơi cho hội viên phản ánh.',
    priorities: [
      ['high', 2],
      ['urgent', 1],
    ],
    tags: ['facilities'],
  },
  {
    subject: { vi: 'Muốn đổi huấn luyện viên cá nhân', en: 'Change of personal trainer' },
    description: {
      vi: 'Lịch của HLV hiện tại không khớp với giờ tập của tôi, nhờ đổi sang HLV khác tập buổi tối.',
      en: "My trainer's schedule no longer fits mine; could I switch to someone who trains in the evening?",
    },
    reply: {
      vi: 'Dạ HLV Jack Wilson có lịch tối thứ 2-4-6, anh/chị thấy phù hợp không ạ?',
      en: 'Jack Wilson trains Monday, Wednesday and Friday evenings. Would that suit you?',
    },
    followUp: { vi: 'Được em, đổi giúp chị.', en: 'Perfect, please switch me.' },
    resolution: {
      vi: 'Đã chuyển các buổi PT còn lại sang HLV Jack Wilson.',
      en: 'Your remaining PT sessions are now with Jack Wilson.',
    },
    note: 'Số buổi PT còn lại giữ nguyên.',
    priorities: [['low', 1]],
    tags: ['personal-training'],
  },
  {
    subject: { vi: 'Hoàn tiền buổi PT bị hủy', en: 'Refund for a cancelled PT session' },
    description: {
      vi: 'Buổi PT hôm thứ Bảy bị hủy do HLV ốm nhưng vẫn bị trừ vào gói.',
      en: "Saturday's PT session was cancelled because the trainer was ill, but it was still deducted.",
    },
    reply: {
      vi: 'Em đã kiểm tra và hoàn lại 1 buổi vào gói của anh/chị.',
      en: 'Checked: one session has been credited back to your package.',
    },
    followUp: { vi: 'Cảm ơn em.', en: 'Thank you.' },
    resolution: { vi: 'Số dư gói PT đã được cập nhật.', en: 'Your PT balance is updated.' },
    note: 'Nhắc HLV báo nghỉ trên hệ thống để không trừ buổi.',
    priorities: [['normal', 1]],
    tags: ['billing', 'personal-training'],
  },
];
