/**
 * `@crmkit/core/glossary/th`: the Thai terms of crmkit, one per concept of `en.ts`, each with why it was chosen.
 * Checked against how Thai CRM users write: the Thai manuals of Readyplanet R-CRM, Beecy (Odoo), HubSpot's and
 * Salesforce's Thai help, and Thai helpdesk manuals. Thai sales teams keep some English loanwords (ลีด, ดีล,
 * ทิกเก็ต) and write them in Thai script; Thai text has no plural and no final full stop.
 *
 * @example
 * import * as th from '@crmkit/core/glossary/th';
 * th.contact; // 'ผู้ติดต่อ'
 */

// Records.
export const contact = 'ผู้ติดต่อ';
/** Thai nouns have no plural form. */
export const contacts = 'ผู้ติดต่อ';
export const company = 'บริษัท';
export const companies = 'บริษัท';
/** "ลีด": the loanword Readyplanet and HubSpot use ("Lead" in their menus), in Thai script. */
export const lead = 'ลีด';
export const leads = 'ลีด';
/**
 * "ดีล": what Thai sales teams and HubSpot's Thai interface say. "โอกาสการขาย" (Beecy, Salesforce) is longer and
 * would clash with the probability, "โอกาสปิดการขาย".
 */
export const deal = 'ดีล';
export const deals = 'ดีล';
export const activity = 'กิจกรรม';
export const activities = 'กิจกรรม';
/** "ทิกเก็ต", one word for every ticket ("คำขอ" and "ใบงาน" were used beside it; "ตั๋ว" is a travel ticket). */
export const ticket = 'ทิกเก็ต';
export const tickets = 'ทิกเก็ต';
/** "ไปป์ไลน์": Readyplanet's "Pipeline", in Thai script. */
export const pipeline = 'ไปป์ไลน์';
/** "ขั้นตอนการขาย": a deal's step; "สถานะ" is kept for statuses and the customer's lifecycle. */
export const stage = 'ขั้นตอนการขาย';

// People and their details.
/** "ชื่อ-นามสกุล": how Thai forms (and Readyplanet) ask for a person's whole name. */
export const fullName = 'ชื่อ-นามสกุล';
/** "ชื่อ": a company's name. */
export const name = 'ชื่อ';
export const firstName = 'ชื่อ';
export const lastName = 'นามสกุล';
/** "คำนำหน้าชื่อ": the prefix Thai forms ask for (นาย, นาง, นางสาว; คุณ). */
export const salutation = 'คำนำหน้าชื่อ';
export const nameOrder = 'ลำดับชื่อ';
export const givenNameFirst = 'ชื่อก่อนนามสกุล';
export const familyNameFirst = 'นามสกุลก่อนชื่อ';
export const jobTitle = 'ตำแหน่ง';
export const email = 'อีเมล';
/** "เบอร์โทรศัพท์": the field as Thai forms label it ("โทรศัพท์" alone is the device). */
export const phone = 'เบอร์โทรศัพท์';
export const website = 'เว็บไซต์';
export const industry = 'อุตสาหกรรม';
export const companySize = 'ขนาดบริษัท';
export const address = 'ที่อยู่';
export const birthday = 'วันเกิด';
/** "ผู้รับผิดชอบ": the salesperson responsible for a customer. */
export const owner = 'ผู้รับผิดชอบ';
/** "ผู้รับผิดชอบ" for a ticket's assignee too: Thai helpdesks use one word for both. */
export const assignee = 'ผู้รับผิดชอบ';
export const team = 'ทีม';
export const tags = 'แท็ก';
export const source = 'แหล่งที่มา';
export const status = 'สถานะ';
export const priority = 'ความสำคัญ';
export const channel = 'ช่องทาง';
export const subject = 'หัวข้อ';
export const type = 'ประเภท';
export const outcome = 'ผลลัพธ์';
export const date = 'วันที่';
export const due = 'กำหนดส่ง';
export const lastContacted = 'ติดต่อล่าสุด';

// Deals.
export const amount = 'มูลค่า';
/** "โอกาสปิดการขาย": "ปิดการขาย" (closing a sale) is Readyplanet's and every Thai sales team's phrase. */
export const probability = 'โอกาสปิดการขาย';
export const expectedCloseDate = 'วันที่คาดว่าจะปิดการขาย';
export const won = 'ปิดการขายได้';
export const lostDeal = 'ปิดการขายไม่ได้';
/** "ติดต่อครั้งแรก": the first contact, as Thai sales teams name the first step. */
export const stageLeadIn = 'ติดต่อครั้งแรก';
/** "ยืนยันความต้องการ": the need is confirmed ("ผ่านเกณฑ์" is the status of a lead). */
export const stageQualified = 'ยืนยันความต้องการ';
/** "ยื่นข้อเสนอ": submitting a proposal; "เสนอราคา" is a quotation. */
export const proposal = 'ยื่นข้อเสนอ';
export const negotiation = 'เจรจาต่อรอง';
/** "ลูกค้าเป้าหมาย": a targeted customer, the step; "ลูกค้าที่มีศักยภาพ" is a contact's lifecycle stage. */
export const prospect = 'ลูกค้าเป้าหมาย';
/** "เสนอราคา": sending the quotation (ใบเสนอราคา), what Thai B2B sales do at this step. */
export const quotation = 'เสนอราคา';
/** "ไปป์ไลน์การขาย": Readyplanet's and Thai sales teams' "sales pipeline", in Thai script (see `pipeline`). */
export const salesPipeline = 'ไปป์ไลน์การขาย';
/** "ต่ออายุสมาชิก": renewing a membership, as Thai fitness clubs write it on their forms and receipts. */
export const renewals = 'ต่ออายุสมาชิก';

// The lifecycle of a contact.
/** "สถานะลูกค้า": the customer's standing, distinct from a deal's "ขั้นตอนการขาย". */
export const lifecycleStage = 'สถานะลูกค้า';
/** "ลูกค้าที่มีศักยภาพ": a prospective customer ("ผู้มีแนวโน้ม" is not said of customers). */
export const lifecyclePotential = 'ลูกค้าที่มีศักยภาพ';
/** "ลูกค้าปัจจุบัน": a current customer ("ใช้งานอยู่" is said of accounts and systems). */
export const lifecycleActive = 'ลูกค้าปัจจุบัน';
export const lifecycleLoyal = 'ลูกค้าประจำ';
/** "เลิกใช้บริการ": stopped buying ("สูญเสีย" means bereaved). */
export const lifecycleLost = 'เลิกใช้บริการ';

// Activities.
export const call = 'การโทร';
export const sms = 'SMS';
export const chat = 'แชท';
export const meeting = 'การประชุม';
/** "โน้ต": a note; "บันทึก" is the Save button, and a note labelled so reads as "save". */
export const note = 'โน้ต';
export const task = 'งาน';
export const app = 'แอป';
export const system = 'ระบบ';
export const inbound = 'ขาเข้า';
export const outbound = 'ขาออก';
/** "สายเข้า" / "โทรออก": what a Thai phone's call log says. */
export const inboundCall = 'สายเข้า';
export const outboundCall = 'โทรออก';
export const connected = 'ติดต่อได้';
export const interested = 'สนใจ';
export const notInterested = 'ไม่สนใจ';
export const noAnswer = 'ไม่รับสาย';
export const voicemail = 'ฝากข้อความเสียง';
export const busy = 'สายไม่ว่าง';
export const wrongNumber = 'โทรผิดเบอร์';
export const callBack = 'โทรกลับ';
export const followUp = 'ติดตามผล';

// Tickets.
export const ticketNew = 'ใหม่';
export const ticketOpen = 'เปิดอยู่';
export const ticketPending = 'รอการตอบกลับ';
export const ticketOnHold = 'พักไว้';
export const ticketSolved = 'แก้ไขแล้ว';
export const ticketClosed = 'ปิดแล้ว';
export const priorityLow = 'ต่ำ';
export const priorityNormal = 'ปกติ';
export const priorityHigh = 'สูง';
export const priorityUrgent = 'เร่งด่วน';
export const web = 'เว็บ';
export const social = 'โซเชียล';

// Leads.
export const leadNew = 'ใหม่';
export const contacted = 'ติดต่อแล้ว';
export const qualified = 'ผ่านเกณฑ์';
export const disqualified = 'ไม่ผ่านเกณฑ์';
/** "เป็นลูกค้าแล้ว": the lead became a customer ("แปลงแล้ว" says "transformed"). */
export const converted = 'เป็นลูกค้าแล้ว';
/** "การแนะนำ": came through someone's recommendation. */
export const referral = 'การแนะนำ';
/** "ลูกค้า walk-in" is said, but in Thai script: "เดินเข้ามาเอง" (came in by themselves). */
export const walkIn = 'เดินเข้ามาเอง';
export const tradeFair = 'งานแสดงสินค้า';

// Actions.
/** "บันทึก": the Save button (which is why a note is "โน้ต"). */
export const save = 'บันทึก';
export const cancel = 'ยกเลิก';
/** "นำไปใช้": applying a filter or choice ("ใช้" alone means "use"). */
export const apply = 'นำไปใช้';
export const clearFilters = 'ล้างตัวกรอง';
