import { CONTACT_LIMITS } from '@crmkit/core';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/shared/cards/cards.css';

/**
 * A contact's salutation (`Anh`, `Chị`, `คุณ`, `Ms.`) is shown where the rep reads how to greet them — the card's
 * header, the way their language does it — and edited with the name, its order beside it.
 */
async function show(locale: string, body: { firstName: string; lastName: string; salutation?: string }) {
  const crm = (await sandbox()).client();
  const contact = await crm.contacts.create(body);
  await renderUi(<ContactCard contactId={contact.id} />, { client: crm, locale });
  await screen.findByRole('region', { name: new RegExp(body.firstName) }, { timeout: 15_000 });
  return { crm, contact };
}

describe('how the card addresses a contact', () => {
  it('greets a Vietnamese contact by salutation and given name', async () => {
    await show('vi-VN', { firstName: 'Văn An', lastName: 'Nguyễn', salutation: 'Anh' });
    expect(screen.getByText('Xưng hô: Anh An')).toBeTruthy();
  });

  it('greets a Thai contact with คุณ before the given name, written together', async () => {
    await show('th-TH', { firstName: 'สมชาย', lastName: 'ใจดี', salutation: 'คุณ' });
    expect(screen.getByText('เรียกว่า คุณสมชาย')).toBeTruthy();
  });

  it('edits the salutation and the name order, checking the salutation’s length', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await show('vi-VN', { firstName: 'Lan', lastName: 'Trần' });
    expect(screen.queryByText(/Xưng hô/)).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Sửa Trần Lan' }, { timeout: 15_000 }));
    const form = await screen.findByRole('form', { name: 'Sửa Trần Lan' }, { timeout: 15_000 });
    const salutation = within(form).getByRole('textbox', { name: 'Danh xưng' });
    await user.type(salutation, 'x'.repeat(CONTACT_LIMITS.salutation + 1));
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(await within(form).findByText(`Tối đa ${CONTACT_LIMITS.salutation} ký tự.`)).toBeTruthy();
    expect((await crm.contacts.get(contact.id)).salutation ?? null).toBeNull();

    await user.clear(salutation);
    await user.type(salutation, 'Chị');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Thứ tự họ tên' }), 'Tên trước, họ sau');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(async () =>
      expect(await crm.contacts.get(contact.id)).toMatchObject({ salutation: 'Chị', nameOrder: 'given_first' }),
    );
    // Written given name first now (a Vietnamese family name no longer decides), still greeted by the given name.
    expect(await screen.findByText('Xưng hô: Chị Lan')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lan Trần' })).toBeTruthy();
  });
});
