import type { CrmClient } from '@crmkit/client';
import { contactName } from '@crmkit/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const list = () => screen.findByRole('list', { name: 'Automation rules' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name }, { timeout: 15_000 });

describe('AutomationRules’ preview for one record', () => {
  let crm: CrmClient;
  let ruleId: string;
  beforeAll(async () => {
    crm = (await sandbox('fitness')).client();
    ruleId = (
      await crm.automationRules.create({
        name: 'VIP check',
        resource: 'contacts',
        trigger: { type: 'manual' },
        steps: [
          { type: 'delay', minutes: 60, until: { time: '10:00', zone: 'workspace' } },
          {
            type: 'branch',
            if: { field: 'customFields.membershipPlan', op: 'eq', value: 'vip' },
            yes: [{ type: 'add_tag', tag: 'vip-check' }],
            no: [{ type: 'add_tag', tag: 'plan-check' }],
          },
          { type: 'add_tag', tag: 'checked' },
        ],
      })
    ).id;
  });

  it('finds a member by name and shows, in words, the steps the rule would take for them, when; nothing is written', async () => {
    const user = userEvent.setup();
    const vip = (
      await crm.contacts.search({ filter: { field: 'customFields.membershipPlan', op: 'eq', value: 'vip' }, limit: 1 })
    ).data[0]!;
    const name = contactName(vip);
    const expected = await crm.automationRules.dryRun(ruleId, { recordId: vip.id });
    const { container } = await renderUi(<AutomationRules />, { client: crm });
    const row = await rule('VIP check');
    await user.click(within(row).getByRole('button', { name: 'Preview: VIP check' }));
    const find = await within(row).findByRole('searchbox', { name: 'Find a member by name' }, { timeout: 15_000 });
    await user.type(find, vip.lastName ?? name);
    const found = await within(row).findByRole('list', { name: 'Found' }, { timeout: 15_000 });
    await user.click(await within(found).findByRole('button', { name }));

    const steps = await within(row).findByRole(
      'list',
      { name: `${name} meets the conditions. The rule would, nothing done now:` },
      { timeout: 15_000 },
    );
    const lines = within(steps).getAllByRole('listitem');
    expect(lines.map((li) => li.firstChild?.textContent)).toEqual([
      'after 1 hour, at the next 10:00 AM',
      'check whether membership plan is VIP: yes',
      'add the tag “vip-check”',
      'add the tag “checked”',
    ]);
    // Each step at the time the server computed.
    expect(lines.map((li) => li.querySelector('time')?.getAttribute('dateTime'))).toEqual(
      expected.steps.map((s) => s.at),
    );
    expect((await axe.run(container)).violations.map((v) => v.id)).toEqual([]);
    await waitFor(async () => expect((await crm.automationRules.get(ruleId)).stats.runs).toBe(0));
    expect((await crm.contacts.get(vip.id)).tags).not.toContain('vip-check');
  });
});
