import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { DIALOG_PARTS, FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { EXPIRING_THIS_MONTH, seedSegments } from '../../../../../.storybook/seed-segments.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { SegmentsList } from './index.js';

const meta = {
  title: 'Widgets/SegmentsList',
  component: SegmentsList,
  tags: ['autodocs'],
  args: { onOpenSegment: fn(), onNewSegment: fn() },
  loaders: [seedSegments],
  parameters: {
    crmkit: { seed: 'fitness' },
    docs: widgetDocs({
      name: 'SegmentsList',
      component: SegmentsList,
      parts: [
        'root',
        'segmentsList',
        'button',
        'iconButton',
        'menu',
        'menuItem',
        'icon',
        ...DIALOG_PARTS,
        ...FIELD_PARTS,
        ...STATE_PARTS,
      ],
      keyboard: [
        ['Tab', 'To "New segment", then into the list'],
        ['Arrow Down, Arrow Up, Home, End', 'From one segment to the next, the previous, the first, the last'],
        ['Enter, Arrow Down', 'On a segment’s actions: opens the menu (rename, delete)'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof SegmentsList>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The list with the seeded segment's live count. */
const ready = async ({ canvas, t }: StoryCheck) => {
  const list = await canvas.findByRole('list', { name: t('segments.title') }, { timeout: STORY_TIMEOUT });
  const row = await within(list).findByRole('listitem', { name: EXPIRING_THIS_MONTH }, { timeout: STORY_TIMEOUT });
  await waitFor(() => expect(row.querySelector('.crm-sl-count [role="status"]')).toBeNull(), {
    timeout: STORY_TIMEOUT,
  });
  return list;
};

const stories = widgetStories({
  data: 'GET /v1/segments',
  ready,
  localized: async ({ canvas, like }) => {
    await expect(canvas.getAllByText(like('segments.of', 'entities')).length).toBeGreaterThan(0);
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
  empty: ({ t }) => t('segments.empty'),
});

/** The fitness club's segments with how many members each holds now. The play function opens the rename dialog. */
export const Default: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    const list = await ready(check);
    const row = within(list).getByRole('listitem', { name: EXPIRING_THIS_MONTH });
    await userEvent.click(
      within(row).getByRole('button', { name: check.t('segments.actions', { name: EXPIRING_THIS_MONTH }) }),
    );
    await userEvent.click(await within(document.body).findByRole('menuitem', { name: check.t('segments.rename') }));
    await within(document.body).findByRole('dialog', {
      name: check.t('segments.renameTitle', { name: EXPIRING_THIS_MONTH }),
    });
  },
};

/** Viewers read the list: no actions, no "New segment". */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => {
    const check = storyCheck(context);
    const list = await ready(check);
    await expect(within(list).queryByRole('button', { name: /…|\.\.\./ })).toBeNull();
    await expect(check.canvas.queryByRole('button', { name: check.t('segments.new') })).toBeNull();
  },
};

/** Vietnamese. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** No segments yet. */
export const Empty: Story = stories.state('empty');

/** While the segments load. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read segments. */
export const Forbidden: Story = stories.state('forbidden');
