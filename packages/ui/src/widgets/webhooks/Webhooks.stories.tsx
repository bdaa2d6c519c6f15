import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { DIALOG_PARTS, FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedOncePerRole } from '../../../../../.storybook/seed-once.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { Webhooks } from './index.js';

/** The endpoint the stories open. */
const MEMBER_APP = 'https://hooks.example.com/member-app';
/** The endpoint the server switched off. */
const ACCOUNTING = 'https://hooks.example.com/accounting';

/**
 * Two endpoints, once per sandbox: the member app's (new members, with deliveries waiting: nothing listens at
 * example.com) and the accounting system's, switched off by the server after a day of failures (written as the
 * server's retry job leaves it).
 */
const endpoints = seedOncePerRole(async ({ sandbox, admin }) => {
  const existing = (await admin.webhookSubscriptions.list({ limit: 100 })).data;
  if (existing.some((s) => s.url === MEMBER_APP)) return;
  await admin.webhookSubscriptions.create({
    url: MEMBER_APP,
    description: 'Member app: welcome pack and check-ins',
    eventTypes: ['contact.created', 'contact.updated', 'activity.created'],
  });
  const accounting = await admin.webhookSubscriptions.create({ url: ACCOUNTING, eventTypes: [] });
  await admin.contacts.create({ firstName: 'Minh', lastName: 'Trần' });
  await sandbox.db.query(
    `UPDATE webhook_subscriptions SET enabled = false,
       disabled_reason = 'Switched off after failing for 24 hours: receiver answered 503' WHERE id = $1`,
    [accounting.id],
  );
});

const meta = {
  title: 'Widgets/Webhooks',
  component: Webhooks,
  tags: ['autodocs'],
  loaders: [endpoints],
  parameters: {
    crmkit: { seed: 'fitness' },
    docs: widgetDocs({
      name: 'Webhooks',
      component: Webhooks,
      parts: [
        'root',
        'webhooks',
        'button',
        'iconButton',
        'badge',
        'icon',
        ...DIALOG_PARTS,
        ...FIELD_PARTS,
        ...STATE_PARTS,
      ],
      keyboard: [
        ['Tab', 'To "New endpoint", then each endpoint’s switch, Edit, New secret and Deliveries'],
        ['Space', 'On a switch: turns the endpoint on or off'],
        ['Arrow Down, Arrow Up, Home, End', 'From one endpoint to the next, the previous, the first, the last'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>],
} satisfies Meta<typeof Webhooks>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The list with the member app's endpoint. */
const ready = async ({ canvas, t }: StoryCheck) => {
  const list = await canvas.findByRole('list', { name: t('webhooks.title') }, { timeout: STORY_TIMEOUT });
  await within(list).findByRole('listitem', { name: MEMBER_APP }, { timeout: STORY_TIMEOUT });
  return list;
};

const stories = widgetStories({
  data: 'GET /v1/webhook-subscriptions',
  ready,
  localized: async ({ canvas, t }) => {
    await expect(canvas.getAllByText(t('webhooks.autoDisabled')).length).toBeGreaterThan(0);
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
  empty: ({ t }) => t('webhooks.empty'),
});

/** The endpoints; the play function opens the member app's delivery log. */
export const Default: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    const list = await ready(check);
    const row = within(list).getByRole('listitem', { name: MEMBER_APP });
    await userEvent.click(within(row).getByRole('button', { name: check.t('webhooks.showLog', { url: MEMBER_APP }) }));
    await within(row).findByRole(
      'list',
      { name: check.t('webhooks.log', { url: MEMBER_APP }) },
      { timeout: STORY_TIMEOUT },
    );
  },
};

/** "New endpoint": the form, with a URL that is not one refused on its field. */
export const NewEndpoint: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    await ready(check);
    // The caller's permissions come after the list: wait for the button they bring.
    await userEvent.click(
      await check.canvas.findByRole('button', { name: check.t('webhooks.new') }, { timeout: STORY_TIMEOUT }),
    );
    const page = within(context.canvasElement.ownerDocument.body);
    const form = await page.findByRole('dialog', { name: check.t('webhooks.newTitle') }, { timeout: STORY_TIMEOUT });
    await userEvent.type(within(form).getByRole('textbox', { name: new RegExp(check.t('webhooks.url')) }), 'hooks/crm');
    await userEvent.click(within(form).getByRole('button', { name: check.t('webhooks.create') }));
    await within(form).findByText(check.t('webhooks.urlInvalid'));
  },
};

/** A new secret for the member app's endpoint: the confirmation first. */
export const NewSecret: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    const list = await ready(check);
    const row = within(list).getByRole('listitem', { name: MEMBER_APP });
    await userEvent.click(
      await within(row).findByRole(
        'button',
        { name: check.t('webhooks.rotate', { url: MEMBER_APP }) },
        { timeout: STORY_TIMEOUT },
      ),
    );
    await within(context.canvasElement.ownerDocument.body).findByRole(
      'alertdialog',
      { name: check.t('webhooks.rotateTitle', { url: MEMBER_APP }) },
      { timeout: STORY_TIMEOUT },
    );
  },
};

/** Only admins may see the endpoints. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await canvas.findByText(t('state.forbidden.title'), {}, { timeout: STORY_TIMEOUT });
  },
};

/** Vietnamese. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** No endpoints yet. */
export const Empty: Story = stories.state('empty');

/** While the endpoints load. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read endpoints. */
export const Forbidden: Story = stories.state('forbidden');
