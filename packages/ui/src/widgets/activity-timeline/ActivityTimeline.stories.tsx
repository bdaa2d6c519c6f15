import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useFirstId } from '../../../../../.storybook/crmkit.js';
import { FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { STORY_TIMEOUT, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
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
  tags: ['autodocs'],
  parameters: {
    docs: widgetDocs({
      name: 'ActivityTimeline',
      component: ActivityTimeline,
      parts: ['root', 'activityTimeline', 'button', 'icon', 'badge', ...STATE_PARTS, ...FIELD_PARTS],
      keyboard: [
        ['Page Down, Page Up', 'From one activity of the feed to the next or the previous'],
        ['Arrow Left, Arrow Right, Home, End', 'In the composer’s tabs: call, note, task or reminder'],
        ['Tab', 'From the tabs into the composer’s fields, then to “Log”'],
        ['Enter', 'On “Log” or in a one-line field: logs the activity (checks first)'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 680 }}>{Story()}</div>],
} satisfies Meta<typeof SeededTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

const feed = (canvasElement: HTMLElement) => within(canvasElement).findByRole('feed', {}, { timeout: 20_000 });

const stories = widgetStories({
  data: 'GET /v1/activities',
  ready: async ({ canvas, canvasElement, t }) => {
    await canvas.findByRole('heading', { name: t('timeline.title') }, { timeout: STORY_TIMEOUT });
    const f = await feed(canvasElement);
    await waitFor(() => expect(within(f).getAllByRole('article').length).toBeGreaterThan(0), {
      timeout: STORY_TIMEOUT,
    });
    return f;
  },
  // Days are headed "Today" and by their long date, in the locale's calendar (th-TH: Buddhist era).
  localized: async ({ canvas, t, date }) => {
    await expect(canvas.getByRole('heading', { name: t('timeline.today') })).toBeVisible();
    await expect(canvas.getAllByRole('heading', { name: date('long') })[0]).toBeVisible();
  },
  loading: async ({ canvasElement }) => {
    const f = await feed(canvasElement);
    await expect(f).toHaveAttribute('aria-busy', 'true');
    return f;
  },
  empty: ({ t }) => t('timeline.empty'),
});

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
    await userEvent.click(await canvas.findByRole('tab', { name: 'Note' }, { timeout: 10_000 }));
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

/** Vietnamese: "Hôm nay", Vietnamese day headings and activity types. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: day headings in the Buddhist era. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** Only calls and emails at first. */
export const Filtered: Story = { args: { defaultTypes: ['call', 'email'] } };

/** A record with no activity yet: the empty state under the composer. */
export const Empty: Story = stories.state('empty');

/** While the first page loads: skeleton items in a busy feed. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry (the play function retries once the server is back). */
export const ErrorState: Story = stories.state('error');

/** The caller may not read activities. */
export const Forbidden: Story = stories.state('forbidden');

/** No record to show the activity of (no id given). */
export const NotFound: Story = {
  render: () => <ActivityTimeline />,
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await canvas.findByRole('alert', { name: t('state.notFound.title') }, { timeout: STORY_TIMEOUT });
  },
};
