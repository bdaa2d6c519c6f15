import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { CrmLoaded, FaultState } from '../../../../../.storybook/crmkit.js';
import { STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedOncePerRole } from '../../../../../.storybook/seed-once.js';
import { STORY_TIMEOUT, type StoryCheck, storyCheck } from '../../../../../.storybook/widget-stories.js';
import { NotificationsMenu } from './index.js';

/**
 * Gives the story's user two reminders that came due a few minutes ago, announced the way the server announces them
 * (its job tick): real notifications of the in-browser reference server.
 */
const dueReminders = seedOncePerRole(async ({ sandbox, admin, userId }) => {
  const [contact] = (await admin.contacts.list({ limit: 1, sort: '-lastContactedAt' })).data;
  const minutesAgo = (m: number) => new Date(sandbox.clock.now().getTime() - m * 60_000).toISOString();
  await admin.activities.create({
    type: 'task',
    subject: 'Send the renewal quote',
    body: 'The membership ends this month: offer the annual plan.',
    assigneeId: userId,
    dueAt: minutesAgo(30),
    ...(contact ? { contactId: contact.id } : {}),
  });
  await admin.activities.create({
    type: 'task',
    purpose: 'call_back',
    subject: 'Call back about the trial',
    assigneeId: userId,
    dueAt: minutesAgo(5),
    ...(contact ? { contactId: contact.id } : {}),
  });
  await sandbox.server.automation.tick();
});

const meta = {
  title: 'Widgets/NotificationsMenu',
  component: NotificationsMenu,
  tags: ['autodocs'],
  args: { onOpenRecord: fn() },
  loaders: [dueReminders],
  parameters: {
    docs: widgetDocs({
      name: 'NotificationsMenu',
      component: NotificationsMenu,
      parts: ['root', 'notificationsMenu', 'iconButton', 'button', 'popover', 'icon', ...STATE_PARTS],
      keyboard: [
        ['Enter, Space', 'On the bell: opens the notifications, focus moving in'],
        ['Arrow Down, Arrow Up, Home, End', 'From one notification to the next, the previous, the first, the last'],
        ['Enter', 'On a notification’s title: opens its record (and marks it read)'],
        ['Escape', 'Closes the list, focus returning to the bell'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ display: 'flex', justifyContent: 'flex-end', minHeight: 480 }}>{Story()}</div>],
} satisfies Meta<typeof NotificationsMenu>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opens the menu from the bell and returns the popover (it lives in the page's portal container, not the canvas). */
async function open({ canvas, t }: StoryCheck) {
  const bell = await canvas.findByRole('button', { name: /./ }, { timeout: STORY_TIMEOUT });
  await userEvent.click(bell);
  return within(document.body).findByRole('dialog', { name: t('notifications.title') }, { timeout: STORY_TIMEOUT });
}

/** Opens the menu and waits for the reminders of the loader (read or not: an earlier story may have read them). */
async function ready(check: StoryCheck) {
  const dialog = await open(check);
  await within(dialog).findByRole('listitem', { name: /Call back about the trial/ }, { timeout: STORY_TIMEOUT });
  return dialog;
}

/** The bell counts the unread reminders; the list shows them newest first; marking all read empties the count. */
export const Default: Story = {
  play: async (context) => {
    const check = storyCheck(context);
    await check.canvas.findByRole(
      'button',
      // The demo data's own overdue tasks of the user count too.
      { name: /^Notifications, \d+ unread$/ },
      { timeout: STORY_TIMEOUT },
    );
    const dialog = await ready(check);
    const items = within(dialog).getAllByRole('listitem');
    await expect(items[0]).toHaveAccessibleName(/Call back about the trial/);
    await userEvent.click(within(dialog).getByRole('button', { name: check.t('notifications.markAllRead') }));
    await check.canvas.findByRole('button', { name: check.t('notifications.button', { count: 0 }) });
  },
};

/** Viewers have notifications too (reminders assigned to them), and may mark them read. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => void (await ready(storyCheck(context))),
};

const localized = (locale: 'vi-VN' | 'th-TH'): Story => ({
  globals: { locale },
  play: async (context) => {
    const check = storyCheck(context);
    const dialog = await ready(check);
    await expect(dialog.closest('[lang]')).toHaveAttribute('lang', locale);
    // Once the popover has faded in.
    await waitFor(() =>
      expect(within(dialog).getByRole('heading', { name: check.t('notifications.title') })).toBeVisible(),
    );
  },
});

/** Vietnamese: "Thông báo", kinds and relative times in Vietnamese. */
export const Vietnamese: Story = localized('vi-VN');

/** Thai. */
export const Thai: Story = localized('th-TH');

const themed = (theme: 'dark' | 'high-contrast'): Story => ({
  globals: { theme },
  play: async (context) => {
    const dialog = await ready(storyCheck(context));
    await expect(dialog.closest('[data-theme]')).toHaveAttribute('data-theme', theme);
  },
});

export const Dark: Story = themed('dark');

export const HighContrast: Story = themed('high-contrast');

/** A story whose notifications request is put in `state` (see `CrmFault`), checked inside the open menu. */
const state = (fault: FaultState, check: (dialog: HTMLElement, c: StoryCheck) => Promise<unknown>): Story => ({
  parameters: { crmkit: { fault: { on: 'GET /v1/notifications', state: fault } } },
  play: async (context) => {
    const c = storyCheck(context);
    await check(await open(c), c);
  },
});

/** Nothing to tell: "You're all caught up". */
export const Empty: Story = state('empty', (dialog, { t }) =>
  within(dialog).findByRole('status', { name: t('notifications.empty') }, { timeout: STORY_TIMEOUT }),
);

/** While the list loads. */
export const Loading: Story = state('loading', (dialog, { t }) =>
  within(dialog).findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
);

/** The server fails: the error with its reference, and "Try again" once it is back. */
export const ErrorState: Story = {
  ...state('error', async (dialog, { t }) => {
    await within(dialog).findByRole('alert', { name: t('state.error.title') }, { timeout: STORY_TIMEOUT });
  }),
  play: async (context) => {
    const c = storyCheck(context);
    const dialog = await open(c);
    const alert = await within(dialog).findByRole(
      'alert',
      { name: c.t('state.error.title') },
      { timeout: STORY_TIMEOUT },
    );
    (context.loaded as Partial<CrmLoaded>).fault?.heal();
    await userEvent.click(within(alert).getByRole('button', { name: c.t('action.retry') }));
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull(), { timeout: STORY_TIMEOUT });
  },
};

/** The key acts for no user (or may not read notifications): no count, and the reason in the list. */
export const Forbidden: Story = state('forbidden', (dialog, { t }) =>
  within(dialog).findByRole('alert', { name: t('state.forbidden.title') }, { timeout: STORY_TIMEOUT }),
);
