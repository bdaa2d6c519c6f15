import type { CrmClient } from '@crmkit/client';
import { createFormat } from '@crmkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../src/i18n/translate.js';
import { vi } from '../src/i18n/vi.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { draftOf, patchOf } from '../src/widgets/shared/editing/draft.js';
import { serverErrorText } from '../src/widgets/shared/editing/server-errors.js';
import { phoneCountryOf } from '../src/widgets/shared/editing/useReadContext.js';
import { checkField, type FormField } from '../src/widgets/shared/editing/validate.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/shared/cards/cards.css';

/** Amounts and phone numbers typed the local way in the edit form, read with the locale's rules and stored exactly. */

const custom = (key: string, currency: string, label: Record<string, string>) => ({
  key,
  label,
  type: 'currency',
  currency,
  custom: true,
  required: false,
  sortable: true,
  filterable: true,
});

let crm: CrmClient;
beforeAll(async () => {
  const s = await sandbox();
  await s.db.query(`UPDATE workspaces SET settings = settings || $1::jsonb WHERE id = 'ws_test'`, [
    JSON.stringify({
      defaultLocale: 'vi-VN',
      customFields: {
        contact: [
          custom('budget', 'VND', { en: 'Budget', vi: 'Ngân sách', th: 'งบประมาณ' }),
          custom('deposit', 'THB', { en: 'Deposit', vi: 'Tiền cọc', th: 'เงินมัดจำ' }),
        ],
      },
    }),
  ]);
  crm = s.client();
});

let run = 0;
async function open(locale: string, phones: string[] = []) {
  run++;
  const contact = await crm.contacts.create({ firstName: 'Lan', lastName: `Nguyễn ${run}`, phones });
  await renderUi(<ContactCard contactId={contact.id} />, { client: crm, locale });
  const edit = await screen.findByRole('button', { name: new RegExp(`Nguyễn ${run}`) });
  await userEvent.click(edit);
  const form = await screen.findByRole('form', { name: new RegExp(`Nguyễn ${run}`) });
  return { contact, form };
}

async function typeInto(form: HTMLElement, name: RegExp, text: string) {
  const input = within(form).getByRole('textbox', { name });
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
  return input;
}

describe('the edit form in Vietnamese', () => {
  it('stores 5.000.000 ₫ and 150.000 ₫ as typed, and a phone dialled at home in E.164', async () => {
    const { contact, form } = await open('vi-VN');
    await typeInto(form, /Ngân sách/, '5.000.000');
    await typeInto(form, /Điện thoại/, '0901234567');
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(async () => {
      const stored = await crm.contacts.get(contact.id);
      expect(stored.customFields).toMatchObject({ budget: 5_000_000 });
      expect(stored.phones).toEqual(['+84901234567']);
    });

    await userEvent.click(await screen.findByRole('button', { name: new RegExp(`Nguyễn ${run}`) }));
    const again = await screen.findByRole('form', { name: new RegExp(`Nguyễn ${run}`) });
    // The stored amount comes back written the Vietnamese way, and saving it unchanged changes nothing.
    expect((within(again).getByRole('textbox', { name: /Ngân sách/ }) as HTMLInputElement).value).toBe('5.000.000');
    await typeInto(again, /Ngân sách/, '150.000');
    await userEvent.click(within(again).getByRole('button', { name: 'Lưu' }));
    await waitFor(async () =>
      expect((await crm.contacts.get(contact.id)).customFields).toMatchObject({ budget: 150_000 }),
    );
  });

  it('refuses decimals of dong and English separators with the reason, and saves nothing', async () => {
    const { contact, form } = await open('vi-VN');
    const budget = await typeInto(form, /Ngân sách/, '1,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(document.activeElement).toBe(budget);
    expect(budget).toHaveProperty('ariaInvalid', 'true');
    expect(within(form).getByText('Loại tiền này không có phần thập phân.')).toBeTruthy();
    await typeInto(form, /Ngân sách/, '1,500,000');
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByText('Viết theo dạng 1.234.567.')).toBeTruthy();
    expect((await crm.contacts.get(contact.id)).customFields).toEqual({});
  });
});

describe('what the server refuses', () => {
  it('is shown on its field in the user’s language, from the error’s code', async () => {
    const { contact, form } = await open('vi-VN');
    // The form's own check lets this through; the server's (a top-level domain of two letters or more) does not.
    await typeInto(form, /Email/, 'lan@congty.v');
    await userEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    const again = await screen.findByRole('form', { name: new RegExp(`Nguyễn ${run}`) });
    const email = within(again).getByRole('textbox', { name: /Email/ });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(again).getByText('Nhập địa chỉ email hợp lệ, ví dụ ten@congty.vn.')).toBeTruthy();
    expect((email as HTMLInputElement).value).toBe('lan@congty.v');
    expect((await crm.contacts.get(contact.id)).emails).toEqual([]);
  });

  it('shows the server’s English for a code this version does not know', () => {
    const { t, messages } = { t: createTranslator('vi-VN', vi), messages: vi };
    const error = { path: 'firstName', message: 'must not be a holiday', code: 'notOnHolidays' };
    expect(serverErrorText(t, messages, error)).toBe('must not be a holiday');
    expect(serverErrorText(t, messages, { ...error, code: 'tooLong', params: { max: 1000 } })).toBe(
      'Tối đa 1.000 ký tự.',
    );
    expect(serverErrorText(t, messages, { path: 'x', message: 'no code' })).toBe('no code');
  });
});

describe('the name fields of the edit form', () => {
  /** The labels of the name fields, in the form's order. */
  async function nameFields(firstName: string, lastName: string, locale: string) {
    const contact = await crm.contacts.create({ firstName, lastName });
    const name = locale.startsWith('vi') ? /Họ|Tên/ : /ชื่อ|นามสกุล/;
    const { unmount } = await renderUi(<ContactCard contactId={contact.id} />, { client: crm, locale });
    await userEvent.click(await screen.findByRole('button', { name: new RegExp(lastName) }));
    const form = await screen.findByRole('form', { name: new RegExp(lastName) });
    const labels = within(form)
      .getAllByRole('textbox')
      .map((input) => input.getAttribute('name'))
      .filter((path) => path === 'firstName' || path === 'lastName');
    expect(within(form).getAllByRole('textbox', { name }).length).toBeGreaterThanOrEqual(2);
    unmount();
    return labels;
  }

  it('come family name (Họ) first for a Vietnamese name, given name first for others, as the name is shown', async () => {
    expect(await nameFields('Văn An', 'Nguyễn', 'vi-VN')).toEqual(['lastName', 'firstName']);
    expect(await nameFields('Linh', 'Nguyen', 'vi-VN')).toEqual(['lastName', 'firstName']);
    expect(await nameFields('Jason', 'Chu', 'vi-VN')).toEqual(['firstName', 'lastName']);
    expect(await nameFields('สมชาย', 'ใจดี', 'th-TH')).toEqual(['firstName', 'lastName']);
  });
});

describe('the edit form in Thai', () => {
  it('stores ฿1,500 as 1,500 baht, and a Thai number typed for a Thai contact in a Vietnamese workspace', async () => {
    const { contact, form } = await open('th-TH', ['+66811111111']);
    await typeInto(form, /เงินมัดจำ/, '1,500');
    await typeInto(form, /โทรศัพท์/, '081-234-5678');
    await userEvent.click(within(form).getByRole('button', { name: 'บันทึก' }));
    await waitFor(async () => {
      const stored = await crm.contacts.get(contact.id);
      expect(stored.customFields).toMatchObject({ deposit: 150_000 });
      expect(stored.phones).toEqual(['+66812345678']);
    });
  });
});

describe('reading a form field', () => {
  const budget: FormField = { path: 'customFields.budget', label: 'Budget', type: 'currency', currency: 'USD' };
  const en = { format: createFormat({ locale: 'en-US' }), country: 'US' };

  it('refuses what could be read two ways, and bounds in minor units shown as money', () => {
    expect(checkField(budget, '1.500', en)).toEqual(['validation.separators', { example: '1,234,567.89' }]);
    expect(checkField(budget, '1,500.5', en)).toBeUndefined();
    expect(checkField({ ...budget, max: 100_00 }, '100.01', en)).toEqual(['validation.max', { max: '$100.00' }]);
    expect(checkField(budget, 'abc', en)).toEqual(['validation.numberLike', { example: '1,234,567.89' }]);
  });

  it('writes stored values the way they are read back (format → parse is the identity)', () => {
    const fields: FormField[] = [
      { path: 'customFields.a', label: 'A', type: 'currency', currency: 'VND' },
      { path: 'customFields.b', label: 'B', type: 'currency', currency: 'THB' },
      { path: 'customFields.c', label: 'C', type: 'number' },
    ];
    for (const locale of ['vi-VN', 'th-TH', 'en-US']) {
      const read = { format: createFormat({ locale }), country: 'VN' };
      const record = { customFields: { a: 123_456_789, b: 150_000, c: 12.5 } };
      const draft = draftOf(record, fields, read.format);
      expect(patchOf(record, draft, fields, read)).toEqual({});
      for (const field of fields) expect(checkField(field, draft[field.path]!, read)).toBeUndefined();
      const changed = { ...draft, 'customFields.a': `${draft['customFields.a']}` };
      expect(patchOf({ customFields: {} }, changed, fields, read)).toEqual({ customFields: record.customFields });
    }
  });

  it('takes the country of national numbers from the record, then the workspace, then the viewer', () => {
    expect(phoneCountryOf({ phones: ['+66812345678'] }, 'vi-VN', 'vi-VN')).toBe('TH');
    expect(phoneCountryOf({ phone: '+84901234567' }, 'th-TH', 'th-TH')).toBe('VN');
    expect(phoneCountryOf({ phones: [] }, 'th-TH', 'vi-VN')).toBe('TH');
    expect(phoneCountryOf({}, undefined, 'vi-VN')).toBe('VN');
  });
});
