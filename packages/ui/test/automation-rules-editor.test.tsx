import type { CrmClient } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Automation rules' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name }, { timeout: 15_000 });
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name }, { timeout: 15_000 });

describe('AutomationRules’ rule editor', () => {
  let crm: CrmClient;
  beforeAll(async () => {
    crm = (await sandbox('fitness')).client();
  });

  it('creates a rule by keyboard: stored as built, listed with its summary, focus back on "New rule"', async () => {
    const user = userEvent.setup();
    const { container } = await renderUi(<AutomationRules />, { client: crm });
    await list();
    const create = screen.getByRole('button', { name: 'New rule' });
    create.focus();
    await user.keyboard('{Enter}');
    const editor = await dialog('New automation rule');
    const name = within(editor).getByRole('textbox', { name: /Name/ });
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard('Welcome task');
    // Trigger: a contact is created (the default event); add "Create a task", then "Add a tag".
    const kind = within(editor).getByRole('combobox', { name: 'Kind of step' });
    await user.selectOptions(kind, 'Create a task');
    within(editor).getByRole('button', { name: 'Add step' }).focus();
    await user.keyboard('{Enter}');
    // Focus moves to the new step's first field (its kind); its title is next.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(within(editor).getByRole('group', { name: 'Step 1: Create a task' })).getByRole('combobox', {
          name: 'Kind',
        }),
      ),
    );
    await user.tab();
    expect(document.activeElement).toBe(within(editor).getByRole('textbox', { name: /Task title/ }));
    await user.keyboard('Call to welcome');
    await user.selectOptions(kind, 'Add a tag');
    within(editor).getByRole('button', { name: 'Add step' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(within(editor).getByRole('textbox', { name: /Tag/ })));
    await user.keyboard('welcomed');
    // Reorder by keyboard: the tag first.
    within(editor).getByRole('button', { name: 'Move step 2 up' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(within(editor).getByRole('button', { name: 'Move step 1 down' }));
    expect(within(editor).getByRole('group', { name: 'Step 1: Add a tag' })).toBeTruthy();
    expect((await axe.run(editor)).violations.map((v) => v.id)).toEqual([]);
    within(editor).getByRole('button', { name: 'Save rule' }).focus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });
    expect(document.activeElement).toBe(create);
    const stored = (await crm.automationRules.list({ limit: 100 })).data.find((r) => r.name === 'Welcome task');
    expect(stored).toMatchObject({
      resource: 'contacts',
      trigger: { type: 'event', events: ['contact.created'] },
      conditions: null,
      steps: [
        { type: 'add_tag', tag: 'welcomed' },
        {
          type: 'create_task',
          kind: 'task',
          subject: 'Call to welcome',
          dueInMinutes: 0,
          assignee: { type: 'owner' },
        },
      ],
    });
    const row = await rule('Welcome task');
    expect(
      within(row).getByText('When a contact is created → add the tag “welcomed”, then create a task for the owner'),
    ).toBeTruthy();
    expect((await axe.run(container)).violations.map((v) => v.id)).toEqual([]);
  });

  it('edits a rule: its date trigger and name, keeping what the form does not change', async () => {
    const user = userEvent.setup();
    const before = await crm.automationRules.get('rul_fit_birthday');
    await renderUi(<AutomationRules />, { client: crm });
    const row = await rule('Birthday greeting');
    const edit = within(row).getByRole('button', { name: 'Edit: Birthday greeting' });
    await user.click(edit);
    const editor = await dialog('Edit rule: Birthday greeting');
    expect(within(editor).getByRole('combobox', { name: 'Starts' })).toHaveProperty('value', 'date');
    expect(within(editor).getByRole('checkbox', { name: /Every year/ })).toHaveProperty('checked', true);
    const name = within(editor).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Birthday wishes');
    const offset = within(editor).getByRole('textbox', { name: /Days after the date/ });
    await user.clear(offset);
    await user.type(offset, '-1');
    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });
    const after = await crm.automationRules.get('rul_fit_birthday');
    expect(after.name).toBe('Birthday wishes');
    expect(after.trigger).toEqual({ ...before.trigger, offsetDays: -1 });
    expect(after.conditions).toEqual(before.conditions);
    expect(after.steps).toEqual(before.steps);
    expect(document.activeElement).toBe(within(await rule('Birthday wishes')).getByRole('button', { name: /^Edit/ }));
  });

  it('says a task needs a title before anything is sent; Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    const count = (await crm.automationRules.list({ limit: 100 })).data.length;
    await renderUi(<AutomationRules />, { client: crm });
    await list();
    const create = screen.getByRole('button', { name: 'New rule' });
    await user.click(create);
    const editor = await dialog('New automation rule');
    await user.type(within(editor).getByRole('textbox', { name: /Name/ }), 'No title');
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Kind of step' }), 'Create a task');
    await user.click(within(editor).getByRole('button', { name: 'Add step' }));
    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));
    const title = within(editor).getByRole('textbox', { name: /Task title/ });
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'), { timeout: 15_000 });
    expect(within(editor).getByText('Fill this in.')).toBeTruthy();
    expect(within(editor).getByText('Not saved yet: some fields need attention.')).toBeTruthy();
    expect((await crm.automationRules.list({ limit: 100 })).data).toHaveLength(count);
    title.focus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(create);
  });

  it('asks keep mine / take theirs when someone else saved the rule meanwhile (412)', async () => {
    const user = userEvent.setup();
    const created = await crm.automationRules.create({
      name: 'Tag leads',
      resource: 'leads',
      trigger: { type: 'event', events: ['lead.created'] },
      steps: [{ type: 'add_tag', tag: 'new' }],
    });
    await renderUi(<AutomationRules />, { client: crm });
    await user.click(within(await rule('Tag leads')).getByRole('button', { name: 'Edit: Tag leads' }));
    const editor = await dialog('Edit rule: Tag leads');
    await crm.automationRules.update(created.id, { name: 'Tag every lead' });
    const name = within(editor).getByRole('textbox', { name: /Name/ });
    await user.clear(name);
    await user.type(name, 'Tag new leads');
    await user.click(within(editor).getByRole('button', { name: 'Save rule' }));
    const prompt = await screen.findByRole('alertdialog', { name: 'Someone else changed this' }, { timeout: 15_000 });
    await user.click(within(prompt).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });
    expect((await crm.automationRules.get(created.id)).name).toBe('Tag new leads');
  });

  it('deletes a rule after a confirmation; focus goes to "New rule"', async () => {
    const user = userEvent.setup();
    const created = await crm.automationRules.create({
      name: 'Short-lived',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'add_tag', tag: 'x' }],
    });
    await renderUi(<AutomationRules />, { client: crm });
    await user.click(within(await rule('Short-lived')).getByRole('button', { name: 'Edit: Short-lived' }));
    const editor = await dialog('Edit rule: Short-lived');
    await user.click(within(editor).getByRole('button', { name: 'Delete rule' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Short-lived?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15_000 });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New rule' })));
    await expect(crm.automationRules.get(created.id)).rejects.toMatchObject({ status: 404 });
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Automation rules' })).queryByRole('listitem', { name: 'Short-lived' }),
      ).toBeNull(),
    );
  });
});
