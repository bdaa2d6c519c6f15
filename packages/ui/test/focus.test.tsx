import type { CrmClient } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActivityTimeline } from '../src/widgets/activity-timeline/index.js';
import { CompanyCard } from '../src/widgets/company-card/index.js';
import { ContactCard } from '../src/widgets/contact-card/index.js';
import { ContactsTable } from '../src/widgets/contacts-table/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/styles.css';

// WCAG 2.4.3 (focus order): opening an editor or a dialog moves focus into it, Escape closes it, and closing it puts
// focus back on what opened it — never on the page body.

let run = 0;
async function contact(crm: CrmClient) {
  run++;
  return crm.contacts.create({ firstName: 'Lan', lastName: `Focus ${run}`, title: 'Buyer', lifecycleStage: 'active' });
}
const focused = () => document.activeElement;

describe('the cards’ inline editor keeps the focus', () => {
  it('ContactCard: Enter on Edit focuses the first field; Escape, Cancel and Save return to Edit', async () => {
    const user = userEvent.setup();
    const s = await sandbox();
    const crm = s.client();
    const lan = await contact(crm);
    const name = `Lan Focus ${run}`;
    await renderUi(<ContactCard contactId={lan.id} />, { client: crm });
    const edit = () => screen.getByRole('button', { name: `Edit ${name}` });
    (await screen.findByRole('button', { name: `Edit ${name}` })).focus();

    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: `Edit ${name}` });
    // The first field is how the contact is addressed (before the name, as it is written).
    await waitFor(() => expect(focused()).toBe(within(form).getByRole('textbox', { name: 'Salutation' })));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    await waitFor(() => expect(focused()).toBe(edit()));

    await user.keyboard('{Enter}');
    await screen.findByRole('form', { name: `Edit ${name}` });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(focused()).toBe(edit()));

    await user.keyboard('{Enter}');
    const again = await screen.findByRole('form', { name: `Edit ${name}` });
    const title = within(again).getByRole('textbox', { name: 'Job title' });
    await user.clear(title);
    await user.type(title, 'Head of Purchasing{Enter}');
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    await waitFor(() => expect(focused()).toBe(edit()));
    await waitFor(async () => expect((await crm.contacts.get(lan.id)).title).toBe('Head of Purchasing'));
  });

  it('in Vietnamese, the form comes with its strings: focus on the first field, its checks in Vietnamese', async () => {
    // The form's checks are a catalog part of their own, loaded with the form (a skeleton meanwhile): focus still moves
    // into the form once it shows, and nothing of it is in English.
    const user = userEvent.setup();
    const s = await sandbox();
    const crm = s.client();
    const lan = await contact(crm);
    await renderUi(<ContactCard contactId={lan.id} />, { client: crm, locale: 'vi-VN' });
    const name = `Lan Focus ${run}`;
    (await screen.findByRole('button', { name: `Sửa ${name}` })).focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: `Sửa ${name}` });
    await waitFor(() => expect(focused()).toBe(within(form).getByRole('textbox', { name: 'Danh xưng' })));
    const email = within(form).getByRole('textbox', { name: 'Email' });
    await user.type(email, 'not-an-email');
    await user.click(within(form).getByRole('button', { name: 'Lưu' }));
    expect(within(form).getByRole('alert').textContent).toBe('Vui lòng sửa 1 trường để tiếp tục.');
    expect(within(form).getByText('Nhập địa chỉ email hợp lệ, ví dụ name@example.com.')).toBeTruthy();
    expect(focused()).toBe(email);
  });

  it('CompanyCard: the same, and after the conflict prompt focus is back on Edit', async () => {
    const user = userEvent.setup();
    const s = await sandbox();
    const crm = s.client();
    const company = await crm.companies.create({ name: `Focus Trading ${++run}` });
    await renderUi(<CompanyCard companyId={company.id} />, { client: crm });
    const edit = () => screen.getByRole('button', { name: `Edit ${company.name}` });
    (await screen.findByRole('button', { name: `Edit ${company.name}` })).focus();

    await user.keyboard('{Enter}');
    const form = await screen.findByRole('form', { name: `Edit ${company.name}` });
    await waitFor(() => expect(focused()).toBe(within(form).getByRole('textbox', { name: /^Name/ })));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(focused()).toBe(edit()));

    await user.keyboard('{Enter}');
    await crm.companies.update(company.id, { industry: 'Retail' }); // someone else, meanwhile
    const industry = await screen.findByRole('textbox', { name: 'Industry' });
    await user.type(industry, 'Logistics{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this' });
    await waitFor(() => expect(dialog.contains(focused())).toBe(true));
    await user.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(focused()).toBe(edit()));
  });
});

describe('the table’s popups keep the focus', () => {
  it('column chooser, save-view and bulk dialogs: focus moves in, Escape closes, focus returns to the opener', async () => {
    const user = userEvent.setup();
    const s = await sandbox();
    const crm = s.client();
    await contact(crm);
    await renderUi(<ContactsTable />, { client: crm });
    const g = await screen.findByRole('grid', { name: 'Contacts' });
    await waitFor(() => expect(within(g).getAllByRole('rowheader').length).toBeGreaterThan(0));

    const columns = screen.getByRole('button', { name: 'Columns' });
    columns.focus();
    await user.keyboard('{Enter}');
    const chooser = await screen.findByRole('dialog', { name: 'Choose columns' });
    await waitFor(() => expect(chooser.contains(focused())).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Choose columns' })).toBeNull());
    expect(focused()).toBe(columns);

    const views = screen.getByRole('button', { name: /^Saved views/ });
    views.focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByRole('menuitem', { name: 'Save view…' }));
    const save = await screen.findByRole('dialog', { name: 'Save view' });
    await waitFor(() => expect(focused()).toBe(within(save).getByRole('textbox', { name: /View name/ })));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save view' })).toBeNull());
    await waitFor(() => expect(focused()).toBe(views));

    await user.click(within(g).getAllByRole('checkbox', { name: /^Select Lan/ })[0]!);
    const assign = await screen.findByRole('button', { name: 'Assign owner' });
    assign.focus();
    await user.keyboard('{Enter}');
    const bulk = await screen.findByRole('dialog', { name: 'Assign owner' });
    await waitFor(() => expect(bulk.contains(focused())).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Assign owner' })).toBeNull());
    await waitFor(() => expect(focused()).toBe(assign));
  });
});

describe('the timeline composer keeps the focus', () => {
  it('after logging an activity with the keyboard, focus stays in the composer', async () => {
    const user = userEvent.setup();
    const s = await sandbox();
    const crm = s.client();
    const lan = await contact(crm);
    await renderUi(<ActivityTimeline contactId={lan.id} />, { client: crm });
    const tabs = await screen.findByRole('tablist', { name: 'New activity' });
    within(tabs).getByRole('tab', { name: 'Note' }).focus();
    await user.keyboard('{Enter}');
    const note = await screen.findByRole('textbox', { name: /^Note/ });
    await user.click(note);
    await user.type(note, 'Asked for a quote');
    await user.tab();
    const submit = screen.getByRole('button', { name: 'Add a note' });
    expect(focused()).toBe(submit);
    await user.keyboard('{Enter}');
    await screen.findByText('Asked for a quote', { selector: 'p' });
    const composer = tabs.parentElement!;
    await waitFor(() => expect(composer.contains(focused())).toBe(true));
  });
});
