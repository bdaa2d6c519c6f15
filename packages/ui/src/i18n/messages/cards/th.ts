import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of ContactCard and CompanyCard. */
export const th: Catalog<typeof en> = {
  'card.companyName': 'ชื่อ',
  'birthday.today': 'วันเกิดวันนี้',
  'birthday.inDays': { '=1': 'วันเกิดพรุ่งนี้', other: 'วันเกิดในอีก {count} วัน' },
  'birthday.age': 'อายุครบ {age} ปี',

  'consent.title': 'ความยินยอม',
  'consent.email': 'การตลาดทางอีเมล',
  'consent.sms': 'การตลาดทาง SMS',
  'consent.phone': 'การโทรติดต่อ',
  'consent.tracking': 'การติดตามพฤติกรรม',
  'consent.granted': 'ให้ความยินยอม',
  'consent.denied': 'ปฏิเสธ',
  'consent.unknown': 'ยังไม่ได้ขอ',
  'consent.grantedOn': 'ให้ความยินยอมเมื่อ {date}',
  'consent.deniedOn': 'ปฏิเสธเมื่อ {date}',

  'card.editName': 'แก้ไข {name}',
  'card.addressAs': 'เรียกว่า {name}',
  'card.salutation': 'คำนำหน้าชื่อ',
  'card.nameOrder': 'ลำดับชื่อ',
  'card.nameOrder.given_first': 'ชื่อก่อนนามสกุล',
  'card.nameOrder.family_first': 'นามสกุลก่อนชื่อ',
  'card.channels': 'ช่องทางการติดต่อ',
  'card.never': 'ยังไม่มีการติดต่อ',
  'card.nothingPlanned': 'ยังไม่มีนัดหมาย',
  'card.task': 'งาน',
  'card.customFields': 'รายละเอียด',
  'card.noOpenDeals': 'ไม่มีดีลที่เปิดอยู่',
  'card.dealsSummary': { other: 'ดีลที่เปิดอยู่ {count} รายการ · {total} (ถ่วงน้ำหนัก {weighted})' },
  'card.probability': 'โอกาส {percent}',
  'card.noOpenTickets': 'ไม่มีคำขอที่เปิดอยู่',
  'card.slaBreached': 'เกิน SLA',
  'card.listHint': 'คั่นแต่ละค่าด้วยเครื่องหมายจุลภาค {options}',
  'card.employees': 'พนักงาน {size} คน',
  'card.noContacts': 'ยังไม่มีผู้ติดต่อ',
};
