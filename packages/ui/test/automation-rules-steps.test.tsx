import type { CrmClient } from '@crmkit/client';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Automation rules' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name }, { timeout: 15_000 });
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name }, { timeout: 15_000 });
const group = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('group', { name });
const combo = (scope: HTMLElement, name: string | RegExp) => within(scope).getByRole('combobox', { name });
const selected = (select: HTMLElement) => (select as HTMLSelectElement).selectedOptions[0]?.textContent;
/** Waits for a select's options to load (pipelines, teams, endpoints come from the server). */
const loaded = (select: HTMLElement) =>
  waitFor(() => expect(select.querySelectorAll('option').length).toBeGreaterThan(1), { timeout: 15_000 });
const closed = () => waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });

describe('AutomationRules’ rule editor: every kind of step', () => {
  let crm: CrmClient;
  let hookId: string;
  beforeAll(async () => {
    crm = (await sandbox('fitness')).client();
    hookId = (
      await crm.webhookSubscriptions.create({
        url: 'https://hooks.example.com/crm',
        description: 'Member app',
        // Switched off: nothing is delivered to a host that does not exist.
        enabled: false,
        eventTypes: ['automation.run.completed'],
      })
    ).id;
  });

  it('builds a wait window, a branch with steps on both sides, a webhook and a team task; stored as built, reopened the same', async () => {
    const user = userEvent.setup();
    await renderUi(<AutomationRules />, { client: crm });
    await list();
    await user.click(screen.getByRole('button', { name: 'New rule' }));
    const editor = await dialog('New automation rule');
    await user.type(within(editor).getByRole('textbox', { name: /Name/ }), 'Plan check');
    // Trigger: a member is updated, only when the lifecycle stage changed.
    const when = group(editor, 'When');
    await user.click(within(when).getByRole('checkbox', { name: /updated/ }));
    await user.click(within(when).getByRole('checkbox', { name: /created/ }));
    await user.selectOptions(combo(when, 'Only when one of these fields changed'), 'Lifecycle stage');
    expect(within(when).getByRole('list', { name: 'Values' }).textContent).toContain('Lifecycle stage');

    const add = async (kind: string, scope = editor) => {
      const lists = within(scope).getAllByRole('combobox', { name: 'Kind of step' });
      const buttons = within(scope).getAllByRole('button', { name: 'Add step' });
      await user.selectOptions(lists.at(-1)!, kind);
      await user.click(buttons.at(-1)!);
    };
    // 1. Wait 2 hours, then until 10:00 on a weekday in the workspace's zone.
    await add('Wait');
    const wait = group(editor, 'Step 1: Wait');
    const hours = within(wait).getByRole('textbox', { name: /Wait \(hours\)/ });
    await user.clear(hours);
    await user.type(hours, '2');
    await user.click(within(wait).getByRole('checkbox', { name: 'Then wait for a time window' }));
    const at = within(wait).getByLabelText(/^At/);
    fireEvent.change(at, { target: { value: '10:00' } });
    await user.selectOptions(combo(wait, 'Time zone'), 'The workspace’s');
    await user.click(within(wait).getByRole('checkbox', { name: 'Saturday' }));
    await user.click(within(wait).getByRole('checkbox', { name: 'Sunday' }));

    // 2. A branch: if the plan is VIP, set the PT package balance; otherwise open a renewal deal.
    await add('Branch');
    const branch = group(editor, 'Step 2: Branch');
    const condition = group(branch, 'If the record matches');
    await user.click(within(condition).getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(combo(group(condition, 'Condition 1'), 'Field'), 'Membership plan');
    const planRow = group(condition, 'Condition 1: Membership plan');
    await user.selectOptions(combo(planRow, 'Value'), 'VIP');
    const yes = group(branch, 'If yes');
    await add('Update a field', yes);
    const update = group(yes, 'Step 1: Update a field');
    await user.selectOptions(combo(update, /Field/), 'PT package balance');
    await user.type(within(update).getByRole('spinbutton', { name: 'New value' }), '500000');
    const no = group(branch, 'If no');
    await add('Open a deal', no);
    const deal = group(no, 'Step 1: Open a deal');
    await loaded(combo(deal, /Pipeline/));
    await user.selectOptions(combo(deal, /Pipeline/), 'Renewals');
    await user.selectOptions(combo(deal, 'Stage'), 'Offer sent');
    await user.type(within(deal).getByRole('textbox', { name: /Deal title/ }), 'Renew {{{{contact.firstName}}');
    await user.type(within(deal).getByRole('textbox', { name: /Amount \(VND\)/ }), '1500000');

    // 3. Call the webhook; 4. a task for the front desk, in turn.
    await add('Call a webhook');
    await loaded(combo(group(editor, 'Step 3: Call a webhook'), /Endpoint/));
    await user.selectOptions(combo(group(editor, 'Step 3: Call a webhook'), /Endpoint/), hookId);
    await add('Create a task');
    const task = group(editor, 'Step 4: Create a task');
    await user.type(within(task).getByRole('textbox', { name: /Task title/ }), 'Check the plan');
    await user.selectOptions(combo(task, 'Assign to'), 'The team, in turn');
    await loaded(combo(task, /Team/));
    await user.selectOptions(combo(task, /Team/), 'Front desk');
    expect((await axe.run(editor)).violations.map((v) => v.id)).toEqual([]);

    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));
    await closed();
    const stored = (await crm.automationRules.list({ limit: 100 })).data.find((r) => r.name === 'Plan check')!;
    expect(stored.trigger).toEqual({ type: 'event', events: ['contact.updated'], changed: ['lifecycleStage'] });
    const frontDesk = (await crm.teams.list({ limit: 10 })).data.find((t) => t.name === 'Front desk')!;
    expect(stored.steps).toEqual([
      { type: 'delay', minutes: 120, until: { time: '10:00', zone: 'workspace', weekdays: [1, 2, 3, 4, 5] } },
      {
        type: 'branch',
        if: { and: [{ field: 'customFields.membershipPlan', op: 'in', value: ['vip'] }] },
        yes: [{ type: 'update_field', field: 'customFields.packageBalance', value: 500000 }],
        no: [
          {
            type: 'create_deal',
            pipelineId: 'pip_fit_renewals',
            stageId: 'stg_fit_offer',
            name: 'Renew {{contact.firstName}}',
            amount: 1500000,
          },
        ],
      },
      { type: 'webhook', subscriptionId: hookId },
      {
        type: 'create_task',
        kind: 'task',
        subject: 'Check the plan',
        dueInMinutes: 0,
        assignee: { type: 'round_robin', teamId: frontDesk.id },
      },
    ]);

    // Reopened: every control shows what was stored.
    await user.click(within(await rule('Plan check')).getByRole('button', { name: 'Edit: Plan check' }));
    const again = await dialog('Edit rule: Plan check');
    expect(within(group(again, 'When')).getByRole('list', { name: 'Values' }).textContent).toContain('Lifecycle stage');
    const wait2 = group(again, 'Step 1: Wait');
    expect(within(wait2).getByRole('textbox', { name: /Wait \(hours\)/ })).toHaveProperty('value', '2');
    expect(within(wait2).getByLabelText(/^At/)).toHaveProperty('value', '10:00');
    expect(selected(combo(wait2, 'Time zone'))).toBe('The workspace’s');
    expect(within(wait2).getByRole('checkbox', { name: 'Sunday' })).toHaveProperty('checked', false);
    expect(within(wait2).getByRole('checkbox', { name: 'Monday' })).toHaveProperty('checked', true);
    const branch2 = group(again, 'Step 2: Branch');
    await waitFor(() =>
      expect(
        within(group(branch2, 'Condition 1: Membership plan')).getByRole('list', { name: 'Values' }).textContent,
      ).toContain('VIP'),
    );
    const update2 = group(group(branch2, 'If yes'), 'Step 1: Update a field');
    expect(selected(combo(update2, /Field/))).toBe('PT package balance');
    expect(within(update2).getByRole('spinbutton', { name: 'New value' })).toHaveProperty('value', '500000');
    const deal2 = group(group(branch2, 'If no'), 'Step 1: Open a deal');
    expect(selected(combo(deal2, /Pipeline/))).toBe('Renewals');
    expect(selected(combo(deal2, 'Stage'))).toBe('Offer sent');
    expect(within(deal2).getByRole('textbox', { name: /Amount/ })).toHaveProperty('value', '1500000');
    expect(selected(combo(group(again, 'Step 3: Call a webhook'), /Endpoint/))).toContain('hooks.example.com');
    expect(selected(combo(group(again, 'Step 4: Create a task'), /Team/))).toBe('Front desk');
    // Saved again unchanged: the same rule.
    await user.click(within(again).getByRole('button', { name: 'Save rule' }));
    await closed();
    expect((await crm.automationRules.get(stored.id)).steps).toEqual(stored.steps);
  });

  it('says what is missing before saving, on the field it is about, and sends nothing', async () => {
    const user = userEvent.setup();
    const count = (await crm.automationRules.list({ limit: 100 })).data.length;
    await renderUi(<AutomationRules />, { client: crm });
    await list();
    await user.click(screen.getByRole('button', { name: 'New rule' }));
    const editor = await dialog('New automation rule');
    await user.type(within(editor).getByRole('textbox', { name: /Name/ }), 'Incomplete');
    const kind = combo(editor, 'Kind of step');
    for (const k of ['Branch', 'Call a webhook', 'Assign']) {
      await user.selectOptions(kind, k);
      await user.click(within(editor).getAllByRole('button', { name: 'Add step' }).at(-1)!);
    }
    // A chosen user, then left blank.
    await user.selectOptions(combo(group(editor, 'Step 3: Assign'), 'Assign to'), 'A chosen user');
    await user.selectOptions(combo(group(editor, 'Step 3: Assign'), /User/), '');
    // An incomplete condition row in the branch.
    const condition = group(group(editor, 'Step 1: Branch'), 'If the record matches');
    await user.click(within(condition).getByRole('button', { name: 'Add condition' }));
    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));

    expect(within(editor).getByText('Not saved yet: some fields need attention.')).toBeTruthy();
    expect(within(group(editor, 'Step 1: Branch')).getByText('Give the branch a condition.')).toBeTruthy();
    expect(combo(group(editor, 'Step 2: Call a webhook'), /Endpoint/).getAttribute('aria-invalid')).toBe('true');
    expect(combo(group(editor, 'Step 3: Assign'), /User/).getAttribute('aria-invalid')).toBe('true');
    expect(within(condition).getByText('Complete this condition or remove it.')).toBeTruthy();
    expect((await crm.automationRules.list({ limit: 100 })).data).toHaveLength(count);
  });

  it('shows the server’s refusal inside a branch on the step it is about', async () => {
    const user = userEvent.setup();
    await crm.automationRules.create({
      name: 'Lead branch',
      resource: 'leads',
      trigger: { type: 'manual' },
      steps: [
        {
          type: 'branch',
          if: { field: 'status', op: 'eq', value: 'new' },
          yes: [{ type: 'add_tag', tag: 'x' }],
          no: [],
        },
      ],
    });
    await renderUi(<AutomationRules />, { client: crm });
    await user.click(within(await rule('Lead branch')).getByRole('button', { name: 'Edit: Lead branch' }));
    const editor = await dialog('Edit rule: Lead branch');
    const no = group(group(editor, 'Step 1: Branch'), 'If no');
    // Leads get no deals from a rule: the server says so, on the step in "If no".
    await user.selectOptions(combo(no, 'Kind of step'), 'Open a deal');
    await user.click(within(no).getByRole('button', { name: 'Add step' }));
    const deal = group(no, 'Step 1: Open a deal');
    await loaded(combo(deal, /Pipeline/));
    await user.selectOptions(combo(deal, /Pipeline/), 'Renewals');
    await user.type(within(deal).getByRole('textbox', { name: /Deal title/ }), 'Deal');
    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(within(deal).getByRole('alert').textContent).toContain('does not apply to leads'), {
      timeout: 15_000,
    });
  });
});
