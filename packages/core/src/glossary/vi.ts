/**
 * `@crmkit/core/glossary/vi`: the Vietnamese terms of crmkit, one per concept of `en.ts`, each with why it was chosen.
 * Checked against how Vietnamese CRM users write: the Vietnamese guides of SugarCRM (susasoft.com), CRMViet
 * (kb.crmviet.vn), Fastwork CRM, OnlineCRM, Base.vn, Bizfly CRM, Cogover and Freshdesk's Vietnamese help. Words stay
 * the ones a sales or support team in Ho Chi Minh City or Hanoi says every day; a term that would be a calque of the
 * English is avoided where Vietnamese software has settled on another.
 *
 * @example
 * import * as vi from '@crmkit/core/glossary/vi';
 * vi.contact; // 'Người liên hệ'
 */

// Records.
/** "Người liên hệ", everywhere: the SugarCRM and CRMViet term; "Liên hệ" alone reads as the verb "to contact". */
export const contact = 'Người liên hệ';
/** Vietnamese nouns have no plural form. */
export const contacts = 'Người liên hệ';
export const company = 'Công ty';
export const companies = 'Công ty';
/** "Khách hàng tiềm năng": the term of every Vietnamese CRM guide (SugarCRM, NextX, Base); "Lead" is jargon. */
export const lead = 'Khách hàng tiềm năng';
export const leads = 'Khách hàng tiềm năng';
/** "Cơ hội" (short for "cơ hội bán hàng"): SugarCRM, CRMViet, Fastwork and OnlineCRM all call deals so. */
export const deal = 'Cơ hội';
export const deals = 'Cơ hội';
export const activity = 'Hoạt động';
export const activities = 'Hoạt động';
/**
 * "Phiếu hỗ trợ", one word for every ticket: Cogover's "phiếu yêu cầu hỗ trợ", shortened; "vé" (Freshdesk's
 * machine translation) means a travel ticket, and "yêu cầu" is used for requests in general.
 */
export const ticket = 'Phiếu hỗ trợ';
export const tickets = 'Phiếu hỗ trợ';
/** "Quy trình bán hàng": what Vietnamese sales teams call the pipeline when they do not say "pipeline". */
export const pipeline = 'Quy trình bán hàng';
/** "Giai đoạn": the deal stage ("giai đoạn bán hàng" in SugarCRM and Fastwork); the lifecycle has its own term. */
export const stage = 'Giai đoạn';

// People and their details.
/** "Họ và tên": a person's whole name, as Vietnamese forms write it. */
export const fullName = 'Họ và tên';
/** "Tên": a company's name ("Họ và tên" is only for people). */
export const name = 'Tên';
/** "Tên": the given name (with the middle name: "Văn An"). */
export const firstName = 'Tên';
/** "Họ": the family name, which Vietnamese forms ask for first. */
export const lastName = 'Họ';
/** "Danh xưng": how someone is addressed (Anh, Chị, Ông, Bà; Mr.). */
export const salutation = 'Danh xưng';
export const nameOrder = 'Thứ tự họ tên';
export const givenNameFirst = 'Tên trước, họ sau';
export const familyNameFirst = 'Họ trước, tên sau';
/** "Chức danh": the job title on a business card. */
export const jobTitle = 'Chức danh';
/** "Email", as Vietnamese writes it ("thư điện tử" is for official documents). */
export const email = 'Email';
export const phone = 'Điện thoại';
/** "Website": how Vietnamese businesses and their forms write it ("trang web" reads as one page). */
export const website = 'Website';
export const industry = 'Ngành nghề';
export const companySize = 'Quy mô';
export const address = 'Địa chỉ';
export const birthday = 'Ngày sinh';
/** "Người phụ trách": the salesperson in charge of a customer (Bitrix24 and Fastwork say so). */
export const owner = 'Người phụ trách';
/** "Người xử lý": who handles a ticket, as support teams say. */
export const assignee = 'Người xử lý';
export const team = 'Nhóm';
/** "Nhãn": tags, as Gmail and Zalo call them in Vietnamese. */
export const tags = 'Nhãn';
export const source = 'Nguồn';
export const status = 'Trạng thái';
export const priority = 'Mức ưu tiên';
export const channel = 'Kênh';
export const subject = 'Tiêu đề';
export const type = 'Loại';
export const outcome = 'Kết quả';
export const date = 'Thời gian';
export const due = 'Hạn';
export const lastContacted = 'Liên hệ gần nhất';

// Deals.
/** "Giá trị": a deal's value ("số tiền" is an amount paid). */
export const amount = 'Giá trị';
/** "Xác suất thành công", one word for probability everywhere (CRMViet's field; "khả năng" was used beside it). */
export const probability = 'Xác suất thành công';
/** "Ngày dự kiến chốt": "chốt" is how Vietnamese salespeople say closing a sale; the field is a date. */
export const expectedCloseDate = 'Ngày dự kiến chốt';
export const won = 'Thành công';
export const lostDeal = 'Thất bại';
/** "Tiếp cận": the first step of Vietnamese sales pipelines (Getfly, Base), reaching out to a new customer. */
export const stageLeadIn = 'Tiếp cận';
/** "Xác định nhu cầu": the customer's need is confirmed ("Đủ điều kiện" is the status of a lead, not a deal step). */
export const stageQualified = 'Xác định nhu cầu';
/** "Gửi báo giá": Vietnamese B2B sellers send a quotation, not a "đề xuất". */
export const proposal = 'Gửi báo giá';
export const negotiation = 'Đàm phán';
/** "Khách tiềm năng": short for the step; "Tiềm năng" alone is a contact's lifecycle stage. */
export const prospect = 'Khách tiềm năng';
export const quotation = 'Báo giá';
/** "Quy trình bán hàng": the pipeline of new business, as Vietnamese sales teams name it (see `pipeline`). */
export const salesPipeline = 'Quy trình bán hàng';
/** "Gia hạn hội viên": what a Vietnamese gym calls its renewals ("gia hạn thẻ tập" for the card itself). */
export const renewals = 'Gia hạn hội viên';

// The lifecycle of a contact.
/** "Giai đoạn khách hàng": the customer's stage, never the deal-stage word alone ("Giai đoạn"). */
export const lifecycleStage = 'Giai đoạn khách hàng';
export const lifecyclePotential = 'Tiềm năng';
/** "Đang giao dịch": a customer who currently buys ("đang hoạt động" is said of systems). */
export const lifecycleActive = 'Đang giao dịch';
/** "Thân thiết": "khách hàng thân thiết" is what Vietnamese shops call loyal customers ("trung thành" is literal). */
export const lifecycleLoyal = 'Thân thiết';
/** "Ngừng giao dịch": pairs with "Đang giao dịch" and does not blame the customer as "đã rời bỏ" does. */
export const lifecycleLost = 'Ngừng giao dịch';

// Activities.
export const call = 'Cuộc gọi';
export const sms = 'SMS';
/** "Nhắn tin": chatting on Zalo or Messenger ("trò chuyện" is small talk). */
export const chat = 'Nhắn tin';
export const meeting = 'Cuộc họp';
export const note = 'Ghi chú';
export const task = 'Công việc';
export const app = 'Ứng dụng';
export const system = 'Hệ thống';
export const inbound = 'Đến';
export const outbound = 'Đi';
/** "Gọi đến" / "Gọi đi": what a Vietnamese phone's call log says. */
export const inboundCall = 'Gọi đến';
export const outboundCall = 'Gọi đi';
export const connected = 'Đã kết nối';
export const interested = 'Quan tâm';
export const notInterested = 'Không quan tâm';
export const noAnswer = 'Không nghe máy';
/** "Để lại lời nhắn thoại": a voice message, not a text one. */
export const voicemail = 'Để lại lời nhắn thoại';
export const busy = 'Máy bận';
export const wrongNumber = 'Nhầm số';
export const callBack = 'Gọi lại';
/** "Chăm sóc tiếp": "chăm sóc khách hàng" is how Vietnamese sales teams speak of following up. */
export const followUp = 'Chăm sóc tiếp';

// Tickets.
export const ticketNew = 'Mới';
export const ticketOpen = 'Đang mở';
/** "Chờ phản hồi": waiting for the customer's answer (Freshdesk's "đang chờ xử lý" reads as waiting for us). */
export const ticketPending = 'Chờ phản hồi';
/** "Tạm dừng": work paused ("tạm giữ" means held in custody). */
export const ticketOnHold = 'Tạm dừng';
export const ticketSolved = 'Đã giải quyết';
export const ticketClosed = 'Đã đóng';
export const priorityLow = 'Thấp';
export const priorityNormal = 'Bình thường';
export const priorityHigh = 'Cao';
export const priorityUrgent = 'Khẩn cấp';
export const web = 'Web';
export const social = 'Mạng xã hội';

// Leads.
export const leadNew = 'Mới';
export const contacted = 'Đã liên hệ';
export const qualified = 'Đủ điều kiện';
export const disqualified = 'Không đủ điều kiện';
export const converted = 'Đã chuyển đổi';
export const referral = 'Giới thiệu';
/** "Khách vãng lai": a customer who walks in, as Vietnamese shops and gyms say. */
export const walkIn = 'Khách vãng lai';
export const tradeFair = 'Hội chợ';

// Actions.
export const save = 'Lưu';
export const cancel = 'Hủy';
export const apply = 'Áp dụng';
/** "Xóa bộ lọc": what the button does, in the words of Vietnamese web shops. */
export const clearFilters = 'Xóa bộ lọc';
