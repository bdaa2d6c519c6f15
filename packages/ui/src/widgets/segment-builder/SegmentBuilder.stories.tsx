import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedSegments, useStorySegmentId } from '../../../../../.storybook/seed-segments.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { SegmentBuilder, type SegmentBuilderProps } from './index.js';

type Props = SegmentBuilderProps & {
  /** A new segment, or the seeded "Members whose membership expires this month". */
  open?: 'new' | 'saved';
};

/** A new segment, or the story segment (ids of seeded data differ between runs). */
function Seeded({ open = 'saved', ...props }: Props) {
  const id = useStorySegmentId();
  if (open === 'new') return <SegmentBuilder {...props} />;
  return id ? <SegmentBuilder segmentId={id} {...props} /> : null;
}

const meta = {
  title: 'Widgets/SegmentBuilder',
  component: Seeded,
  tags: ['autodocs'],
  args: { onSaved: fn(), onOpenRecord: fn() },
  loaders: [seedSegments],
  parameters: {
    crmkit: { seed: 'fitness' },
    docs: widgetDocs({
      name: 'SegmentBuilder',
      component: SegmentBuilder,
      parts: [
        'root',
        'segmentBuilder',
        'button',
        'iconButton',
        'menu',
        'menuItem',
        'icon',
        ...STATE_PARTS,
        ...FIELD_PARTS,
      ],
      keyboard: [
        ['Tab', 'Through the name, the resource, each condition’s field, comparison and value, and the buttons'],
        ['Arrow keys', 'On a condition’s field: a field of the schema, or “Activity” for an activity fact'],
        ['Enter, Arrow Down', 'On a condition’s “More actions”: opens the menu to move it or regroup it'],
        ['Enter, Space', 'On “Remove condition”: removes it; focus moves to the condition now in its place'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 960 }}>{Story()}</div>],
} satisfies Meta<typeof Seeded>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The count of a loaded segment: a number that matches, not "Counting…". */
const counted = async ({ canvas, t }: StoryCheck) => {
  const tree = await canvas.findByRole('group', { name: t('segments.conditions') }, { timeout: STORY_TIMEOUT });
  const preview = await canvas.findByRole('region', { name: /\d/ }, { timeout: STORY_TIMEOUT });
  await waitFor(() => expect(preview).not.toHaveAttribute('aria-busy'), { timeout: STORY_TIMEOUT });
  return tree;
};

const stories = widgetStories({
  data: 'GET /v1/segments/*',
  ready: counted,
  localized: async ({ canvas, locale }) => {
    // The fitness club's own field name, in the story's language.
    const expiry = { en: 'Membership expiry', vi: 'Ngày hết hạn thẻ', th: 'วันหมดอายุสมาชิก' }[locale.slice(0, 2)]!;
    await expect(canvas.getAllByDisplayValue(expiry)).toHaveLength(1);
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
});

/** The fitness seed's "Members whose membership expires this month": two conditions, the live count and a sample. */
export const Default: Story = {};

/**
 * A new segment built from the keyboard and mouse: membership expiry in the next 30 days; the count follows each
 * edit.
 */
export const New: Story = {
  args: { open: 'new' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const tree = await canvas.findByRole('group', { name: t('segments.conditions') }, { timeout: STORY_TIMEOUT });
    await userEvent.click(within(tree).getByRole('button', { name: t('filters.addCondition') }));
    const row = canvas.getByRole('group', { name: t('filters.newCondition', { n: 1 }) });
    await userEvent.selectOptions(
      within(row).getByRole('combobox', { name: t('filters.field') }),
      'customFields.membershipExpiry',
    );
    const days = await canvas.findByRole('spinbutton', { name: t('filters.days') });
    await userEvent.type(days, '30');
    await waitFor(() => expect(canvas.getByRole('list', { name: t('segments.sample') })).toBeVisible(), {
      timeout: STORY_TIMEOUT,
    });
  },
};

/** An activity fact, "no visit (a check-in in the club's app) in the last 21 days", built from the field select. */
export const ActivityFact: Story = {
  args: { open: 'new' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const tree = await canvas.findByRole('group', { name: t('segments.conditions') }, { timeout: STORY_TIMEOUT });
    await userEvent.click(within(tree).getByRole('button', { name: t('filters.addCondition') }));
    const select = (name: string) => within(tree).getByRole('combobox', { name });
    await userEvent.selectOptions(select(t('filters.field')), '@activity');
    await userEvent.selectOptions(select(t('filters.operator')), 'hasNot');
    await userEvent.selectOptions(select(t('filters.activity.types')), 'app');
    await userEvent.selectOptions(select(t('filters.activity.when')), 'last');
    await userEvent.type(within(tree).getByRole('spinbutton', { name: t('filters.days') }), '21');
    await waitFor(() => expect(canvas.getByRole('list', { name: t('segments.sample') })).toBeVisible(), {
      timeout: STORY_TIMEOUT,
    });
  },
};

/** Viewers read the conditions as sentences, with the count; nothing to change. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => {
    const check = storyCheck(context);
    await counted(check);
    await expect(check.canvas.queryByRole('button', { name: check.t('segments.save') })).toBeNull();
  },
};

/** Vietnamese: the club's field names and the comparisons in Vietnamese. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** While the segment loads. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read segments. */
export const Forbidden: Story = stories.state('forbidden');

/** The segment was deleted. */
export const NotFound: Story = stories.state('not-found');
