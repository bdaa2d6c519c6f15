import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai words of what a server refused, by the field error's code. */
export const th: Catalog<typeof en> = {
  'problem.required': 'โปรดกรอกข้อมูลในช่องนี้',
  'problem.tooLong': 'ใช้ได้ไม่เกิน {max} ตัวอักษร',
  'problem.tooShort': 'ใช้อย่างน้อย {min} ตัวอักษร',
  'problem.tooMany': 'เลือกได้ไม่เกิน {max} รายการ',
  'problem.tooFew': 'เลือกอย่างน้อย {min} รายการ',
  'problem.min': 'โปรดกรอกค่าตั้งแต่ {min} ขึ้นไป',
  'problem.max': 'โปรดกรอกค่าไม่เกิน {max}',
  'problem.number': 'โปรดกรอกตัวเลข',
  'problem.integer': 'โปรดกรอกจำนวนเต็ม',
  'problem.invalidType': 'ค่านี้มีชนิดข้อมูลไม่ถูกต้อง',
  'problem.email': 'โปรดกรอกอีเมลที่ถูกต้อง เช่น name@example.co.th',
  'problem.phone': 'โปรดกรอกหมายเลขโทรศัพท์ที่ถูกต้องพร้อมรหัสประเทศ (+66 81 234 5678)',
  'problem.url': 'โปรดกรอกที่อยู่เว็บที่ถูกต้อง เช่น https://example.co.th',
  'problem.date': 'โปรดกรอกวันที่ที่ถูกต้อง',
  'problem.dateTime': 'โปรดกรอกวันที่และเวลาที่ถูกต้อง',
  'problem.currency': 'โปรดกรอกรหัสสกุลเงิน เช่น THB หรือ VND',
  'problem.oneOf': 'โปรดเลือกหนึ่งในค่าต่อไปนี้: {options}',
  'problem.unknownField': 'ไม่มีช่องนี้: {fields}',
  'problem.notFound': 'ไม่พบรายการนี้แล้ว',
  'problem.notInPipeline': 'ขั้นตอนนี้ไม่อยู่ในไปป์ไลน์ {pipeline}',
  'problem.lostReasonRequired': 'โปรดระบุเหตุผลก่อนย้ายไปที่ {stage}',
  'problem.linkRequired': 'โปรดเชื่อมโยงกับผู้ติดต่อ บริษัท ดีล หรือทิกเก็ต',
  'problem.nameOrContact': 'โปรดกรอกชื่อ อีเมล หรือหมายเลขโทรศัพท์',
  'problem.unknownPlaceholder': 'ไม่มีฟิลด์ {placeholder} ให้เติมค่า',
  'problem.malformedPlaceholder': 'ตัวแทนค่าไม่ได้ปิดหรือเขียนไม่ถูกต้อง',
  'problem.noTestAddress': 'คุณยังไม่มีที่อยู่ของตนเองในช่องทางนี้สำหรับรับข้อความทดสอบ',
  'problem.future': 'โปรดเลือกเวลาในอนาคต',
  'problem.changed': 'มีผู้อื่นแก้ไขรายการนี้ไปแล้ว โปรดลองอีกครั้ง',
};
