import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useFirstId, useStoryClient } from '../../../../../.storybook/crmkit.js';
import { recordCardDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { recordCardKit, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { ContactCard, type ContactCardProps } from './index.js';

/** The card of the first contact matching `query` in the story's workspace (seeded ids differ between runs). */
function SeededContactCard({
  lifecycleStage,
  ...props
}: Omit<ContactCardProps, 'contactId'> & { lifecycleStage?: 'loyal' | 'potential' }) {
  const id = useFirstId(
    'contacts',
    lifecycleStage ? { filter: { lifecycleStage }, sort: 'lastName' } : { sort: '-lastContactedAt' },
  );
  return id ? <ContactCard contactId={id} {...props} /> : null;
}

const meta = {
  title: 'Widgets/ContactCard',
  component: SeededContactCard,
  tags: ['autodocs'],
  parameters: {
    docs: recordCardDocs('ContactCard', ContactCard, 'contactCard'),
  },
  // A loyal customer: open deals with amounts.
  args: { lifecycleStage: 'loyal' },
  decorators: [(Story) => <div style={{ maxWidth: 720 }}>{Story()}</div>],
} satisfies Meta<typeof SeededContactCard>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = widgetStories(recordCardKit('GET /v1/contacts/*'));

/** The full card: identity, channels, touches, owner, custom fields, tags, consent, open deals and tickets. */
export const Full: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { level: 2 }, { timeout: 15_000 })).toBeVisible();
    await canvas.findByRole('region', { name: /deals|cơ hội|ดีล/i });
  },
};

/** For a 320 px sidebar. */
export const Compact: Story = {
  args: { variant: 'compact' },
  decorators: [(Story) => <div style={{ width: 320 }}>{Story()}</div>],
};

/** Viewers read but cannot edit. */
export const Viewer: Story = {
  args: { lifecycleStage: 'potential' },
  globals: { role: 'viewer' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2 }, { timeout: 15_000 });
    await expect(canvas.queryByRole('button', { name: /^(Edit|Sửa|แก้ไข)/ })).toBeNull();
  },
};

/** A contact that does not exist (deleted, or a bad link). */
export const NotFound: Story = {
  render: () => <ContactCard contactId="con_doesnotexist" />,
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert', {}, { timeout: 15_000 });
  },
};

/** Vietnamese: "Cách liên hệ", "Cơ hội đang mở" and amounts such as "5.000.000 ₫". */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: Thai labels and amounts such as "₫5,000,000" (the workspace's currency stays VND). */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** While the contact loads: a skeleton in the card's shape, announced as "Loading contact…". */
export const Loading: Story = stories.state('loading');

/** The contact fails to load: the error with its request id, and "Try again" (the play function retries). */
export const ErrorState: Story = stories.state('error');

/** The caller may not read contacts: "You don't have access", no retry. */
export const Forbidden: Story = stories.state('forbidden');

function EditableCard() {
  const client = useStoryClient();
  const id = useFirstId('contacts', { filter: { lifecycleStage: 'active' } });
  return id ? <ContactCard contactId={id} onSaved={(c) => void client.contacts.get(c.id)} /> : null;
}

/** Inline edit: change the job title and save; the card shows it at once and the server keeps it. */
export const InlineEdit: Story = {
  globals: { locale: 'en-US', role: 'admin' },
  render: () => <EditableCard />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: /^Edit/ }, { timeout: 15_000 }));
    const title = await canvas.findByRole('textbox', { name: 'Job title' });
    await userEvent.clear(title);
    await userEvent.type(title, 'Head of Partnerships');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(canvas.getByText(/Head of Partnerships/)).toBeVisible());
  },
};
