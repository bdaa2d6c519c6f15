import { type CrmClient, createCrmClient } from '@crmkit/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { useStoryCrm } from '../../../../../.storybook/crmkit.js';
import { CrmProvider } from '../../provider.js';
import { ContactsTable } from './index.js';

const meta = {
  title: 'Widgets/ContactsTable',
  component: ContactsTable,
  parameters: { crmkit: { seed: 'demo' }, layout: 'padded' },
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
    await waitFor(() => expect(within(g).getAllByRole('rowheader')[0]).toHaveTextContent('Nguyễn'), {
      timeout: 10_000,
    });
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
export const Vietnamese: Story = { globals: { locale: 'vi-VN' } };

/** Thai in the dark theme. */
export const ThaiDark: Story = { globals: { locale: 'th-TH', theme: 'dark' } };

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
export const Empty: Story = {
  parameters: { crmkit: { seed: 'empty' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('status', {}, { timeout: 20_000 });
  },
};

/** A provider around the story with a client of `fetch` (for states the real server does not produce at will). */
function WithClient({ fetch, children }: { fetch: typeof globalThis.fetch; children: ReactNode }) {
  const crm = useStoryCrm();
  const [client] = useState<CrmClient>(() =>
    createCrmClient({ baseUrl: 'https://crm.example', auth: { apiKey: 'story' }, fetch, retry: false }),
  );
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <CrmProvider
      client={client}
      queryClient={queryClient}
      locale={crm.locale}
      appearance={{ theme: crm.theme }}
      live={false}
    >
      {children}
    </CrmProvider>
  );
}

/** While the first page loads: skeleton rows. */
export const Loading: Story = {
  render: (args) => (
    <WithClient fetch={() => new Promise<Response>(() => {})}>
      <ContactsTable {...args} />
    </WithClient>
  ),
};

const failing: typeof globalThis.fetch = async () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }), {
    status: 500,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_story_500' },
  });

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => (
    <WithClient fetch={failing}>
      <ContactsTable {...args} />
    </WithClient>
  ),
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole(
      'alert',
      { name: /Something went wrong|Đã xảy ra lỗi|เกิดข้อผิดพลาด/ },
      { timeout: 20_000 },
    );
    await expect(within(alert).getByRole('button')).toBeVisible();
  },
};
