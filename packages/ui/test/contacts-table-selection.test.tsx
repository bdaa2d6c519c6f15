import type { CrmClient, RecordOf } from '@crmkit/client';
import { contactName } from '@crmkit/react';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ContactsTable } from '../src/widgets/contacts-table/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/contacts-table/contacts-table.css';

type Contact = RecordOf<'contacts'> & { id: string };

let demo: Sandbox;
let admin: CrmClient;
beforeAll(async () => {
  demo = await sandbox('demo');
  admin = demo.client();
}, 120_000);

const grid = () => screen.findByRole('grid', { name: 'Contacts' }, { timeout: 15_000 });
/** The row of the `index`-th record of the page. */
const rowOf = (g: HTMLElement, index: number) => g.querySelector<HTMLElement>(`tr[aria-rowindex="${index + 2}"]`)!;
const boxOf = (g: HTMLElement, index: number) => within(rowOf(g, index)).getByRole('checkbox') as HTMLInputElement;
/** Indexes of the checked rows among those rendered. */
const checkedRows = (g: HTMLElement) =>
  [...g.querySelectorAll<HTMLElement>('tbody tr[aria-rowindex]')]
    .filter((tr) => (within(tr).getByRole('checkbox') as HTMLInputElement).checked)
    .map((tr) => Number(tr.getAttribute('aria-rowindex')) - 2);
const bar = () => screen.getByRole('toolbar', { name: 'Bulk actions' });
async function loaded() {
  const g = await grid();
  await waitFor(() => expect(within(g).getAllByRole('rowheader').length).toBeGreaterThan(0), { timeout: 15_000 });
  // Permissions loaded: the rows have checkboxes.
  await waitFor(() => expect(within(rowOf(g, 0)).getByRole('checkbox')).toBeTruthy());
  return g;
}
async function all(query: Parameters<CrmClient['contacts']['iterate']>[0] = {}) {
  const list: Contact[] = [];
  for await (const c of admin.contacts.iterate({ ...query, limit: 200 })) list.push(c as Contact);
  return list;
}
/** Ids of every contact with `tag`. */
const tagged = async (tag: string) =>
  (await all())
    .filter((c) => c.tags.includes(tag))
    .map((c) => c.id)
    .sort();
async function addTag(tag: string) {
  const user = userEvent.setup();
  await user.click(within(bar()).getByRole('button', { name: 'Add tag' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add tag' });
  await user.type(within(dialog).getByRole('textbox', { name: /Tag/ }), tag);
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
  return dialog;
}
/** Texts the page's live regions took, caught as they change. */
function liveTexts() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    for (const el of document.querySelectorAll('[aria-live], [role="status"], [role="alert"]'))
      if (el.textContent) seen.push(el.textContent);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}
/** The lifecycle stage most contacts have: more than a page (25), and its contacts. */
async function biggestStage() {
  const everyone = await all();
  const by = new Map<string, Contact[]>();
  for (const c of everyone) by.set(c.lifecycleStage, [...(by.get(c.lifecycleStage) ?? []), c]);
  const [stage, members] = [...by].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(members.length).toBeGreaterThan(25);
  return { stage, members, everyone };
}

describe('ContactsTable selection', () => {
  it('Shift+click selects and deselects a range, across rows scrolled out of view and loaded pages', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const page1 = (await admin.contacts.list({ limit: 25 })).data as Contact[];

    await user.click(boxOf(g, 2));
    await user.keyboard('{Shift>}');
    await user.click(boxOf(g, 7));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByText('6 selected')).toBeTruthy();
    expect(checkedRows(g)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rowOf(g, 5).getAttribute('aria-selected')).toBe('true');

    // Gmail: the range takes the clicked row's new state, so Shift+click on a checked row clears the range.
    await user.click(boxOf(g, 4));
    await user.keyboard('{Shift>}');
    await user.click(boxOf(g, 6));
    await user.keyboard('{/Shift}');
    expect(checkedRows(g)).toEqual([2, 3, 7]);
    expect(within(bar()).getByText('3 selected')).toBeTruthy();

    // Bulk action on the range: exactly those three records get the tag.
    await addTag('range-a');
    await waitFor(() => expect(screen.getByText('Updated 3 records')).toBeTruthy(), { timeout: 15_000 });
    expect(await tagged('range-a')).toEqual([page1[2]!.id, page1[3]!.id, page1[7]!.id].sort());

    // A range to a row that was scrolled out of view (not rendered when the range starts) and on to the next page.
    await user.click(boxOf(g, 1));
    const scroller = g.closest<HTMLElement>('.crm-ct-scroll')!;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => expect(rowOf(g, 22)).toBeTruthy());
    await user.keyboard('{Shift>}');
    await user.click(boxOf(g, 22));
    await user.keyboard('{/Shift}');
    expect(within(bar()).getByText('22 selected')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    const page2 = (
      await admin.contacts.list({ limit: 25, cursor: (await admin.contacts.list({ limit: 25 })).nextCursor! })
    ).data as Contact[];
    await waitFor(() => expect(within(rowOf(g, 0)).getByRole('rowheader').textContent).toContain(page2[0]!.lastName));
    await user.keyboard('{Shift>}');
    await user.click(boxOf(g, 2));
    await user.keyboard('{/Shift}');
    // Rows 23 and 24 of page 1, and 0 to 2 of page 2.
    expect(within(bar()).getByText('27 selected')).toBeTruthy();
    expect(checkedRows(g)).toEqual([0, 1, 2]);
    await addTag('range-b');
    await waitFor(() => expect(screen.getByText('Updated 27 records')).toBeTruthy(), { timeout: 15_000 });
    expect(await tagged('range-b')).toEqual([...page1.slice(1, 25), ...page2.slice(0, 3)].map((c) => c.id).sort());
  });

  it('extends the selection with Shift+Space and Shift+Arrow keys', async () => {
    const user = userEvent.setup();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    const page1 = (await admin.contacts.list({ limit: 25 })).data as Contact[];
    // Space on row 1's checkbox selects it (the anchor); arrows move down the checkbox column.
    boxOf(g, 1).focus();
    await user.keyboard(' ');
    expect(checkedRows(g)).toEqual([1]);
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(boxOf(g, 4));
    await user.keyboard('{Shift>} {/Shift}');
    expect(checkedRows(g)).toEqual([1, 2, 3, 4]);
    expect(document.activeElement).toBe(boxOf(g, 4));
    // Shift+Arrow Down: to the next row, selected with the range.
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(document.activeElement).toBe(boxOf(g, 6));
    expect(checkedRows(g)).toEqual([1, 2, 3, 4, 5, 6]);
    // From a name cell too: Shift+Space on row 9 extends from the last row toggled (6).
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(document.activeElement?.closest('tr')).toBe(rowOf(g, 9));
    await user.keyboard('{Shift>} {/Shift}');
    expect(checkedRows(g)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(within(bar()).getByText('9 selected')).toBeTruthy();
    await addTag('keyboard-range');
    await waitFor(() => expect(screen.getByText('Updated 9 records')).toBeTruthy(), { timeout: 15_000 });
    expect(await tagged('keyboard-range')).toEqual(
      page1
        .slice(1, 10)
        .map((c) => c.id)
        .sort(),
    );
  });

  it('selects all contacts matching the filter, beyond the page, and tags exactly those in batches', async () => {
    const user = userEvent.setup();
    const { stage, members, everyone } = await biggestStage();
    const { container } = await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), stage);
    const first = (await admin.contacts.list({ limit: 25, filter: { lifecycleStage: stage } })).data[0]!;
    await waitFor(() => expect(within(rowOf(g, 0)).getByRole('rowheader').textContent).toContain(first.lastName));
    expect(screen.queryByText('All 25 on this page are selected.')).toBeNull();

    await user.click(within(g).getByRole('checkbox', { name: 'Select all rows' }));
    const offer = await screen.findByText('All 25 on this page are selected.');
    expect(offer.getAttribute('role')).toBe('status');
    const selectAll = await within(offer).findByRole('button', {
      name: `Select all ${members.length} matching contacts`,
    });
    expect(within(bar()).getByText('25 selected')).toBeTruthy();
    expect((await axe.run(container)).violations).toEqual([]);
    await page.screenshot({ path: '__screenshots__/contacts-table-select-all-offer.png', element: container });

    await user.click(selectAll);
    expect(within(offer).getByText(`All ${members.length} matching contacts are selected.`)).toBeTruthy();
    // The same button, now "Clear selection", keeps the focus.
    expect(document.activeElement).toBe(within(offer).getByRole('button', { name: 'Clear selection' }));
    expect(within(bar()).getByText(`${members.length} selected`)).toBeTruthy();
    expect((await axe.run(container)).violations).toEqual([]);
    await page.screenshot({ path: '__screenshots__/contacts-table-select-all-matching.png', element: container });

    const live = liveTexts();
    await user.click(within(bar()).getByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tag' });
    expect(within(dialog).getByText(`Changes ${members.length} selected records.`)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: /Tag/ }), 'all-matching');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByText(`Updated ${members.length} records`)).toBeTruthy(), {
      timeout: 20_000,
    });
    live.stop();
    if (members.length > 100)
      expect(live.seen.some((s) => s.includes(`Updated 100 of ${members.length} records…`))).toBe(true);
    const ids = await tagged('all-matching');
    expect(ids).toEqual(members.map((c) => c.id).sort());
    expect(everyone.filter((c) => c.lifecycleStage !== stage).some((c) => ids.includes(c.id))).toBe(false);
    // Done: the selection is cleared.
    expect(screen.queryByRole('toolbar', { name: 'Bulk actions' })).toBeNull();
  });

  it('leaves out rows deselected after selecting all matching, on any page', async () => {
    const user = userEvent.setup();
    const { stage, members } = await biggestStage();
    await renderUi(<ContactsTable />, { client: admin });
    const g = await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lifecycle stage' }), stage);
    const page1 = (await admin.contacts.list({ limit: 25, filter: { lifecycleStage: stage } })) as {
      data: Contact[];
      nextCursor: string | null;
    };
    await waitFor(() =>
      expect(within(rowOf(g, 0)).getByRole('rowheader').textContent).toContain(page1.data[0]!.lastName),
    );
    await user.click(within(g).getByRole('checkbox', { name: 'Select all rows' }));
    await user.click(await screen.findByRole('button', { name: `Select all ${members.length} matching contacts` }));

    // Page 2 shows selected too; deselect one there and one on page 1.
    const page2 = (
      await admin.contacts.list({ limit: 25, filter: { lifecycleStage: stage }, cursor: page1.nextCursor! })
    ).data as Contact[];
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(within(rowOf(g, 0)).getByRole('rowheader').textContent).toContain(page2[0]!.lastName));
    expect(boxOf(g, 0).checked).toBe(true);
    await user.click(within(g).getByRole('checkbox', { name: `Select ${contactName(page2[0]!)}` }));
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() =>
      expect(within(rowOf(g, 0)).getByRole('rowheader').textContent).toContain(page1.data[0]!.lastName),
    );
    await user.click(within(g).getByRole('checkbox', { name: `Select ${contactName(page1.data[3]!)}` }));
    const n = members.length - 2;
    expect(screen.getByText(`${n} of ${members.length} matching contacts are selected.`)).toBeTruthy();
    expect(within(bar()).getByText(`${n} selected`)).toBeTruthy();
    expect((within(g).getByRole('checkbox', { name: 'Select all rows' }) as HTMLInputElement).indeterminate).toBe(true);

    await addTag('all-but-two');
    await waitFor(() => expect(screen.getByText(`Updated ${n} records`)).toBeTruthy(), { timeout: 20_000 });
    const expected = members
      .map((c) => c.id)
      .filter((id) => id !== page2[0]!.id && id !== page1.data[3]!.id)
      .sort();
    expect(await tagged('all-but-two')).toEqual(expected);
  });

  it('stops sending batches when the running action is cancelled', async () => {
    const user = userEvent.setup();
    const everyone = await all();
    expect(everyone.length).toBeGreaterThan(200);
    // The first batch request waits until Cancel is clicked, so Cancel lands while it is in flight.
    let started!: () => void;
    let release!: () => void;
    const inFlight = new Promise<void>((r) => (started = r));
    const cancelled = new Promise<void>((r) => (release = r));
    let batches = 0;
    const client = demo.client({
      fetch: async (input, init) => {
        const url = typeof input === 'string' ? input : (input as Request).url;
        if (url.endsWith('/v1/contacts/batch') && ++batches === 1) {
          started();
          await cancelled;
        }
        return demo.fetch(input, init);
      },
    });
    await renderUi(<ContactsTable />, { client });
    const g = await loaded();
    await user.click(within(g).getByRole('checkbox', { name: 'Select all rows' }));
    await user.click(await screen.findByRole('button', { name: `Select all ${everyone.length} matching contacts` }));
    const dialog = await addTag('cancelled-run');
    await inFlight;
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    release();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 20_000 });
    // The batch in flight went through; no other was sent.
    expect(batches).toBe(1);
    const ids = await tagged('cancelled-run');
    expect(ids).toHaveLength(100);
    const report = screen.getAllByRole('alert').find((el) => el.textContent?.includes('Cancelled'));
    expect(report?.textContent).toContain('Updated 100 records · Cancelled');
    // What was not sent stays selected, to retry.
    expect(within(bar()).getByText(`${everyone.length - 100} selected`)).toBeTruthy();
  });
});
