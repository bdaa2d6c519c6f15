import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { useFirstId } from '../../../../../.storybook/crmkit.js';
import { recordCardDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { recordCardKit, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { CompanyCard, type CompanyCardProps } from './index.js';

/** The card of the first company of the story's workspace (seeded ids differ between runs). */
function SeededCompanyCard(props: Omit<CompanyCardProps, 'companyId'>) {
  const id = useFirstId('companies', { sort: 'name' });
  return id ? <CompanyCard companyId={id} {...props} /> : null;
}

const meta = {
  title: 'Widgets/CompanyCard',
  component: SeededCompanyCard,
  tags: ['autodocs'],
  parameters: {
    // The demo company's data whatever the toolbar says: the fitness club's workspace has companies switched off.
    crmkit: { seed: 'demo' },
    docs: recordCardDocs('CompanyCard', CompanyCard, 'companyCard'),
  },
  decorators: [(Story) => <div style={{ maxWidth: 720 }}>{Story()}</div>],
} satisfies Meta<typeof SeededCompanyCard>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = widgetStories(recordCardKit('GET /v1/companies/*'));

/** Identity, channels, owner, custom fields, the people who work there and the open deals with their value. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    const heading = await within(canvasElement).findByRole('heading', { level: 2 }, { timeout: 15_000 });
    await expect(heading).toBeVisible();
  },
};

/** For a sidebar. */
export const Compact: Story = {
  args: { variant: 'compact' },
  decorators: [(Story) => <div style={{ width: 320 }}>{Story()}</div>],
};

/** A company that does not exist. */
export const NotFound: Story = {
  render: () => <CompanyCard companyId="com_doesnotexist" />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 });
  },
};

/** Vietnamese: the people, the open deals and their total in "₫" as Vietnamese writes it. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: Thai labels; the deals' VND amounts written the Thai way ("₫5,000,000"). */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** A skeleton while the company loads, announced as "Loading company…". */
export const Loading: Story = stories.state('loading');

/** Loading the company fails: the error, the request id to quote, and a retry that works once the server is back. */
export const ErrorState: Story = stories.state('error');

/** A role without access to companies sees why, with nothing to retry. */
export const Forbidden: Story = stories.state('forbidden');
