import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LIST_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { STORY_TIMEOUT, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { ContactsTable } from './index.js';

const meta = {
  title: 'Widgets/ContactsTable',
  component: ContactsTable,
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    docs: widgetDocs({
      name: 'ContactsTable',
      component: ContactsTable,
      parts: ['contactsTable', ...LIST_PARTS],
      keyboard: [
        ['Tab', 'Into the grid (one stop: the last cell you were on), then to the pager'],
        ['Arrow keys', 'From cell to cell'],
        ['Home, End', 'To the first or last cell of the row; with Ctrl (⌘), of the grid'],
        ['Page Up, Page Down', 'A screenful of rows up or down'],
        ['Enter', 'Opens the row’s contact (onOpenContact); on a link or button in a cell, that one'],
        ['Space', 'Selects or deselects the row (editors only)'],
        ['Shift+Space', 'Sets every row from the last one toggled to this one to this one’s new state'],
        ['Shift+Arrow Up, Shift+Arrow Down', 'Moves to the row above or below and selects the rows in between'],
        ['Escape', 'Closes the open menu, popover or dialog; focus returns to what opened it'],
      ],
    }),
  },
  args: { onOpenContact: fn() },
} satisfies Meta<typeof ContactsTable>;
export default meta;
type Story = StoryObj<typeof meta>;

const grid = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .findByRole('grid', {}, { timeout: 20_000 })
    .then(async (g) => {
      await waitFor(() => expect(within(g).getAllByRole('rowheader').length).toBeGreaterThan(0), { timeout: 20_000 });
      return g;
    });

const stories = widgetStories({
  data: 'GET /v1/contacts',
  ready: async ({ canvas, canvasElement, t }) => {
    await canvas.findByRole('combobox', { name: t('field.lifecycleStage') }, { timeout: STORY_TIMEOUT });
    return grid(canvasElement);
  },
  // Last touches: relative in the cell, the full date in the locale's format and calendar (th-TH: Buddhist era).
  localized: async ({ canvas, date }) => {
    const times = await canvas.findAllByTitle(date('medium'), {}, { timeout: STORY_TIMEOUT });
    await expect(times[0]).toBeVisible();
  },
  loading: async ({ canvas }) => {
    const g = await canvas.findByRole('grid', {}, { timeout: STORY_TIMEOUT });
    await expect(g).toHaveAttribute('aria-busy', 'true');
    return g;
  },
  empty: ({ like }) => like('state.empty.titleOf', 'entities'),
});

/** Lower case without diacritics, as the server's search matches ("Nguyễn" → "nguyen"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

/**
 * The demo workspace's 300 contacts: search, sort, filter by stage, choose columns, save views, select rows for bulk
 * actions. The play function searches, sorts, moves through cells with the keyboard, selects two rows and opens the
 * owner picker.
 */
export const Default: Story = {
  globals: { locale: 'en-US', role: 'admin' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const g = await grid(canvasElement);
    await userEvent.click(within(g).getByRole('button', { name: 'Lifecycle stage' }));
    await waitFor(() =>
      expect(within(g).getByRole('columnheader', { name: 'Lifecycle stage' })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search contacts…' }), 'Nguyễn');
    // Every row matches: by name or by e-mail (e.g. an address at a "nguyen…" domain), without diacritics.
    await waitFor(
      () => {
        const rows = within(g).getAllByRole('row').slice(1);
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(fold(row.textContent ?? '')).toContain('nguyen');
      },
      { timeout: 10_000 },
    );
    // Keyboard: into the grid, down one row, Enter opens the contact.
    within(g).getByRole('checkbox', { name: 'Select all rows' }).focus();
    await userEvent.keyboard('{ArrowRight}{ArrowDown}{Enter}');
    await expect(args.onOpenContact).toHaveBeenCalled();
    const rows = within(g).getAllByRole('row').slice(1, 3);
    for (const row of rows) await userEvent.click(within(row).getByRole('checkbox'));
    const bar = canvas.getByRole('toolbar', { name: 'Bulk actions' });
    await expect(within(bar).getByText('2 selected')).toBeVisible();
    await userEvent.click(within(bar).getByRole('button', { name: 'Assign owner' }));
    const dialog = await within(document.body).findByRole('dialog', { name: 'Assign owner' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  },
};

/** A viewer reads the table but cannot select rows or change them. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    const g = await grid(canvasElement);
    await waitFor(() => expect(g).not.toHaveAttribute('aria-multiselectable'));
    await expect(within(g).queryAllByRole('checkbox')).toHaveLength(0);
  },
};

/** Vietnamese labels, dates and numbers; the workspace's own column labels. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: Buddhist-era dates. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** Started from a saved state: loyal contacts, sorted by the last touch, 50 a page. */
export const InitialView: Story = {
  args: {
    defaultView: {
      columnFilters: [{ id: 'lifecycleStage', value: 'loyal' }],
      sorting: [{ id: 'lastContactedAt', desc: true }],
      columnVisibility: {
        firstName: false,
        lastName: false,
        title: false,
        birthday: false,
        source: false,
        phones: false,
      },
      pageSize: 50,
    },
  },
};

/** A search that matches nothing. */
export const NoResults: Story = {
  args: { defaultView: { search: 'zzzz-nobody' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('status', { name: /No results|Không có kết quả|ไม่พบ/ }, { timeout: 20_000 });
  },
};

/** A workspace without contacts. */
export const Empty: Story = stories.state('empty');

/** While the first page loads: skeleton rows. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry (the play function retries once the server is back). */
export const ErrorState: Story = stories.state('error');

/** The caller may not list contacts. */
export const Forbidden: Story = stories.state('forbidden');
