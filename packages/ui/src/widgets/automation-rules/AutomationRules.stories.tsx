import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LIST_PARTS } from '../../../../../.storybook/docs/parts.js';
import { widgetDocs } from '../../../../../.storybook/docs/WidgetDocs.js';
import { seedOncePerRole } from '../../../../../.storybook/seed-once.js';
import { STORY_TIMEOUT, storyCheck, widgetStories } from '../../../../../.storybook/widget-stories.js';
import { AutomationRules } from './index.js';

/**
 * Runs the club's welcome rule for three active members (once per sandbox: the same occurrence runs once per record)
 * and lets the server's job tick run their steps: real runs of the in-browser reference server for the run log.
 */
const welcomeRuns = seedOncePerRole(async ({ sandbox, admin }) => {
  const members = (await admin.contacts.list({ filter: { lifecycleStage: 'active' }, limit: 3 })).data;
  if (!members.length) return;
  await admin.automationRules.run('rul_fit_welcome', { recordIds: members.map((m) => m.id), occurrence: 'story' });
  await sandbox.server.automation.tick();
});

/** The name of the rule {@link everyStep} writes. */
const EVERY_STEP = 'Plan check: every kind of step';

/**
 * Writes a rule with every kind of step the editor has a form for (a wait window, a branch with a field update and a
 * new deal, a webhook, a team's task), once per sandbox, for the editor's stories.
 */
const everyStep = seedOncePerRole(async ({ admin }) => {
  const rules = (await admin.automationRules.list({ q: 'Plan check', limit: 10 })).data;
  if (rules.some((r) => r.name === EVERY_STEP)) return;
  const hook = await admin.webhookSubscriptions.create({
    url: 'https://hooks.example.com/member-app',
    description: 'Member app',
    // Switched off: the page's server delivers nothing to a host that does not exist.
    enabled: false,
    eventTypes: ['automation.run.completed'],
  });
  const team = (await admin.teams.list({ limit: 1 })).data[0];
  const pipeline = (await admin.pipelines.list({ limit: 10 })).data.find((p) => p.name === 'Renewals');
  await admin.automationRules.create({
    name: EVERY_STEP,
    resource: 'contacts',
    trigger: { type: 'event', events: ['contact.updated'], changed: ['lifecycleStage'] },
    steps: [
      { type: 'delay', minutes: 120, until: { time: '10:00', zone: 'contact', weekdays: [1, 2, 3, 4, 5] } },
      {
        type: 'branch',
        if: { field: 'customFields.membershipPlan', op: 'eq', value: 'vip' },
        yes: [{ type: 'update_field', field: 'customFields.packageBalance', value: 500_000 }],
        no: pipeline
          ? [
              {
                type: 'create_deal',
                pipelineId: pipeline.id,
                name: 'Upgrade – {{contact.firstName}}',
                amount: 1_500_000,
              },
            ]
          : [],
      },
      { type: 'webhook', subscriptionId: hook.id },
      {
        type: 'create_task',
        kind: 'task',
        subject: 'Check the plan',
        dueInMinutes: 0,
        assignee: team ? { type: 'round_robin', teamId: team.id } : { type: 'owner' },
      },
    ],
  });
});

/** The name of the rule {@link byHand} writes. */
const BY_HAND = 'Lapsed members: a call, by hand';

/** Writes a rule run by hand (a call task for lapsed members), once per sandbox, for the "Run now" story. */
const byHand = seedOncePerRole(async ({ admin }) => {
  const rules = (await admin.automationRules.list({ q: 'by hand', limit: 10 })).data;
  if (rules.some((r) => r.name === BY_HAND)) return;
  await admin.automationRules.create({
    name: BY_HAND,
    resource: 'contacts',
    trigger: { type: 'manual' },
    steps: [
      {
        type: 'create_task',
        kind: 'task',
        subject: 'Call {{contact.firstName}}: how can we win you back?',
        dueInMinutes: 24 * 60,
        assignee: { type: 'owner' },
      },
    ],
  });
});

/** Opens the rule editor on `name` from the list; returns the dialog. */
async function openEditor(context: Parameters<NonNullable<Story['play']>>[0], name: string) {
  const { canvas, t } = storyCheck(context);
  const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
  const row = await within(list).findByRole('listitem', { name }, { timeout: STORY_TIMEOUT });
  // The row shows before the caller's permissions have loaded; its Edit button comes with them.
  await userEvent.click(
    await within(row).findByRole('button', { name: t('rules.edit', { name }) }, { timeout: STORY_TIMEOUT }),
  );
  return within(context.canvasElement.ownerDocument.body).findByRole(
    'dialog',
    { name: t('ruleEditor.editTitle', { name }) },
    { timeout: STORY_TIMEOUT },
  );
}

const meta = {
  title: 'Widgets/AutomationRules',
  component: AutomationRules,
  tags: ['autodocs'],
  args: { onOpenRecord: fn() },
  loaders: [welcomeRuns, everyStep, byHand],
  // The fitness club's touch plan: twelve rules, by configuration only.
  parameters: {
    crmkit: { seed: 'fitness' },
    docs: widgetDocs({
      name: 'AutomationRules',
      component: AutomationRules,
      // The list, and the rule editor's dialog, fields and the condition rows' menus.
      parts: [...new Set(['automationRules', ...LIST_PARTS] as const)],
      keyboard: [
        ['Tab', 'To a rule’s switch, then its run log button'],
        ['Space', 'On a switch: turns the rule on or off'],
        ['Enter, Space', 'On Run log: opens or closes the rule’s runs; on a run’s steps button, its steps'],
        ['Arrow Down, Arrow Up, Home, End', 'From one rule to the next, the previous, the first, the last'],
      ],
    }),
  },
  decorators: [(Story) => <div style={{ maxWidth: 760 }}>{Story()}</div>],
} satisfies Meta<typeof AutomationRules>;
export default meta;
type Story = StoryObj<typeof meta>;

const stories = widgetStories({
  data: 'GET /v1/automation-rules',
  ready: async ({ canvas, t }) => {
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    await within(list).findByRole('listitem', { name: 'Birthday greeting' }, { timeout: STORY_TIMEOUT });
    return list;
  },
  localized: async ({ canvas, t }) => {
    const rule = canvas.getByRole('listitem', { name: 'Birthday greeting' });
    await expect(within(rule).getByText(t('rules.failures', { count: 0 }))).toBeVisible();
  },
  loading: ({ canvas, t }) => canvas.findByRole('status', { name: t('state.loading') }, { timeout: STORY_TIMEOUT }),
  empty: ({ t }) => t('rules.empty'),
});

/**
 * The club's touch plan, each rule in words. The play function opens the welcome rule's run log and a run's steps.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    const welcome = await within(list).findByRole(
      'listitem',
      { name: 'Welcome on joining' },
      { timeout: STORY_TIMEOUT },
    );
    await userEvent.click(
      within(welcome).getByRole('button', { name: t('rules.showLog', { name: 'Welcome on joining' }) }),
    );
    const runs = await within(welcome).findByRole(
      'list',
      { name: t('rules.log', { name: 'Welcome on joining' }) },
      { timeout: STORY_TIMEOUT },
    );
    const [run] = await within(runs).findAllByRole('listitem', {}, { timeout: STORY_TIMEOUT });
    await userEvent.click(within(run!).getByRole('button', { name: /./, expanded: false }));
    await within(run!).findByRole('list', {}, { timeout: STORY_TIMEOUT });
  },
};

/** The birthday greeting's dry run: who it would greet in the next 30 days, nothing sent. */
export const Preview: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    const birthday = await within(list).findByRole(
      'listitem',
      { name: 'Birthday greeting' },
      { timeout: STORY_TIMEOUT },
    );
    await userEvent.click(
      within(birthday).getByRole('button', { name: t('rules.showPreview', { name: 'Birthday greeting' }) }),
    );
    await within(birthday).findByRole(
      'list',
      { name: t('rules.preview.title', { days: 30 }) },
      { timeout: STORY_TIMEOUT },
    );
  },
};

/** The rule editor open on the birthday greeting: its date trigger, conditions and steps, as the form shows them. */
export const Editor: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    const birthday = await within(list).findByRole(
      'listitem',
      { name: 'Birthday greeting' },
      { timeout: STORY_TIMEOUT },
    );
    await userEvent.click(
      await within(birthday).findByRole(
        'button',
        { name: t('rules.edit', { name: 'Birthday greeting' }) },
        { timeout: STORY_TIMEOUT },
      ),
    );
    const page = within(context.canvasElement.ownerDocument.body);
    const editor = await page.findByRole(
      'dialog',
      { name: t('ruleEditor.editTitle', { name: 'Birthday greeting' }) },
      { timeout: STORY_TIMEOUT },
    );
    await within(editor).findByRole('group', { name: t('ruleEditor.steps') }, { timeout: STORY_TIMEOUT });
  },
};

/**
 * The editor's forms for every kind of step: a wait until a weekday window in the contact's time zone, a branch (its
 * condition in the shared filter editor, a field update if yes, a new deal if no), a webhook endpoint, a task for a
 * team in turn; the trigger starts only when the lifecycle stage changed.
 */
export const EditorEveryStep: Story = {
  play: async (context) => {
    const { t } = storyCheck(context);
    const editor = await openEditor(context, EVERY_STEP);
    const branch = await within(editor).findByRole(
      'group',
      { name: t('ruleEditor.step', { n: 2, kind: t('ruleEditor.kind.branch') }) },
      { timeout: STORY_TIMEOUT },
    );
    await within(branch).findByRole('group', { name: t('ruleEditor.branch.yes') });
    await within(branch).findByRole('group', { name: t('ruleEditor.branch.no') });
  },
};

/** What a new rule lacks is said on its fields before anything is sent: a branch without a condition, no endpoint. */
export const EditorMissing: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    await userEvent.click(await canvas.findByRole('button', { name: t('rules.newRule') }, { timeout: STORY_TIMEOUT }));
    const page = within(context.canvasElement.ownerDocument.body);
    const editor = await page.findByRole('dialog', { name: t('ruleEditor.newTitle') }, { timeout: STORY_TIMEOUT });
    await userEvent.type(within(editor).getByRole('textbox', { name: new RegExp(t('ruleEditor.name')) }), 'Draft');
    for (const kind of ['branch', 'webhook'] as const) {
      // The rule's own list is the last "Kind of step" (a branch has its own two).
      await userEvent.selectOptions(
        within(editor)
          .getAllByRole('combobox', { name: t('ruleEditor.newStepKind') })
          .at(-1)!,
        t(`ruleEditor.kind.${kind}`),
      );
      await userEvent.click(
        within(editor)
          .getAllByRole('button', { name: t('ruleEditor.addStep') })
          .at(-1)!,
      );
    }
    await userEvent.click(within(editor).getByRole('button', { name: t('ruleEditor.save') }));
    await within(editor).findByText(t('ruleEditor.needsCondition'));
    await within(editor).findByText(t('ruleEditor.chooseWebhook'));
  },
};

/** The preview for one member: found by name, the steps the rule would take for them and when, nothing done. */
export const PreviewForAMember: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    const row = await within(list).findByRole('listitem', { name: EVERY_STEP }, { timeout: STORY_TIMEOUT });
    await userEvent.click(within(row).getByRole('button', { name: t('rules.showPreview', { name: EVERY_STEP }) }));
    const find = await within(row).findByRole('searchbox', {}, { timeout: STORY_TIMEOUT });
    await userEvent.type(find, 'Nguyễn');
    const found = await within(row).findByRole('list', { name: t('rulePreview.found') }, { timeout: STORY_TIMEOUT });
    const [first] = await within(found).findAllByRole('button', {}, { timeout: STORY_TIMEOUT });
    await userEvent.click(first!);
    await waitFor(() => expect(within(row).getAllByRole('time').length).toBeGreaterThan(1), {
      timeout: STORY_TIMEOUT,
    });
  },
};

/** "Run now" on a rule run by hand: a member found by name, chosen, run; for whom it started. */
export const RunNow: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const page = within(document.body);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    const row = await within(list).findByRole('listitem', { name: BY_HAND }, { timeout: STORY_TIMEOUT });
    await userEvent.click(await within(row).findByRole('button', { name: t('rules.runNow', { name: BY_HAND }) }));
    const run = await page.findByRole(
      'dialog',
      { name: t('ruleRun.title', { name: BY_HAND }) },
      { timeout: STORY_TIMEOUT },
    );
    await userEvent.type(await within(run).findByRole('searchbox', {}, { timeout: STORY_TIMEOUT }), 'Nguyễn');
    const [first] = await within(run).findAllByRole('checkbox', {}, { timeout: STORY_TIMEOUT });
    await userEvent.click(first!);
    await userEvent.click(within(run).getByRole('button', { name: t('ruleRun.run') }));
    await within(run).findByText(t('ruleRun.started', { count: 1 }), {}, { timeout: STORY_TIMEOUT });
  },
};

/** Viewers read the rules and their runs: no switches. */
export const Viewer: Story = {
  globals: { role: 'viewer' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const list = await canvas.findByRole('list', { name: t('rules.title') }, { timeout: STORY_TIMEOUT });
    await within(list).findByRole('listitem', { name: 'Birthday greeting' }, { timeout: STORY_TIMEOUT });
    await expect(within(list).queryByRole('switch')).toBeNull();
  },
};

/** Vietnamese: each rule in Vietnamese, with the club's Vietnamese field labels. */
export const Vietnamese: Story = stories.locale('vi-VN');

/** Thai. */
export const Thai: Story = stories.locale('th-TH');

export const Dark: Story = stories.theme('dark');

export const HighContrast: Story = stories.theme('high-contrast');

/** No rules yet. */
export const Empty: Story = stories.state('empty');

/** While the rules load. */
export const Loading: Story = stories.state('loading');

/** The server fails: the error, its reference and a retry. */
export const ErrorState: Story = stories.state('error');

/** The caller may not read the rules. */
export const Forbidden: Story = stories.state('forbidden');
