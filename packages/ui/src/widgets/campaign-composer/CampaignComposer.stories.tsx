import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { useStoryClient } from '../../../../../.storybook/crmkit.js';
import { DIALOG_PARTS, FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedOncePerRole } from '../../../../../.storybook/seed-once.js';
import { EXPIRING_THIS_MONTH, seedSegments, useStorySegmentId } from '../../../../../.storybook/seed-segments.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { CampaignComposer, type CampaignComposerProps } from './index.js';

/** The draft the stories open: the club's Vietnamese renewal offer to members whose membership expires this month. */
const RENEWAL = 'Ưu đãi gia hạn tháng này';

/** Writes the renewal draft once per sandbox (after the story segments). */
const seedRenewal = seedOncePerRole(async ({ admin }) => {
  if ((await admin.campaigns.list({ q: 'Ưu đãi', limit: 10 })).data.some((c) => c.name === RENEWAL)) return;
  const segment = (await admin.segments.list({ limit: 100 })).data.find((s) => s.name === EXPIRING_THIS_MONTH);
  if (!segment) return;
  await admin.campaigns.create({
    name: RENEWAL,
    segmentId: segment.id,
    channel: 'email',
    subject: 'Ưu đãi gia hạn cho {{contact.firstName|bạn}}',
    template:
      'Chào {{contact.firstName|bạn}},\n\nThẻ hội viên của bạn hết hạn ngày {{contact.customFields.membershipExpiry|sắp tới}}. Gia hạn trong tháng này để được tặng 1 tháng tập: https://club.example/gia-han\n\n{{workspace.name}}',
  });
});

type Props = CampaignComposerProps & {
  /** A new campaign to the story segment, or the seeded renewal draft. */
  open?: 'new' | 'saved';
};

/** The seeded draft's id (undefined until found). */
function useStoryCampaignId(): string | undefined {
  const client = useStoryClient();
  const [id, setId] = useState<string>();
  useEffect(() => {
    let live = true;
    client.campaigns.list({ limit: 100 }).then(
      (page) => live && setId(page.data.find((c) => c.name === RENEWAL)?.id),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return id;
}

/** A new campaign, or the story draft (ids of seeded data differ between runs). */
function Seeded({ open = 'saved', ...props }: Props) {
  const segmentId = useStorySegmentId();
  const campaignId = useStoryCampaignId();
  if (open === 'new') return segmentId ? <CampaignComposer defaultSegmentId={segmentId} {...props} /> : null;
  return campaignId ? <CampaignComposer campaignId={campaignId} {...props} /> : null;
}

const meta = {
  title: 'Widgets/CampaignComposer',
  component: Seeded,
  tags: ['autodocs'],
  args: { onSaved: fn(), onScheduled: fn(), onCancelled: fn() },
  loaders: [seedSegments, seedRenewal],
  parameters: {
    crmkit: { seed: 'fitness' },
    docs: widgetDocs({
      name: 'CampaignComposer',
      component: CampaignComposer,
      parts: [
        'root',
        'campaignComposer',
        'button',
        'iconButton',
        'icon',
        ...STATE_PARTS,
        ...FIELD_PARTS,
        ...DIALOG_PARTS,
      ],
      keyboard: [
        ['Tab', 'Through the name, segment, channel, subject, message, placeholder picker, schedule and the buttons'],
        ['Enter, Space', 'On “Insert placeholder”: inserts it where the caret was and moves focus back there'],
        ['Enter, Space', 'On “Previous / Next recipient”: the preview of the segment’s previous or next member'],
        ['Escape', 'In a confirmation: closes it; focus returns to the button that opened it'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 1040 }}>{Story()}</div>],
} satisfies Meta<typeof Seeded>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The preview of a real member's message: its article, once rendered. */
const previewed = async ({ canvas, t }: StoryCheck) => {
  const region = await canvas.findByRole('region', { name: t('composer.preview') }, { timeout: STORY_TIMEOUT });
  return within(region).findByRole('article', {}, { timeout: STORY_TIMEOUT });
};

const stories = widgetStories({
  data: 'GET /v1/campaigns/*',
  ready: previewed,
  localized: async ({ canvas, t }) => {
    // The club's own field, among the placeholders, in the story's language.
    const picker = canvas.getByRole('combobox', { name: t('composer.placeholder') });
    await expect(within(picker).getByRole('group', { name: t('composer.placeholder.custom') })).toBeTruthy();
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
});

/** The club's Vietnamese renewal offer: a member's message rendered by the server, stepping through the members. */
export const Default: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    await previewed(check);
    await userEvent.click(check.canvas.getByRole('button', { name: check.t('composer.next') }));
    await expect(await previewed(check)).toBeVisible();
  },
};

/** A new campaign to the story segment: a message with a placeholder picked from the club's fields, previewed live. */
export const New: Story = {
  args: { open: 'new' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const template = await canvas.findByRole('textbox', { name: t('composer.template') }, { timeout: STORY_TIMEOUT });
    await userEvent.type(template, 'Chào ');
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: t('composer.placeholder') }),
      'contact.firstName',
    );
    await userEvent.type(canvas.getByRole('textbox', { name: t('composer.fallback') }), 'bạn');
    await userEvent.click(canvas.getByRole('button', { name: t('composer.insert') }));
    await waitFor(() => expect(template).toHaveValue('Chào {{contact.firstName|bạn}}'));
    await previewed(storyCheck(context));
  },
};

/** Viewers read the campaign and its preview; nothing to change or send. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => {
    const check = storyCheck(context);
    await previewed(check);
    await expect(check.canvas.queryByRole('button', { name: check.t('composer.save') })).toBeNull();
    await expect(check.canvas.getByRole('textbox', { name: check.t('composer.template') })).toBeDisabled();
  },
};

/** Vietnamese. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** While the campaign loads. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read campaigns. */
export const Forbidden: Story = stories.state('forbidden');

/** The campaign was deleted. */
export const NotFound: Story = stories.state('not-found');
