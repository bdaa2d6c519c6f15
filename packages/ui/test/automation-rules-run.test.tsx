import type { CrmClient } from '@crmkit/client';
import { contactName } from '@crmkit/react';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Automation rules' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name }, { timeout: 15_000 });
const dialog = (name: string) => screen.findByRole('dialog', { name }, { timeout: 15_000 });
const VIP = { field: 'customFields.membershipPlan', op: 'eq', value: 'vip' } as const;

describe('AutomationRules’ "Run now" for a rule run by hand', () => {
  let s: Sandbox;
  let crm: CrmClient;
  beforeAll(async () => {
    s = await sandbox('fitness');
    crm = s.client();
    await crm.automationRules.create({
      name: 'VIP thank-you',
      resource: 'contacts',
      trigger: { type: 'manual' },
      conditions: VIP,
      steps: [{ type: 'add_tag', tag: 'vip-thanked' }],
    });
  });

  it('runs on members found by name, by keyboard: says for whom it started and not, then opens the run log', async () => {
    const user = userEvent.setup();
    const [vip] = (await crm.contacts.search({ filter: VIP, limit: 1 })).data;
    const [other] = (await crm.contacts.search({ filter: { not: VIP }, limit: 1 })).data;
    const vipName = contactName(vip!);
    const otherName = contactName(other!);
    const { container } = await renderUi(<AutomationRules />, { client: crm });
    const row = await rule('VIP thank-you');
    // Only rules run by hand have it.
    expect(within(await rule('Birthday greeting')).queryByRole('button', { name: /^Run now/ })).toBeNull();
    within(row).getByRole('button', { name: 'Run now: VIP thank-you' }).focus();
    await user.keyboard('{Enter}');
    const run = await dialog('Run “VIP thank-you” now');
    // Focus on where records come from (search by name, chosen); Tab on to the search box.
    const bySearch = await within(run).findByRole('radio', { name: 'Search by name' });
    await waitFor(() => expect(document.activeElement).toBe(bySearch));
    await user.tab();
    const find = within(run).getByRole('searchbox', { name: 'Find a member by name' });
    expect(document.activeElement).toBe(find);
    for (const name of [vipName, otherName]) {
      await user.clear(find);
      await user.type(find, name);
      // The list of found ones is replaced when the search changes: look it up each time.
      const box = await waitFor(() =>
        within(within(run).getByRole('list', { name: 'Found' })).getByRole('checkbox', { name }),
      );
      box.focus();
      await user.keyboard(' ');
      expect((box as HTMLInputElement).checked).toBe(true);
    }
    const chosen = within(run).getByRole('list', { name: '2 chosen' });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([vipName, otherName]);
    expect((await axe.run(run)).violations.map((v) => v.id)).toEqual([]);
    within(run).getByRole('button', { name: 'Run now' }).focus();
    await user.keyboard('{Enter}');

    const started = await within(run).findByRole('list', { name: 'Started for 1' }, { timeout: 15_000 });
    expect(within(started).getByText(vipName)).toBeTruthy();
    const skipped = within(run).getByRole('list', {
      name: 'Not started for 1: not meeting the conditions, or already run',
    });
    expect(within(skipped).getByText(otherName)).toBeTruthy();
    const { data: runs } = await crm.automationRuns.list({ recordId: vip!.id });
    expect(runs.length).toBe(1);
    await s.server.automation.tick();
    expect((await crm.contacts.get(vip!.id)).tags).toContain('vip-thanked');
    expect((await crm.contacts.get(other!.id)).tags).not.toContain('vip-thanked');

    await user.click(within(run).getByRole('button', { name: 'Open the run log' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const log = within(row).getByRole('button', { name: 'Run log: VIP thank-you' });
    expect(log.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(log));
    const entries = await within(row).findByRole('list', { name: 'Runs of VIP thank-you' }, { timeout: 15_000 });
    expect(await within(entries).findByText(vipName, {}, { timeout: 15_000 })).toBeTruthy();
    expect((await axe.run(container)).violations.map((v) => v.id)).toEqual([]);
  });

  it('runs on the members of a saved segment', async () => {
    const user = userEvent.setup();
    const segment = await crm.segments.create({ name: 'VIP members', resource: 'contacts', filter: VIP });
    const members = (await crm.contacts.search({ filter: VIP, limit: 100 })).data;
    const ruleId = (await crm.automationRules.list({ q: 'VIP thank-you' })).data[0]!.id;
    const runsOf = async () => (await crm.automationRuns.list({ ruleId, limit: 200 })).data;
    const before = (await runsOf()).length;
    await renderUi(<AutomationRules />, { client: crm });
    await user.click(within(await rule('VIP thank-you')).getByRole('button', { name: 'Run now: VIP thank-you' }));
    const run = await dialog('Run “VIP thank-you” now');
    await user.click(await within(run).findByRole('radio', { name: 'A saved segment' }));
    await user.selectOptions(await within(run).findByRole('combobox', { name: 'Segment' }), segment.id);
    const n = Math.min(members.length, 100);
    await user.click(await within(run).findByRole('button', { name: `Add its ${n} members` }, { timeout: 15_000 }));
    expect(within(within(run).getByRole('list', { name: `${n} chosen` })).getAllByRole('listitem')).toHaveLength(n);
    await user.click(within(run).getByRole('button', { name: 'Run now' }));
    // Every member meets the conditions; a new "Run now" runs again for one run before (another occurrence).
    expect(await within(run).findByText(`Started for ${n}`, {}, { timeout: 15_000 })).toBeTruthy();
    expect((await runsOf()).length).toBe(before + n);
  });

  it('is not offered to those who may not run rules', async () => {
    await renderUi(<AutomationRules />, { client: s.client({ role: 'agent' }) });
    const row = await rule('VIP thank-you');
    expect(within(row).queryByRole('button', { name: /^Run now/ })).toBeNull();
  });
});
