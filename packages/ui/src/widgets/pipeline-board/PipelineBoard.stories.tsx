import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LIST_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { STORY_TIMEOUT, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { PipelineBoard } from './index.js';

const meta = {
  title: 'Widgets/PipelineBoard',
  component: PipelineBoard,
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    docs: widgetDocs({
      name: 'PipelineBoard',
      component: PipelineBoard,
      parts: ['pipelineBoard', 'pipelineColumn', 'pipelineCard', ...LIST_PARTS],
      keyboard: [
        ['Tab', 'Into the board: each column is one stop, then its header’s controls'],
        ['Arrow Up, Arrow Down', 'From card to card in a column'],
        ['Arrow Left, Arrow Right', 'To the card at the same place in the previous or next column'],
        ['Home, End', 'To the first or last card of the column'],
        ['Enter', 'Opens the deal (onOpenDeal)'],
        ['Space', 'Picks the card up (users who may move deals); every step is announced'],
        ['Arrow keys, Home, End (card picked up)', 'Carry it within the column and across columns'],
        ['Space, Enter (card picked up)', 'Drops it there (a lost stage asks for the reason first)'],
        ['Escape', 'Cancels the move; or closes the open menu or dialog, focus returning to what opened it'],
        ['Shift+F10, Context menu', 'The card’s “Move…” menu: up, down, or to any stage'],
      ],
    }),
  },
  args: { onOpenDeal: fn(), onDealMoved: fn(), height: 640 },
} satisfies Meta<typeof PipelineBoard>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The cards of the board once its columns show them. */
const cards = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getAllByRole('article').length).toBeGreaterThan(3), { timeout: STORY_TIMEOUT });
  return canvas.getAllByRole('article');
};

/** The live region the provider announces in. */
const announced = () => document.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '';

const stories = widgetStories({
  data: 'GET /v1/deals/aggregate',
  ready: async ({ canvasElement }) => (await cards(canvasElement))[0]!,
  // Amounts in VND as the locale writes them; expected close dates in its calendar (th-TH: Buddhist era).
  localized: async ({ canvas, money, date }) => {
    await expect((await canvas.findAllByText(money('VND'), {}, { timeout: STORY_TIMEOUT }))[0]).toBeVisible();
    await expect(
      (await canvas.findAllByText(date('medium'), { exact: false }, { timeout: STORY_TIMEOUT }))[0],
    ).toBeVisible();
  },
  loading: async ({ canvasElement }) => {
    const busy = () => canvasElement.querySelector<HTMLElement>('[aria-busy="true"]');
    await waitFor(() => expect(busy()).not.toBeNull(), { timeout: STORY_TIMEOUT });
    return busy()!;
  },
});

/**
 * The demo workspace's sales pipeline. The play function moves a deal with the keyboard only: Space picks the first
 * card up, ArrowRight carries it to the next stage, Space drops it — each step announced.
 */
export const Default: Story = {
  globals: { locale: 'en-US', role: 'admin' },
  play: async ({ canvasElement, args }) => {
    const [first] = await cards(canvasElement);
    const name = first!.querySelector('.crm-pb-card-name')!.textContent!;
    first!.focus();
    await userEvent.keyboard(' ');
    await waitFor(() =>
      expect(announced()).toMatch(new RegExp(`^Picked up ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in `)),
    );
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(announced()).toMatch(/, position \d+ of \d+\.$/));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(announced()).toMatch(/^Moved /));
    await waitFor(() => expect(args.onDealMoved).toHaveBeenCalled(), { timeout: STORY_TIMEOUT });
    // Focus stays on the card, now in the next stage.
    await expect(document.activeElement?.closest('[data-pb-column]')).not.toBe(first!.closest('[data-pb-column]'));
  },
};

/**
 * 10,000 deals on 8 stages (added by SQL to the demo workspace): counts and totals are the server's, and only the
 * cards in view are in the DOM. The play function scrolls a column to its end.
 */
export const TenThousandDeals: Story = {
  // Built once with the static site (a data set of its own), not generated on the visitor's machine.
  parameters: { crmkit: { seed: 'demo-10k-deals' } },
  args: { pipelineId: 'pip_10k' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await cards(canvasElement);
    const column = await canvas.findByRole('region', { name: 'Contacted' }, { timeout: STORY_TIMEOUT });
    await waitFor(() => expect(within(column).getByText('1,250')).toBeVisible(), { timeout: STORY_TIMEOUT });
    await expect(canvasElement.querySelectorAll('[data-deal-id]').length).toBeLessThan(150);
    const scroller = column.querySelector<HTMLElement>('[data-pb-scroll]')!;
    scroller.scrollTop = scroller.scrollHeight;
    await within(column).findByRole('article', { name: 'Deal 9993 – ERP Cloud' }, { timeout: STORY_TIMEOUT });
    await expect(canvasElement.querySelectorAll('[data-deal-id]').length).toBeLessThan(150);
  },
};

/** A viewer sees the board but cannot move or add deals. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    await cards(canvasElement);
    await expect(within(canvasElement).queryAllByRole('button', { name: /^Move / })).toHaveLength(0);
    await expect(within(canvasElement).queryAllByRole('button', { name: /^Add / })).toHaveLength(0);
  },
};

/** A workspace without any pipeline. */
export const NoPipeline: Story = {
  parameters: { crmkit: { seed: 'empty' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('status', { name: 'No pipeline yet' }, { timeout: STORY_TIMEOUT });
  },
};

/** Vietnamese: labels, VND amounts, dates. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: Buddhist-era dates. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** While the totals load. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry (the play function retries once the server is back). */
export const ErrorState: Story = stories.state('error');

/** The caller may not read deals. */
export const Forbidden: Story = stories.state('forbidden');
