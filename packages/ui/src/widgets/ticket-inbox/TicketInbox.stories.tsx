import type { TicketView } from '@crmkit/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CARD_PARTS, LIST_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { TicketInbox, type TicketInboxProps } from './index.js';

/** The inbox in a host that keeps the view and the open ticket in its state, as a routed page would. */
function Host(props: TicketInboxProps) {
  const [view, setView] = useState(props.view);
  const [ticketId, setTicketId] = useState(props.ticketId);
  return (
    <TicketInbox
      {...props}
      view={view}
      onViewChange={(next) => {
        props.onViewChange?.(next);
        setView(next);
      }}
      ticketId={ticketId}
      onOpenTicket={(id) => {
        props.onOpenTicket?.(id);
        if (ticketId !== undefined) setTicketId(id);
      }}
    />
  );
}

const meta = {
  title: 'Widgets/TicketInbox',
  component: TicketInbox,
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    docs: widgetDocs({
      name: 'TicketInbox',
      component: TicketInbox,
      // The requester panel is the compact ContactCard.
      parts: [...new Set(['ticketInbox', 'contactCard', ...LIST_PARTS, ...CARD_PARTS] as const)],
      keyboard: [
        ['j, k (Arrow Down, Arrow Up in the queue)', 'Next or previous ticket of the queue'],
        ['o, Enter', 'Opens the focused ticket'],
        ['r, n', 'Writes a reply or an internal note to the open ticket'],
        ['Ctrl+Enter (in the composer)', 'Sends'],
        ['a', 'Assigns the ticket to me'],
        ['Shift+C', 'Solves the ticket'],
        ['z', 'Snoozes the ticket'],
        ['x', 'Selects the ticket for bulk actions (managers and admins)'],
        ['/', 'Focuses the search'],
        ['?', 'Lists these keys (the `keymap` prop changes them)'],
        ['Escape', 'Closes the open dialog; focus returns to what opened it'],
      ],
    }),
  },
  // Every open ticket (an admin's own queue may be empty), at a fixed height: the inbox fills its host's box, and its
  // queue and thread scroll inside it.
  args: {
    view: 'open',
    onOpenTicket: fn(),
    onViewChange: fn(),
    onOpenContact: fn(),
    onOpenDeal: fn(),
    style: { height: 720 },
  },
  // As a host keeps them: the view and the open ticket follow the agent's choices (a changed control starts over).
  render: (args) => <Host key={`${args.view}:${args.ticketId}`} {...args} />,
} satisfies Meta<typeof TicketInbox>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The queue's rows once it shows some (each row's button carries `data-ticket-id`), in the story's locale. */
async function rows({ canvas, t }: Pick<StoryCheck, 'canvas' | 't'>): Promise<HTMLElement[]> {
  const list: HTMLElement = await canvas.findByRole('list', { name: t('inbox.queue') }, { timeout: STORY_TIMEOUT });
  await waitFor(() => expect(list.querySelector('[data-ticket-id]')).not.toBeNull(), { timeout: STORY_TIMEOUT });
  return [...list.querySelectorAll<HTMLElement>('[data-ticket-id]')];
}

/** The count the views' navigation shows for `view` (a number in the story's locale), once it has one. */
async function viewCount(context: { canvasElement: HTMLElement; globals: Record<string, unknown> }, view: TicketView) {
  const { canvas, t } = storyCheck(context);
  const nav = await canvas.findByRole('navigation', { name: t('inbox.views') }, { timeout: STORY_TIMEOUT });
  const button = within(nav).getByRole('button', { name: new RegExp(`^${t(`inbox.view.${view}`)}`) });
  const count = () => button.querySelector('.crm-inbox-view-count')?.textContent ?? '';
  await waitFor(() => expect(count()).not.toBe(''), { timeout: STORY_TIMEOUT });
  return { button, count: Number(count().replace(/\D/g, '')) };
}

const stories = widgetStories({
  data: 'GET /v1/tickets',
  ready: async (check) => (await rows(check))[0]!,
  // The views' names and counts, and the SLA clocks in the locale's words and units.
  localized: async ({ canvas, like, t }) => {
    await canvas.findByRole('button', { name: new RegExp(`^${t('inbox.view.mine')}`) });
    const clocks = ['inbox.sla.dueIn', 'inbox.sla.overdue', 'inbox.sla.paused'] as const;
    const sla = new RegExp(clocks.map((key) => like(key, 'target', 'time').source).join('|'));
    await expect((await canvas.findAllByText(sla, {}, { timeout: STORY_TIMEOUT }))[0]).toBeVisible();
  },
  loading: ({ canvas, like }) =>
    canvas.findByRole('status', { name: like('state.loadingOf', 'entities') }, { timeout: STORY_TIMEOUT }),
  empty: ({ like }) => like('state.empty.titleOf', 'entities'),
});

/**
 * An agent's workspace (Phạm Văn Minh, of the Support team): the views with live counts, their queue by SLA due, and
 * the ticket they open. The play function works with the keyboard only: `j` to the next ticket, `o` to open it, `r`
 * to reply, `?` for the list of keys.
 */
export const Default: Story = {
  globals: { locale: 'en-US', role: 'agent' },
  // Three panes wherever it runs (the layout follows the widget's width; the test runner's window is narrow).
  args: { view: 'mine', style: { height: 720, minWidth: 1000 } },
  play: async (context) => {
    const { canvasElement, args } = context;
    const canvas = within(canvasElement);
    const [first, second] = await rows(storyCheck(context));
    // A row's facts (SLA clock, priority, status, channel, assignee, tags) sit side by side, never on top of each other.
    // (A fact squeezed below its text's width spills it over the next one; a long tag is cut with an ellipsis.)
    for (const fact of first!.querySelectorAll<HTMLElement>('.crm-inbox-meta > :not(.crm-inbox-tag)')) {
      await expect(fact.scrollWidth).toBeLessThanOrEqual(fact.clientWidth + 1);
    }
    // Nothing is open yet: the pane says what to do.
    await canvas.findByRole('status', { name: 'Select a ticket to see its conversation.' });
    first!.focus();
    await userEvent.keyboard('j');
    await waitFor(() => expect(second).toHaveFocus());
    await userEvent.keyboard('o');
    await waitFor(() => expect(args.onOpenTicket).toHaveBeenCalledWith(second!.dataset.ticketId));
    const thread = await canvas.findByRole('log', { name: 'Conversation' }, { timeout: STORY_TIMEOUT });
    await waitFor(() => expect(within(thread).getAllByRole('article').length).toBeGreaterThan(0), {
      timeout: STORY_TIMEOUT,
    });
    await canvas.findByRole('region', { name: 'Requester' });
    second!.focus();
    await userEvent.keyboard('r');
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Reply' })).toHaveFocus());
    second!.focus();
    await userEvent.keyboard('?');
    // The help dialog is a lazy chunk: under load it takes longer than findBy's default second.
    const help = await within(document.body).findByRole(
      'dialog',
      { name: 'Keyboard shortcuts' },
      { timeout: STORY_TIMEOUT },
    );
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(help).not.toBeInTheDocument());
  },
};

/** What each row of a view must show: the view's rule, seen from the queue. */
const VIEW_RULES: Partial<Record<TicketView, (row: HTMLElement) => void>> = {
  mine: (row) => expect(row.querySelector('.crm-inbox-assignee')).toHaveTextContent('Phạm Văn Minh'),
  unassigned: (row) => expect(row.querySelector('.crm-inbox-assignee')).toHaveTextContent('Unassigned'),
  atRisk: (row) => expect(row.querySelector('[data-sla]')).toHaveAttribute('data-sla', 'at_risk'),
  breached: (row) =>
    expect(['breached', 'missed']).toContain(row.querySelector('[data-sla]')?.getAttribute('data-sla')),
  snoozed: (row) => expect(row.querySelector('.crm-inbox-snoozed')).not.toBeNull(),
  solved: (row) => {
    const badges = [...row.querySelectorAll('.crm-inbox-meta .crm-badge')].map((badge) => badge.textContent);
    expect(badges.some((text) => text === 'Solved' || text === 'Closed')).toBe(true);
  },
};

/**
 * A view of the agent's, picked with the `view` prop: the navigation marks it, and its queue holds what its count says
 * (its empty state when the count is 0), each row following the view's rule.
 */
function viewStory(view: TicketView): Story {
  return {
    globals: { locale: 'en-US', role: 'agent' },
    args: { view },
    play: async (context) => {
      const { button, count } = await viewCount(context, view);
      await expect(button).toHaveAttribute('aria-current', 'page');
      const canvas = within(context.canvasElement);
      if (count === 0) {
        await canvas.findByRole('status', { name: 'No tickets yet' }, { timeout: STORY_TIMEOUT });
        return;
      }
      const shown = await rows(storyCheck(context));
      await expect(shown.length).toBeLessThanOrEqual(count);
      // Names come with the workspace's users: wait for them.
      await waitFor(
        () => {
          for (const row of shown) VIEW_RULES[view]?.(row);
        },
        { timeout: STORY_TIMEOUT },
      );
    },
  };
}

/** The agent's own tickets (the default view). */
export const Mine: Story = viewStory('mine');
/** The tickets of the agent's teams. */
export const MyTeam: Story = viewStory('team');
export const Unassigned: Story = viewStory('unassigned');
/** Every unresolved ticket that is not snoozed. */
export const AllOpen: Story = viewStory('open');
/** Tickets within the workspace's warning window of an SLA target. */
export const AtRisk: Story = viewStory('atRisk');
/** Tickets past an SLA target: every row's clock is red. */
export const Breached: Story = viewStory('breached');
export const Snoozed: Story = viewStory('snoozed');
/** Solved and closed tickets, the most recent activity first. */
export const Solved: Story = viewStory('solved');

/** The data set of the large stories, built once with the static site: never generated on the visitor's machine. */
const BIG = { crmkit: { seed: 'demo-100k-tickets' } } as const;

/**
 * 100,000 tickets (added by SQL to the demo workspace, in the data set `demo-100k-tickets`): the counts are the
 * server's, pages come by cursor as the queue scrolls, and only the rows in view are in the DOM. The play function
 * scrolls through three pages and checks that the DOM stays the same size.
 */
export const HundredThousandTickets: Story = {
  parameters: BIG,
  globals: { locale: 'en-US', role: 'agent' },
  args: { view: 'open' },
  play: async (context) => {
    const { canvasElement } = context;
    const { count } = await viewCount(context, 'open');
    await expect(count).toBeGreaterThan(100_000);
    const list = (await rows(storyCheck(context)))[0]!.closest('ul')!;
    const scroller = list.parentElement!;
    const elements = () => canvasElement.querySelectorAll('*').length;
    const before = elements();
    for (let page = 1; page <= 3; page++) {
      const height = scroller.scrollHeight;
      scroller.scrollTop = height;
      await waitFor(() => expect(scroller.scrollHeight).toBeGreaterThan(height), { timeout: STORY_TIMEOUT });
    }
    await waitFor(() => expect(list).not.toHaveAttribute('aria-busy'), { timeout: STORY_TIMEOUT });
    // Windowed rows: the DOM holds the rows in view, not the pages loaded.
    await expect(Math.abs(elements() - before)).toBeLessThan(before * 0.2);
  },
};

/**
 * A ticket whose thread holds 2,000 messages — customer messages, replies and internal notes — opened with the
 * `ticketId` prop: the newest show first, older ones load as the thread scrolls up, and only those in view are in the
 * DOM.
 */
export const LongThread: Story = {
  parameters: BIG,
  globals: { locale: 'en-US', role: 'agent' },
  args: { view: 'open', ticketId: 'big_tkt000000' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const thread = await canvas.findByRole('log', { name: 'Conversation' }, { timeout: STORY_TIMEOUT });
    await within(thread).findByText(/^Tin nhắn 2000:/, {}, { timeout: STORY_TIMEOUT });
    await expect(thread.querySelector('[data-kind="note"]')).not.toBeNull();
    const shown = () => thread.querySelectorAll('article').length;
    await expect(shown()).toBeLessThan(60);
    // Scrolling to the top loads the page before; the DOM still holds only what is in view.
    const oldest = () => Math.min(...[...thread.querySelectorAll('article')].map((a) => Number(a.dataset.index)));
    const firstIndex = oldest();
    // Scrolled again until the page before shows: a scroll made while the thread still settles at its newest message
    // (its rows measured as they render) is taken back to the bottom, as a user's first flick would be.
    await waitFor(
      () => {
        thread.scrollTop = 0;
        expect(oldest()).not.toBe(firstIndex);
      },
      { timeout: STORY_TIMEOUT },
    );
    await expect(shown()).toBeLessThan(60);
  },
};

/**
 * A viewer reads every queue and ticket but works none: no composer, no ticket actions, properties read-only, no
 * selection for bulk changes.
 */
export const Viewer: Story = {
  globals: { locale: 'en-US', role: 'viewer' },
  args: { view: 'open' },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const [first] = await rows(storyCheck(context));
    await expect(canvas.queryAllByRole('checkbox')).toHaveLength(0);
    await userEvent.click(first!);
    await canvas.findByRole('log', { name: 'Conversation' }, { timeout: STORY_TIMEOUT });
    const properties = await canvas.findByRole('region', { name: 'Properties' });
    await expect(within(properties).getByRole('combobox', { name: 'Status' })).toBeDisabled();
    await expect(canvas.queryByRole('textbox', { name: 'Reply' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Solve' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Assign to me' })).toBeNull();
  },
};

/**
 * On a narrow host (420 px wide) the three panes become one: the queue, then the open ticket with a way back. The
 * layout follows the widget's own width (a container query), not the window's.
 */
export const Narrow: Story = {
  globals: { locale: 'en-US', role: 'agent' },
  args: { view: 'open', style: { width: 420, height: 700 } },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const [first] = await rows(storyCheck(context));
    // The views become a row that scrolls sideways: each keeps its name and count whole, none squeezed onto another.
    const nav = canvas.getByRole('navigation', { name: 'Views' });
    for (const view of within(nav).getAllByRole('button')) {
      await expect(view.scrollWidth).toBeLessThanOrEqual(view.clientWidth + 1);
    }
    const queue = first!.closest('section')!;
    await userEvent.click(first!);
    await canvas.findByRole('log', { name: 'Conversation' }, { timeout: STORY_TIMEOUT });
    await expect(getComputedStyle(queue).display).toBe('none');
    await userEvent.click(canvas.getByRole('button', { name: 'Back to the queue' }));
    await waitFor(() => expect(getComputedStyle(queue).display).not.toBe('none'));
  },
};

/** Vietnamese: views, clocks and counts. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** While the queue loads. */
export const Loading: Story = stories.state('loading');

/** A view without tickets. */
export const Empty: Story = stories.state('empty');

/** The server fails: the error, its reference and a retry (the play function retries once the server is back). */
export const ErrorState: Story = stories.state('error');

/** The caller may not read tickets. */
export const Forbidden: Story = stories.state('forbidden');
