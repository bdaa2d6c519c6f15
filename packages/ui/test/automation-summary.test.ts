import type { Schemas } from '@crmkit/client';
import { createFormat } from '@crmkit/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.js';
import { th } from '../src/i18n/th.js';
import { createTranslator, type Messages } from '../src/i18n/translate.js';
import { vi } from '../src/i18n/vi.js';
import { type SummaryContext, summarizeRule } from '../src/widgets/automation-rules/summary/summary.js';
import { sandbox } from './harness.js';

type Rule = Schemas['AutomationRule'];
type RuleBody = Pick<Rule, 'resource' | 'trigger' | 'conditions' | 'steps'>;
const CATALOGS = { 'en-US': en as unknown as Messages, 'vi-VN': vi, 'th-TH': th };
type Locale = keyof typeof CATALOGS;

let schema: Schemas['WorkspaceSchema'];
let rules: Rule[];
let names: Map<string, string>;
let user: { id: string; name: string };

// The fitness club's own rules and schema (custom fields labelled in three languages), from the reference server.
beforeAll(async () => {
  const crm = (await sandbox('fitness')).client();
  schema = await crm.schema.get();
  rules = (await crm.automationRules.list({ limit: 100 })).data;
  const users = (await crm.users.list({ limit: 100 })).data;
  names = new Map(users.map((u) => [u.id, u.name]));
  user = users[0]!;
});

const context = (locale: Locale): SummaryContext => ({
  t: createTranslator(locale, CATALOGS[locale]),
  locale,
  messages: CATALOGS[locale],
  f: createFormat({ locale, timeZone: 'Asia/Ho_Chi_Minh', currency: 'VND' }),
  schema,
  names,
});
const club = (locale: Locale, id: string) => summarizeRule(rules.find((r) => r.id === id)!, context(locale));

/** What the club's rules do not use: a weekday schedule, or / not, a window, a branch, a user, an option's value. */
const workdays = (cron: string, userId: string): RuleBody => ({
  resource: 'contacts',
  trigger: { type: 'schedule', cron },
  conditions: {
    or: [{ field: 'tags', op: 'contains', value: 'vip' }, { not: { field: 'birthday', op: 'isNull', value: true } }],
  },
  steps: [
    { type: 'delay', until: { time: '09:00', weekdays: [1, 3], zone: 'contact' } },
    {
      type: 'branch',
      if: { field: 'lifecycleStage', op: 'eq', value: 'loyal' },
      yes: [{ type: 'add_tag', tag: 'loyal' }],
      no: [
        { type: 'set_lifecycle', stage: 'active' },
        { type: 'notify', to: { type: 'user', userId }, message: 'Check in' },
      ],
    },
    { type: 'delay', minutes: 90 },
    { type: 'update_field', field: 'customFields.membershipPlan', value: 'premium' },
  ],
});
const manual: RuleBody = {
  resource: 'deals',
  trigger: { type: 'manual' },
  conditions: null,
  steps: [{ type: 'delay', minutes: 120 }],
};

describe('summarizeRule', () => {
  it('puts a rule into English with the workspace’s labels, custom fields included', () => {
    const ctx = context('en-US');
    expect(club('en-US', 'rul_fit_birthday')).toBe(
      'On the birthday at 9:00 AM, every year, if lifecycle stage is Active or Loyal → send an SMS',
    );
    expect(club('en-US', 'rul_fit_renewal_deal')).toBe(
      '30 days before the membership expiry, at 8:00 AM, if lifecycle stage is Active or Loyal → open a deal in Renewals, then create a task for the owner',
    );
    expect(club('en-US', 'rul_fit_no_visit_14')).toBe(
      '14 days after the creation date, at 10:00 AM, if lifecycle stage is Active or Loyal and visits is less than 1 → create a task for the owner',
    );
    expect(club('en-US', 'rul_fit_pt_balance')).toBe(
      'When a contact’s PT package balance changes, if PT package balance is less than ₫1,000,000 → create a task for the owner',
    );
    expect(club('en-US', 'rul_fit_welcome')).toBe(
      'When a contact is created or a contact’s lifecycle stage changes, if lifecycle stage is Active → send an email, then send an SMS',
    );
    expect(club('en-US', 'rul_fit_low_visits')).toBe(
      'On day 1 of every month at 10:00 AM, if lifecycle stage is Active or Loyal and visits, last 30 days is less than 2 → send an SMS, then create a task for the owner',
    );
    expect(club('en-US', 'rul_fit_satisfaction')).toBe(
      'When a deal moves to another stage or a deal’s status changes, if pipeline is Renewals and status is Won → after 7 days, at the next 10:00 AM, send an SMS',
    );
    expect(summarizeRule(workdays('30 8 * * 1-5', user.id), ctx)).toBe(
      `Every weekday (Monday to Friday) at 8:30 AM, if tags contains “vip” or not (birthday is empty) → at the next 9:00 AM on Monday or Wednesday (the contact’s time), if lifecycle stage is Loyal: add the tag “loyal”; otherwise set the lifecycle stage to Active, then notify ${user.name}, then after 90 minutes, set membership plan to Premium`,
    );
    expect(summarizeRule({ ...workdays('0 9 * * 1,4', 'usr_gone'), conditions: null }, ctx)).toMatch(
      /^Every Monday and Thursday at 9:00 AM → .*notify a chosen user,/,
    );
    expect(summarizeRule({ ...manual, trigger: { type: 'schedule', cron: '*/5 * * * *' } }, ctx)).toBe(
      'On the schedule “*/5 * * * *” → wait (after 2 hours)',
    );
    expect(summarizeRule(manual, ctx)).toBe('When run by hand → wait (after 2 hours)');
  });

  it('puts a rule into Vietnamese', () => {
    const ctx = context('vi-VN');
    expect(club('vi-VN', 'rul_fit_birthday')).toBe(
      'Vào ngày sinh, lúc 9:00, hằng năm, nếu giai đoạn khách hàng là Đang giao dịch hoặc Thân thiết → gửi SMS',
    );
    expect(club('vi-VN', 'rul_fit_renewal_30')).toBe(
      '30 ngày trước ngày hết hạn thẻ, lúc 9:00, nếu giai đoạn khách hàng là Đang giao dịch hoặc Thân thiết → gửi SMS',
    );
    expect(club('vi-VN', 'rul_fit_pt_balance')).toBe(
      'Khi số dư gói PT của một người liên hệ thay đổi, nếu số dư gói PT nhỏ hơn 1.000.000\u00a0₫ → tạo công việc cho người phụ trách',
    );
    expect(club('vi-VN', 'rul_fit_satisfaction')).toBe(
      'Khi một cơ hội chuyển sang giai đoạn khác hoặc trạng thái của một cơ hội thay đổi, nếu quy trình là Gia hạn hội viên và trạng thái là Thành công → sau 7 ngày, đến 10:00 kế tiếp, gửi SMS',
    );
    expect(summarizeRule(workdays('30 8 * * 1-5', user.id), ctx)).toBe(
      `Thứ Hai đến Thứ Sáu hằng tuần, lúc 8:30, nếu nhãn có chứa “vip” hoặc không phải (ngày sinh trống) → đến 9:00 kế tiếp vào Thứ Hai hoặc Thứ Tư (theo giờ của người liên hệ), nếu giai đoạn khách hàng là Thân thiết: thêm nhãn “loyal”; nếu không, chuyển giai đoạn khách hàng sang Đang giao dịch, sau đó thông báo cho ${user.name}, sau đó sau 90 phút, đặt gói hội viên thành Cao cấp`,
    );
    expect(summarizeRule(manual, ctx)).toBe('Khi được chạy thủ công → chờ (sau 2 giờ)');
  });

  it('puts a rule into Thai', () => {
    const ctx = context('th-TH');
    expect(club('th-TH', 'rul_fit_birthday')).toBe(
      'ในวันเกิด เวลา 9:00 ทุกปี หากสถานะลูกค้า เป็น ลูกค้าปัจจุบัน หรือ ลูกค้าประจำ → ส่ง SMS',
    );
    expect(club('th-TH', 'rul_fit_win_back')).toBe(
      '14 วันหลังวันหมดอายุสมาชิก เวลา 10:00 หากสถานะลูกค้า ไม่ใช่ ลูกค้าที่มีศักยภาพ → ส่ง SMS จากนั้นสร้างงานให้ ผู้รับผิดชอบ',
    );
    expect(club('th-TH', 'rul_fit_pt_balance')).toBe(
      'เมื่อยอดคงเหลือแพ็กเกจ PT ของผู้ติดต่อเปลี่ยน หากยอดคงเหลือแพ็กเกจ PT น้อยกว่า ₫1,000,000 → สร้างงานให้ ผู้รับผิดชอบ',
    );
    expect(summarizeRule(workdays('30 8 * * 1-5', user.id), ctx)).toBe(
      `ทุกวันจันทร์ถึงวันศุกร์ เวลา 8:30 หากแท็ก มีคำว่า “vip” หรือ ไม่ใช่ (วันเกิด ว่าง) → เวลา 9:00 ครั้งถัดไปของวันจันทร์ หรือ วันพุธ (ตามเวลาของผู้ติดต่อ) หากสถานะลูกค้า เป็น ลูกค้าประจำ: เพิ่มแท็ก “loyal” มิฉะนั้น ตั้งสถานะลูกค้าเป็น ลูกค้าปัจจุบัน จากนั้นแจ้ง ${user.name} จากนั้นอีก 90 นาที ตั้ง แพ็กเกจสมาชิก เป็น พรีเมียม`,
    );
    expect(summarizeRule(manual, ctx)).toBe('เมื่อสั่งให้ทำงานเอง → รอ (อีก 2 ชั่วโมง)');
  });

  it('names a pipeline by its label in the user’s language', () => {
    const body: RuleBody = {
      resource: 'contacts',
      trigger: { type: 'manual' },
      conditions: null,
      steps: [{ type: 'create_deal', pipelineId: 'pip_fit_renewals', name: 'Renew' }],
    };
    expect(summarizeRule(body, context('vi-VN'))).toContain('mở cơ hội trong Gia hạn hội viên');
    expect(summarizeRule(body, context('th-TH'))).toContain('เปิดดีลใน ต่ออายุสมาชิก');
    expect(summarizeRule(body, context('en-US'))).toContain('open a deal in Renewals');
  });

  it('words every one of the club’s rules in every language, with no key or raw field name left', () => {
    for (const locale of Object.keys(CATALOGS) as Locale[]) {
      for (const rule of rules) {
        const text = summarizeRule(rule, context(locale));
        expect(text, `${locale} ${rule.id}`).not.toMatch(/rules\.|customFields|[a-z]+Id\b|\{/);
      }
    }
  });
});
