import { type CrmClient, createCrmClient } from '@crmkit/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useFirstId, useStoryClient, useStoryCrm } from '../../../../../.storybook/crmkit.js';
import { CrmProvider } from '../../provider.js';
import { ActivityTimeline, type ActivityTimelineProps } from './index.js';

type Props = Omit<ActivityTimelineProps, 'contactId' | 'companyId' | 'dealId' | 'ticketId'> & {
  /** Whose timeline: the most recently contacted contact (default), or the first deal. */
  of?: 'contact' | 'deal';
};

/** The timeline of a seeded record (ids of seeded data differ between runs). */
function SeededTimeline({ of = 'contact', ...props }: Props) {
  const contactId = useFirstId('contacts', { sort: '-lastContactedAt' });
  const dealId = useFirstId('deals', { filter: { status: 'open' } });
  if (of === 'deal') return dealId ? <ActivityTimeline dealId={dealId} {...props} /> : null;
  return contactId ? <ActivityTimeline contactId={contactId} {...props} /> : null;
}

const meta = {
  title: 'Widgets/ActivityTimeline',
  component: SeededTimeline,
  parameters: { crmkit: { seed: 'demo' } },
  decorators: [(Story) => <div style={{ maxWidth: 680 }}>{Story()}</div>],
} satisfies Meta<typeof SeededTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

const feed = (canvasElement: HTMLElement) => within(canvasElement).findByRole('feed', {}, { timeout: 20_000 });

/**
 * A contact's touches, grouped by day, with the composer. The play function adds a note, finds it in the feed, then
 * filters the feed to notes.
 */
export const Default: Story = {
  globals: { locale: 'en-US', role: 'admin' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      async () => expect(within(await feed(canvasElement)).getAllByRole('article').length).toBeGreaterThan(0),
      {
        timeout: 20_000,
      },
    );
    await userEvent.click(canvas.getByRole('tab', { name: 'Note' }));
    const text = `Asked for the annual plan pricing (${new Date().toISOString().slice(11, 19)})`;
    await userEvent.type(canvas.getByRole('textbox', { name: /Note/ }), text);
    await userEvent.click(canvas.getByRole('button', { name: 'Add a note' }));
    // Newest first, by when it happened (the seed has touches planned later today, which come before it).
    await within(await feed(canvasElement)).findByText(text, {}, { timeout: 10_000 });
    await userEvent.click(
      within(canvas.getByRole('group', { name: 'Filter by type' })).getByRole('button', { name: 'Note' }),
    );
    await waitFor(async () => {
      const articles = within(await feed(canvasElement)).getAllByRole('article');
      await expect(articles.every((a) => a.querySelector('[data-type="note"]'))).toBe(true);
      await expect(articles.some((a) => a.textContent?.includes(text))).toBe(true);
    });
  },
};

/** A deal's timeline: stage changes are system events. */
export const Deal: Story = { args: { of: 'deal' } };

/** Viewers read the timeline; no composer, no task checkboxes. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    await feed(canvasElement);
    await expect(within(canvasElement).queryByRole('tablist')).toBeNull();
    await expect(within(canvasElement).queryByRole('checkbox')).toBeNull();
  },
};

/** Vietnamese. */
export const Vietnamese: Story = { globals: { locale: 'vi-VN' } };

/** Thai in the dark theme. */
export const ThaiDark: Story = { globals: { locale: 'th-TH', theme: 'dark' } };

/** Only calls and emails at first. */
export const Filtered: Story = { args: { defaultTypes: ['call', 'email'] } };

const created = new WeakMap<CrmClient, Promise<string>>();
/** A new contact without activities (one per client, so re-renders reuse it). */
function NewContactTimeline(props: Props) {
  const client = useStoryClient();
  const [id, setId] = useState<string>();
  useEffect(() => {
    let promise = created.get(client);
    if (!promise) {
      promise = client.contacts.create({ firstName: 'Mai', lastName: 'Trần' }).then((c) => c.id);
      created.set(client, promise);
    }
    let live = true;
    promise.then((value) => live && setId(value));
    return () => {
      live = false;
    };
  }, [client]);
  return id ? <ActivityTimeline contactId={id} {...props} /> : null;
}

/** A contact with no activity yet: the empty state under the composer. */
export const Empty: Story = {
  parameters: { crmkit: { seed: 'empty' } },
  render: (args) => <NewContactTimeline {...args} />,
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

/** While the first page loads. */
export const Loading: Story = {
  render: () => (
    <WithClient fetch={() => new Promise<Response>(() => {})}>
      <ActivityTimeline contactId="con_story" />
    </WithClient>
  ),
};

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => (
    <WithClient
      fetch={async () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }), {
          status: 500,
          headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_story_500' },
        })
      }
    >
      <ActivityTimeline contactId="con_story" />
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
