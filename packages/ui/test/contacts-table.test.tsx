import type { CrmClient } from '@crmkit/client';
import { contactName } from '@crmkit/react';
import type { Sandbox } from '@crmkit/sandbox';
import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { ContactsTable } from '../src/widgets/contacts-table/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/contacts-table/contacts-table.css';

let demo: Sandbox;
let admin: CrmClient;
// The demo seed's first start migrates and seeds a database: outside any test's timeout.
beforeAll(async () => {
  demo = await sandbox('demo');
  admin = demo.client();
}, 120_000);

const grid = () => screen.findByRole('grid', { name: 'Contacts' }, { timeout: 15_000 });
/** Names in the row headers of the rendered rows, in order. */
const names = (g: HTMLElement) => within(g).queryAllByRole('rowheader').map(nameIn);
/** The name shown in a row header (without the avatar's initials). */
const nameIn = (el: Element | null | undefined) => el?.querySelector('.crm-ct-text')?.textContent ?? el?.textContent;
/** The row of the `index`-th record of the page. */
const rowOf = (g: HTMLElement, index: number) => g.querySelector<HTMLElement>(`tr[aria-rowindex="${index + 2}"]`)!;
/** Waits until the grid shows data rows (not the loading skeleton). */
async function loaded() {
  const g = await grid();
  await waitFor(() => expect(within(g).getAllByRole('rowheader').length).toBeGreaterThan(0), { timeout: 15_000 });
  return g;
}

describe('ContactsTable', () => {
  it('renders a page of contacts as a virtualized grid, with cells by field type', async () => {
    const { container } = await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const first = await admin.contacts.list({ limit: 25 });
    // 25 rows and the header, of which only those in view (plus overscan) are in the DOM.
    expect(g.getAttribute('aria-rowcount')).toBe('26');
    const rendered = within(g).getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(5);
    expect(names(g)[0]).toBe(contactName(first.data[0]!));
    for (const header of ['Name', 'Company', 'Emails', 'Phones', 'Lifecycle stage', 'Owner', 'Tags']) {
      expect(within(g).getByRole('columnheader', { name: header })).toBeTruthy();
    }
    const c = first.data.find((x) => x.emails.length && x.phones.length)!;
    const row = rowOf(g, first.data.indexOf(c));
    expect(within(row).getByRole('link', { name: c.emails[0] }).getAttribute('href')).toBe(`mailto:${c.emails[0]}`);
    expect(within(row).getByRole('link', { name: /^\+/ }).getAttribute('href')).toBe(`tel:${c.phones[0]}`);
    expect(within(row).getByRole('checkbox', { name: `Select ${contactName(c)}` })).toBeTruthy();
    // Company and owner names are resolved.
    const withCompany = first.data.find((x) => x.companyId && x.ownerId)!;
    const company = await admin.companies.get(withCompany.companyId!);
    const owner = await admin.users.get(withCompany.ownerId!);
    const companyRow = rowOf(g, first.data.indexOf(withCompany));
    await within(companyRow).findByText(company.name);
    await within(companyRow).findByText(owner.name);
    expect((await axe.run(container)).violations).toEqual([]);

    // A 200-row page still renders only the rows in view.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '200');
    await waitFor(() => expect(g.getAttribute('aria-rowcount')).toBe('201'), { timeout: 15_000 });
    expect(within(g).getAllByRole('row').length).toBeLessThan(45);
    expect(screen.getByText('Page 1')).toBeTruthy();
  });

  it('sorts by a column header, searches and filters by lifecycle stage on the server', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const sortName = within(g).getByRole('button', { name: 'Name' });
    await user.click(sortName);
    expect(within(g).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(sortName);
    expect(within(g).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');
    const desc = await admin.contacts.list({ limit: 25, sort: '-name' });
    await waitFor(() => expect(names(g)[0]).toBe(contactName(desc.data[0]!)));

    // Search: every row matches.
    const someone = desc.data[3]!;
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts…' }), someone.lastName);
    await waitFor(() => expect(names(g)).toContain(contactName(someone)));
    await waitFor(() => expect(names(g).every((n) => n?.includes(someone.lastName))).toBe(true));

    // Lifecycle filter narrows further; no match shows the no-results state with a way back.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), 'lost');
    const lost = await admin.contacts.list({
      limit: 25,
      sort: '-name',
      q: someone.lastName,
      filter: { lifecycleStage: 'lost' },
    });
    if (lost.data.length) await waitFor(() => expect(names(g)).toEqual(lost.data.map(contactName)));
    await user.clear(screen.getByRole('searchbox', { name: 'Search contacts…' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts…' }), 'zzzz-nobody');
    const none = await screen.findByRole('status', { name: 'No results' }, { timeout: 10_000 });
    await user.click(within(none).getByRole('button', { name: 'Clear all' }));
    await loaded();
    expect((screen.getByRole('searchbox', { name: 'Search contacts…' }) as HTMLInputElement).value).toBe('');
  });

  it('hides and shows columns with the column chooser, custom fields included', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const chooser = await screen.findByRole('dialog', { name: 'Choose columns' });
    expect(within(chooser).getByRole('checkbox', { name: 'Preferred channel' })).toBeTruthy();
    expect((within(chooser).getByRole('checkbox', { name: 'Job title' }) as HTMLInputElement).checked).toBe(false);
    // The salutation and the name order are columns to add, not shown by default.
    expect((within(chooser).getByRole('checkbox', { name: 'Salutation' }) as HTMLInputElement).checked).toBe(false);
    expect((within(chooser).getByRole('checkbox', { name: 'Name order' }) as HTMLInputElement).checked).toBe(false);
    await user.click(within(chooser).getByRole('checkbox', { name: 'Phones' }));
    expect(within(g).queryByRole('columnheader', { name: 'Phones' })).toBeNull();
    await user.click(within(chooser).getByRole('checkbox', { name: 'Job title' }));
    expect(within(g).getByRole('columnheader', { name: 'Job title' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('moves focus between cells with the keyboard; Enter opens, Space selects', async () => {
    const user = userEvent.setup();
    const onOpenContact = vi.fn();
    await renderUi(<ContactsTable onOpenContact={onOpenContact} />, { client: admin });
    const g = await loaded();
    const first = await admin.contacts.list({ limit: 3 });
    // One Tab stop: the first header cell's control.
    within(g).getByRole('checkbox', { name: 'Select all rows' }).focus();
    const cellOf = () => document.activeElement?.closest('td, th');
    await user.keyboard('{ArrowRight}');
    expect(cellOf()?.textContent).toBe('Name');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName).toBe('TH');
    expect(nameIn(document.activeElement)).toBe(contactName(first.data[0]!));
    await user.keyboard('{ArrowDown}');
    expect(nameIn(document.activeElement)).toBe(contactName(first.data[1]!));
    expect(document.activeElement?.getAttribute('tabindex')).toBe('0');
    // Only one cell is in the tab order.
    expect(g.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await user.keyboard('{Enter}');
    expect(onOpenContact).toHaveBeenCalledWith(first.data[1]!.id);
    await user.keyboard(' ');
    expect((within(rowOf(g, 1)).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{End}');
    expect(cellOf()?.getAttribute('data-col')).toBe(String(within(g).getAllByRole('columnheader').length - 1));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(within(rowOf(g, 1)).getByRole('checkbox'));
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(within(g).getByRole('checkbox', { name: 'Select all rows' }));
    // Far down the page: the grid scrolls the row into view and focuses it.
    await user.keyboard('{Control>}{End}{/Control}');
    const last = await admin.contacts.list({ limit: 25 });
    await waitFor(() => expect(cellOf()?.closest('tr')?.getAttribute('aria-rowindex')).toBe('26'));
    expect(nameIn(cellOf()?.closest('tr')?.querySelector('th'))).toBe(contactName(last.data[24]!));
    // A click on a row opens it too.
    await user.click(within(rowOf(g, 24)).getByRole('rowheader'));
    expect(onOpenContact).toHaveBeenLastCalledWith(last.data[24]!.id);
  });

  it('assigns an owner to ten selected contacts in bulk, persisted', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const page1 = await admin.contacts.list({ limit: 25 });
    const ids = page1.data.slice(0, 10).map((c) => c.id);
    for (const [i, c] of page1.data.slice(0, 10).entries()) {
      await user.click(within(rowOf(g, i)).getByRole('checkbox', { name: `Select ${contactName(c)}` }));
    }
    const bar = screen.getByRole('toolbar', { name: 'Bulk actions' });
    expect(within(bar).getByText('10 selected')).toBeTruthy();
    await user.click(within(bar).getByRole('button', { name: 'Assign owner' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign owner' });
    expect(within(dialog).getByText('Changes 10 selected records.')).toBeTruthy();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Owner' }), 'Emily Carter');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByText('Updated 10 records')).toBeTruthy(), { timeout: 15_000 });
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
    const after = await Promise.all(ids.map((id) => admin.contacts.get(id)));
    expect(after.map((c) => c.ownerId)).toEqual(ids.map(() => 'usr_demo_emily'));
    // The grid shows the new owner after the refetch.
    await within(rowOf(g, 0)).findByText('Emily Carter');
  });

  it('adds a tag in bulk and reports per-record failures (a stale version)', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const page1 = await admin.contacts.list({ limit: 25 });
    const [a, b] = page1.data;
    for (const i of [0, 1, 2]) await user.click(within(rowOf(g, i)).getByRole('checkbox'));
    // Someone else changes `b` meanwhile: its tag write must not overwrite that.
    await demo.client({ role: 'agent' }).contacts.update(b!.id, { title: 'Changed elsewhere' });
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tag' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByText('This field is required.')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Tag/ }), 'spring-promo');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    const alert = await waitFor(
      () => screen.getAllByRole('alert').find((a) => a.textContent?.includes('Updated')) ?? expect.fail('no report'),
      { timeout: 15_000 },
    );
    expect(alert.textContent).toContain('Updated 2 records');
    expect(alert.textContent).toContain('1 record couldn’t be updated');
    expect(alert.textContent).toContain(contactName(b!));
    // The reason in the user's words (the 412's code), not the server's "The record has changed: its version is now 2."
    expect(alert.textContent).toContain('Someone else changed it meanwhile; try again.');
    expect((await admin.contacts.get(a!.id)).tags).toContain('spring-promo');
    expect((await admin.contacts.get(b!.id)).tags).not.toContain('spring-promo');
    // The failed one stays selected, to retry.
    expect(within(screen.getByRole('toolbar', { name: 'Bulk actions' })).getByText('1 selected')).toBeTruthy();
  });

  it('shows no selection or bulk actions to a viewer', async () => {
    const { container } = await renderUi(<ContactsTable />, { client: demo.client({ role: 'viewer' }) });
    const g = await loaded();
    // Wait for the permissions to load, then check nothing selectable rendered.
    await waitFor(() => expect(g.getAttribute('aria-multiselectable')).toBeNull());
    await new Promise((r) => setTimeout(r, 300));
    expect(within(g).queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Assign owner' })).toBeNull();
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('saves a view, switches between views, and keeps it per workspace across mounts', async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const first = await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    await user.click(within(g).getByRole('button', { name: 'Lifecycle stage' }));
    await user.click(within(g).getByRole('button', { name: 'Lifecycle stage' }));
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Choose columns' })).getByRole('checkbox', { name: 'Tags' }),
    );
    await user.keyboard('{Escape}');
    expect(within(g).queryByRole('columnheader', { name: 'Tags' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Saved views: All contacts' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Save view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save view' });
    await user.type(within(dialog).getByRole('textbox', { name: /View name/ }), 'Lost first');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('button', { name: 'Saved views: Lost first' })).toBeTruthy();
    const key = Object.keys(localStorage).find((k) => k.includes('ws_demo') && k.includes('contacts'));
    expect(key).toBeTruthy();
    expect(JSON.parse(localStorage.getItem(key!)!)[0].name).toBe('Lost first');

    // Back to all contacts: the default state.
    await user.click(screen.getByRole('button', { name: 'Saved views: Lost first' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'All contacts' }));
    expect(within(g).getByRole('columnheader', { name: 'Tags' })).toBeTruthy();
    expect(within(g).getByRole('columnheader', { name: 'Lifecycle stage' }).getAttribute('aria-sort')).toBeNull();

    // A new mount (a reload) lists the saved view; choosing it restores sort and columns.
    first.unmount();
    await renderUi(<ContactsTable />, { client: admin });
    const g2 = await loaded();
    await user.click(screen.getByRole('button', { name: 'Saved views: All contacts' }));
    const item = await screen.findByRole('menuitemcheckbox', { name: 'Lost first' });
    await user.click(item);
    expect(within(g2).queryByRole('columnheader', { name: 'Tags' })).toBeNull();
    expect(within(g2).getByRole('columnheader', { name: 'Lifecycle stage' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const byStage = await admin.contacts.list({ limit: 25, sort: '-lifecycleStage' });
    await waitFor(() => expect(names(g2)[0]).toBe(contactName(byStage.data[0]!)));
  });

  it('takes its saved views from the host when controlled', async () => {
    const user = userEvent.setup();
    const onViewsChange = vi.fn();
    await renderUi(
      <ContactsTable
        views={[{ id: 'v1', name: 'Loyal only', view: { columnFilters: [{ id: 'lifecycleStage', value: 'loyal' }] } }]}
        onViewsChange={onViewsChange}
      />,
      { client: admin },
    );
    const g = await loaded();
    await user.click(screen.getByRole('button', { name: 'Saved views: All contacts' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Loyal only' }));
    expect((screen.getByRole('combobox', { name: 'Lifecycle stage' }) as HTMLSelectElement).value).toBe('loyal');
    await waitFor(() => expect(within(g).getAllByText('Loyal').length).toBeGreaterThan(1));
    await user.click(screen.getByRole('button', { name: 'Saved views: Loyal only' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete view' }));
    expect(onViewsChange).toHaveBeenCalledWith([]);
  });

  it('shows the empty state on a workspace without contacts', async () => {
    const s = await sandbox('empty');
    await renderUi(<ContactsTable />, { client: s.client() });
    expect(await screen.findByRole('status', { name: 'No contacts yet' }, { timeout: 15_000 })).toBeTruthy();
  });

  it('shows an error with a retry when the list cannot load', async () => {
    const broken = demo.client({ auth: { apiKey: 'not-a-key' }, retry: false });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await renderUi(<ContactsTable />, { client: broken, queryClient });
    const alert = await screen.findByRole('alert', { name: 'Something went wrong' }, { timeout: 15_000 });
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('looks right: light, dark, Vietnamese and Thai', async () => {
    const shots: [string, Parameters<typeof renderUi>[1]][] = [
      ['light', {}],
      ['dark', { appearance: { theme: 'dark' } }],
      ['vi', { locale: 'vi-VN' }],
      ['th', { locale: 'th-TH', appearance: { variables: { density: 'compact' } } }],
    ];
    await page.viewport(1024, 720);
    for (const [name, props] of shots) {
      const r = await renderUi(
        <div style={{ padding: 16, background: name === 'dark' ? '#0b0c0f' : '#f3f4f6' }}>
          <ContactsTable maxHeight={520} />
        </div>,
        { client: admin, ...props },
      );
      const g = await screen.findByRole('grid', {}, { timeout: 15_000 });
      await waitFor(() => expect(within(g).getAllByRole('rowheader').length).toBeGreaterThan(0), { timeout: 15_000 });
      // Select two rows, so the bulk bar shows too.
      if (name === 'light' || name === 'dark') {
        const boxes = within(g).getAllByRole('checkbox');
        await userEvent.click(boxes[2]!);
        await userEvent.click(boxes[3]!);
      }
      await new Promise((r) => setTimeout(r, 400));
      await page.screenshot({
        path: `__screenshots__/contacts-table-${name}.png`,
        element: r.container.firstElementChild!,
      });
      r.unmount();
    }
    // Four renders and screenshots: more than the default 30 s on a busy machine (timed out once in a full run).
  }, 90_000);
});
