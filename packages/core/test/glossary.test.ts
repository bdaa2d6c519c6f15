import { expect, it } from 'vitest';
import * as en from '../src/glossary/en.js';
import * as th from '../src/glossary/th.js';
import * as vi from '../src/glossary/vi.js';

// Every language names every concept (a missing one fails the typecheck too).
const _vi: Record<keyof typeof en, string> = vi;
const _th: Record<keyof typeof en, string> = th;

it('has one term per concept in every language, and no other', () => {
  for (const glossary of [_vi, _th]) {
    expect(Object.keys(glossary).sort()).toEqual(Object.keys(en).sort());
    for (const [concept, term] of Object.entries(glossary)) {
      expect(term.trim(), concept).toBe(term);
      expect(term.length, concept).toBeGreaterThan(0);
    }
  }
});

it('keeps the terms the reviews asked for', () => {
  expect([vi.contact, vi.lifecycleStage, vi.lifecycleActive, vi.ticketOnHold, vi.name]).toEqual([
    'Người liên hệ',
    'Giai đoạn khách hàng',
    'Đang giao dịch',
    'Tạm dừng',
    'Tên',
  ]);
  expect([vi.inboundCall, vi.outboundCall, vi.clearFilters, vi.followUp, vi.ticket]).toEqual([
    'Gọi đến',
    'Gọi đi',
    'Xóa bộ lọc',
    'Chăm sóc tiếp',
    'Phiếu hỗ trợ',
  ]);
  expect([th.lifecyclePotential, th.lifecycleActive, th.lifecycleLost, th.note, th.fullName]).toEqual([
    'ลูกค้าที่มีศักยภาพ',
    'ลูกค้าปัจจุบัน',
    'เลิกใช้บริการ',
    'โน้ต',
    'ชื่อ-นามสกุล',
  ]);
  expect([th.probability, th.expectedCloseDate, th.apply]).toEqual(['โอกาสปิดการขาย', 'วันที่คาดว่าจะปิดการขาย', 'นำไปใช้']);
  // A note is never the Save button's word, the lifecycle never the deal stage's.
  expect(th.note).not.toBe(th.save);
  expect(vi.lifecycleStage).not.toBe(vi.stage);
  expect(th.lifecycleStage).not.toBe(th.stage);
  // Thai has no final full stop.
  expect(Object.values(th).filter((term) => term.endsWith('.'))).toEqual([]);
});
