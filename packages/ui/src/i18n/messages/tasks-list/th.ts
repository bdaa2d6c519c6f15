import type { Catalog } from '../catalog.js';
import type { en } from './en.js';

/** The Thai strings of TasksList (Thai sentences have no final full stop). */
export const th: Catalog<typeof en> = {
  'tasks.title': 'งาน',
  'tasks.views': 'มุมมองงาน',
  'tasks.view.all': 'ทั้งหมด',
  'tasks.view.mine': 'ของฉัน',
  'tasks.view.overdue': 'เกินกำหนด',
  'tasks.view.today': 'วันนี้',
  'tasks.view.upcoming': 'กำลังจะถึง',
  'tasks.empty.all': 'ไม่มีงานที่เปิดอยู่',
  'tasks.empty.mine': 'ไม่มีงานในรายการของคุณ',
  'tasks.empty.overdue': 'ไม่มีงานเกินกำหนด',
  'tasks.empty.today': 'ไม่มีงานถึงกำหนดวันนี้',
  'tasks.empty.upcoming': 'ไม่มีงานที่กำลังจะถึง',
  'tasks.due': 'กำหนด {date}',
  'tasks.noDue': 'ไม่มีกำหนด',
  'tasks.overdue': 'เกินกำหนด',
  'tasks.unassigned': 'ยังไม่มอบหมาย',
  'tasks.complete': 'ทำเสร็จ: {subject}',
  'tasks.completed': 'เสร็จแล้ว: {subject}',
  'tasks.snooze': 'เลื่อน: {subject}',
  'tasks.snooze.hour': 'อีก 1 ชั่วโมง',
  'tasks.snooze.tomorrow': 'พรุ่งนี้ 9:00',
  'tasks.snooze.nextWeek': 'อีกหนึ่งสัปดาห์ 9:00',
  'tasks.snoozed': 'เลื่อนไปถึง {date}',
  'tasks.reassign': 'มอบหมายใหม่: {subject}',
  'tasks.reassigned': 'มอบหมายให้ {name} แล้ว',
  'tasks.open': 'เปิดระเบียน',
  'tasks.notSaved': 'ไม่ได้บันทึกการเปลี่ยนแปลง งานยังเป็นเหมือนเดิม โปรดลองอีกครั้ง',
  'tasks.untitled': 'งาน',
  'tasks.signIn': 'ลงชื่อเข้าใช้ในฐานะผู้ใช้เพื่อดูงานของคุณ',
  'tasks.signIn.description':
    'การเชื่อมต่อนี้ไม่ได้ทำงานในนามผู้ใช้คนใด จึงไม่มีงานของคุณ มุมมองเกินกำหนด วันนี้ และกำลังจะถึง แสดงงานของทุกคน',
};
