import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { STORY_CAMPAIGN, seedCampaign, useStoryCampaignId } from '../../../../../.storybook/seed-campaigns.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { CampaignReport, type CampaignReportProps } from './index.js';

/** The report of the story campaign (its id differs between runs). */
function Seeded(props: Omit<CampaignReportProps, 'campaignId'>) {
  const id = useStoryCampaignId();
  return id ? <CampaignReport campaignId={id} {...props} /> : null;
}

const meta = {
  title: 'Widgets/CampaignReport',
  component: Seeded,
  tags: ['autodocs'],
  args: { onOpenContact: fn() },
  loaders: [seedCampaign],
  parameters: {
    crmkit: { seed: 'demo' },
    docs: widgetDocs({
      name: 'CampaignReport',
      component: CampaignReport,
      parts: ['root', 'campaignReport', 'button', 'badge', 'icon', 'field', 'fieldLabel', 'select', ...STATE_PARTS],
      keyboard: [
        ['Tab', 'To “Per hour” / “Per day”, “Show as a table”, the status filter, “Export CSV”, then each contact'],
        ['Enter, Space', 'On “Per hour” / “Per day”: shows the opens and clicks per hour or per day'],
        ['Arrow keys', 'On the status filter: another status (the table follows)'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 960 }}>{Story()}</div>],
} satisfies Meta<typeof Seeded>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The funnel table, with its numbers in. */
const ready = async ({ canvas, t }: StoryCheck) => {
  await canvas.findByRole('heading', { level: 2, name: STORY_CAMPAIGN }, { timeout: STORY_TIMEOUT });
  const funnel = await canvas.findByRole('table', { name: t('report.funnel') }, { timeout: STORY_TIMEOUT });
  await expect(within(funnel).getByRole('rowheader', { name: t('report.step.sent') })).toBeVisible();
  return funnel;
};

const stories = widgetStories({
  data: 'GET /v1/campaigns/*/report',
  ready,
  localized: async ({ canvas, t, like }) => {
    await expect(canvas.getAllByText(like('report.ofSent', 'rate')).length).toBeGreaterThan(0);
    const recipients = await canvas.findByRole('table', { name: t('report.recipients') }, { timeout: STORY_TIMEOUT });
    await expect(within(recipients).getAllByRole('row').length).toBeGreaterThan(1);
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
});

/**
 * The demo company's "Year-end offer", sent to its active and loyal contacts and opened and clicked by some. The play
 * function switches the chart to days and shows only those who clicked.
 */
export const Default: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    const { canvas, t } = check;
    await ready(check);
    await userEvent.click(canvas.getByRole('button', { name: t('report.perDay') }));
    await expect(canvas.getByRole('button', { name: t('report.perDay') })).toHaveAttribute('aria-pressed', 'true');
    await canvas.findByRole('img', { name: /./ }, { timeout: STORY_TIMEOUT });
    await userEvent.selectOptions(
      canvas.getByRole('combobox', { name: t('report.filter') }),
      t('report.recipient.clicked'),
    );
    await waitFor(
      async () => {
        const rows = within(canvas.getByRole('table', { name: t('report.recipients') })).getAllByRole('row');
        await expect(rows.length).toBeGreaterThan(1);
        for (const row of rows.slice(1)) await expect(row).toHaveTextContent(t('report.recipient.clicked'));
      },
      { timeout: STORY_TIMEOUT },
    );
  },
};

/** Vietnamese: rates and dates the Vietnamese way. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: dates in the Buddhist era. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** No recipients to list (e.g. an audience that was empty when the campaign started). */
export const Empty: Story = {
  parameters: { crmkit: { fault: { on: 'GET /v1/campaigns/*/recipients', state: 'empty' } } },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await canvas.findByRole('status', { name: t('report.recipientsCount', { count: 0 }) }, { timeout: STORY_TIMEOUT });
  },
};

/** While the report loads. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read the campaign's report. */
export const Forbidden: Story = stories.state('forbidden');
