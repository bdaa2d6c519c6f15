import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of editing: a form's field checks and the prompt after a write that lost a race (412). */
export const th: Catalog<typeof en> = {
  'conflict.title': 'มีผู้อื่นแก้ไขข้อมูลนี้',
  'conflict.description': 'ข้อมูลนี้ถูกเปลี่ยนแปลงระหว่างที่คุณกำลังแก้ไข โปรดเลือกเวอร์ชันที่ต้องการเก็บไว้',
  'conflict.keepMine': 'ใช้ของฉัน',
  'conflict.takeTheirs': 'ใช้ของอีกฝ่าย',
  'conflict.yours': 'เวอร์ชันของคุณ',
  'conflict.theirs': 'เวอร์ชันของอีกฝ่าย',
  'validation.required': 'โปรดกรอกข้อมูลในช่องนี้',
  'validation.email': 'โปรดกรอกอีเมลที่ถูกต้อง เช่น name@example.com',
  'validation.phone': 'โปรดกรอกหมายเลขโทรศัพท์ที่ถูกต้อง เช่น 081-234-5678 หรือ +66 81 234 5678',
  'validation.url': 'โปรดกรอกที่อยู่เว็บไซต์ที่ถูกต้อง',
  'validation.number': 'โปรดกรอกตัวเลข',
  'validation.numberLike': 'โปรดกรอกตัวเลข เช่น {example}',
  'validation.separators': 'โปรดเขียนแบบ {example}',
  'validation.decimals': { other: 'ใช้ทศนิยมได้ไม่เกิน {count} ตำแหน่ง' },
  'validation.noDecimals': 'สกุลเงินนี้ไม่มีทศนิยม',
  'validation.tooLarge': 'ตัวเลขมากเกินไป',
  'validation.date': 'โปรดกรอกวันที่ที่ถูกต้อง',
  'validation.min': 'โปรดกรอกค่าตั้งแต่ {min} ขึ้นไป',
  'validation.max': 'โปรดกรอกค่าไม่เกิน {max}',
  'validation.tooLong': { other: 'ใช้ได้ไม่เกิน {count} ตัวอักษร' },
  'validation.duplicate': 'ค่านี้ถูกใช้ไปแล้ว',
  'validation.invalid': 'โปรดตรวจสอบค่านี้',
  'validation.summary': { other: 'โปรดแก้ไข {count} ช่องเพื่อดำเนินการต่อ' },
};
