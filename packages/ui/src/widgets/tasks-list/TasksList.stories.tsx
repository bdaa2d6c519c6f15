import { integrationClient, type Sandbox } from '@crmkit/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { loadCrm, useFirstId, WithClient } from '../../../../../.storybook/crmkit.js';
import { DIALOG_PARTS, FIELD_PARTS, STATE_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedOncePerRole } from '../../../../../.storybook/seed-once.js';
import { STORY_TIMEOUT, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { TasksList, type TasksListProps } from './index.js';

/** Gives the story's user three open tasks on the most recently contacted contact: overdue, later today, next week. */
const myTasks = seedOncePerRole(async ({ sandbox, admin, userId }) => {
  const [contact] = (await admin.contacts.list({ limit: 1, sort: '-lastContactedAt' })).data;
  if (!contact) return;
  const hoursFromNow = (h: number) => new Date(sandbox.clock.now().getTime() + h * 3600_000).toISOString();
  for (const [subject, hours] of [
    ['Call back about the trial', -3],
    ['Send the renewal quote', 2],
    ['Check in after the first visit', 24 * 6],
  ] as const) {
    await admin.activities.create({
      type: 'task',
      subject,
      dueAt: hoursFromNow(hours),
      assigneeId: userId,
      contactId: contact.id,
    });
  }
});

type Props = TasksListProps & {
  /** Whose tasks: the caller's (default), or the most recently contacted contact's. */
  of?: 'me' | 'contact';
};

/** The caller's tasks, or a seeded contact's (ids of seeded data differ between runs). */
function SeededTasks({ of = 'me', ...props }: Props) {
  const contactId = useFirstId('contacts', { sort: '-lastContactedAt' });
  if (of === 'contact') return contactId ? <TasksList contactId={contactId} {...props} /> : null;
  return <TasksList {...props} />;
}

const meta = {
  title: 'Widgets/TasksList',
  component: SeededTasks,
  tags: ['autodocs'],
  args: { onOpenRecord: fn() },
  loaders: [myTasks],
  parameters: {
    docs: widgetDocs({
      name: 'TasksList',
      component: TasksList,
      parts: [
        ...new Set([
          'root',
          'tasksList',
          'button',
          'iconButton',
          'menu',
          'menuItem',
          'badge',
          'icon',
          ...STATE_PARTS,
          ...FIELD_PARTS,
          // The keep mine / take theirs prompt.
          ...DIALOG_PARTS,
        ] as const),
      ],
      keyboard: [
        ['Tab', 'To the views, then into the list'],
        ['Arrow Down, Arrow Up, Home, End', 'From one task to the next, the previous, the first, the last'],
        ['Space', 'On a task’s checkbox: completes it (focus moves to the task now in its place)'],
        ['Enter, Arrow Down', 'On Snooze or Reassign: opens its menu'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 640 }}>{Story()}</div>],
} satisfies Meta<typeof SeededTasks>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = widgetStories({
  data: 'GET /v1/activities',
  ready: async ({ canvas, t }) => {
    const list = await canvas.findByRole('list', { name: t('tasks.title') }, { timeout: STORY_TIMEOUT });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0), {
      timeout: STORY_TIMEOUT,
    });
    return list;
  },
  localized: async ({ canvas, t }) => {
    await expect(canvas.getByRole('button', { name: t('tasks.view.today') })).toBeVisible();
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
  empty: ({ t }) => t('tasks.empty.mine'),
});

/** The caller's open tasks, soonest first. The play function switches to Overdue and snoozes the overdue task. */
export const Default: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('tasks.title') }, { timeout: STORY_TIMEOUT });
    await within(list).findByRole('listitem', { name: 'Call back about the trial' }, { timeout: STORY_TIMEOUT });
    await userEvent.click(canvas.getByRole('button', { name: t('tasks.view.overdue') }));
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: t('tasks.view.overdue') })).toHaveAttribute('aria-pressed', 'true'),
    );
  },
};

/** What is due today, overdue included. */
export const Today: Story = { args: { defaultView: 'today' } };

/** A contact's open tasks, whoever they are assigned to. */
export const OfARecord: Story = { args: { of: 'contact' } };

/** Viewers read the list: no checkboxes, no snooze or reassign. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  args: { of: 'contact' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('tasks.title') }, { timeout: STORY_TIMEOUT });
    await expect(within(list).queryByRole('checkbox')).toBeNull();
  },
};

/**
 * A key that acts for no user (an integration's): "Mine" asks for a user instead of loading forever; the time views
 * list everyone's tasks. The play function opens Overdue.
 */
export const NoUser: Story = {
  render: () => (
    <WithClient make={integrationClient}>
      <TasksList />
    </WithClient>
  ),
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await canvas.findByRole('alert', { name: t('tasks.signIn') }, { timeout: STORY_TIMEOUT });
    await userEvent.click(canvas.getByRole('button', { name: t('tasks.view.overdue') }));
    const list = await canvas.findByRole('list', { name: t('tasks.title') }, { timeout: STORY_TIMEOUT });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0), {
      timeout: STORY_TIMEOUT,
    });
  },
};

/** The story role's client, its cache not following the feed: a change made meanwhile shows only when saving. */
const roleClient = (sandbox: Sandbox) => Promise.resolve(sandbox.client({ role: 'admin' }));

/**
 * Snoozing a task another user moved meanwhile (the list is not live here): the prompt shows both changes and asks to
 * keep mine or take theirs. The play function makes the agent's change, then snoozes the task.
 */
export const Conflict: Story = {
  render: () => (
    <WithClient make={roleClient} live={false}>
      <TasksList />
    </WithClient>
  ),
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('tasks.title') }, { timeout: STORY_TIMEOUT });
    const subject = 'Check in after the first visit';
    await within(list).findByRole('listitem', { name: subject }, { timeout: STORY_TIMEOUT });
    const { sandbox } = await loadCrm(context);
    const me = (await sandbox!.client({ role: 'admin' }).me.get()).user!;
    const agent = sandbox!.client({ role: 'agent' });
    const [task] = (await agent.activities.list({ q: subject, filter: { assigneeId: me.id }, limit: 1 })).data;
    await agent.activities.update(task!.id, {
      dueAt: new Date(new Date(task!.dueAt!).getTime() + 3600_000).toISOString(),
    });
    const page = within(context.canvasElement.ownerDocument.body);
    await userEvent.click(within(list).getByRole('button', { name: t('tasks.snooze', { subject }) }));
    await userEvent.click(await page.findByRole('menuitem', { name: t('tasks.snooze.tomorrow') }));
    const prompt = await page.findByRole('alertdialog', { name: t('conflict.title') }, { timeout: STORY_TIMEOUT });
    // The prompt fades in: read it once it shows.
    await waitFor(() => expect(within(prompt).getByRole('button', { name: t('conflict.keepMine') })).toBeVisible());
    await expect(within(prompt).getByRole('button', { name: t('conflict.takeTheirs') })).toBeVisible();
  },
};

/** Vietnamese. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai: due dates in the Buddhist era. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** Nothing on the caller's list. */
export const Empty: Story = stories.state('empty');

/** While the first page loads. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read activities. */
export const Forbidden: Story = stories.state('forbidden');
