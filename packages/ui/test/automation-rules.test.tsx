import type { CrmClient } from '@crmkit/client';
import { type Sandbox, startSandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AutomationRules } from '../src/widgets/automation-rules/index.js';
import { renderUi, sandbox } from './harness.js';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const list = () => screen.findByRole('list', { name: 'Automation rules' }, { timeout: 15_000 });
const rule = async (name: string) => within(await list()).findByRole('listitem', { name });
const problem = (status: number, title: string) =>
  Promise.resolve(
    new Response(JSON.stringify({ type: 'about:blank', title, status }), {
      status,
      headers: { 'content-type': 'application/problem+json' },
    }),
  );

describe('AutomationRules', () => {
  it('lists the club’s rules in words, with their state and counts; axe clean', async () => {
    const { container } = await renderUi(<AutomationRules />, { client: (await sandbox('fitness')).client() });
    const birthday = await rule('Birthday greeting');
    expect(
      within(birthday).getByText(
        'On the birthday at 9:00 AM, every year, if lifecycle stage is Active or Loyal → send an SMS',
      ),
    ).toBeTruthy();
    expect(
      within(birthday).getByRole('switch', { name: 'Enabled: Birthday greeting' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect(within(birthday).getByText('Not run yet')).toBeTruthy();
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(12);
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('speaks Vietnamese, summaries included', async () => {
    await renderUi(<AutomationRules />, { client: (await sandbox('fitness')).client(), locale: 'vi-VN' });
    const ul = await screen.findByRole('list', { name: 'Quy tắc tự động' }, { timeout: 15_000 });
    const birthday = within(ul).getByRole('listitem', { name: 'Birthday greeting' });
    expect(within(birthday).getByRole('switch', { name: 'Bật: Birthday greeting' })).toBeTruthy();
    expect(within(birthday).getByText(/^Vào ngày sinh, lúc 9:00, hằng năm/)).toBeTruthy();
  });

  it('is read-only for a viewer', async () => {
    const { container } = await renderUi(<AutomationRules />, {
      client: (await sandbox('fitness')).client({ role: 'viewer' }),
    });
    const welcome = await rule('Welcome on joining');
    expect(within(welcome).queryByRole('switch')).toBeNull();
    expect(within(welcome).getByText('On')).toBeTruthy();
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('previews who a rule would enrol in the next 30 days, writing nothing', async () => {
    const user = userEvent.setup();
    const crm = (await sandbox('fitness')).client({ role: 'viewer' });
    const expected = await crm.automationRules.dryRun('rul_fit_birthday', { days: 30 });
    const before = (await crm.automationRules.get('rul_fit_birthday')).stats.runs;
    await renderUi(<AutomationRules />, { client: crm });
    const birthday = await rule('Birthday greeting');
    await user.click(within(birthday).getByRole('button', { name: 'Preview: Birthday greeting' }));
    const title = 'Who would enrol in the next 30 days (nothing is done)';
    if (expected.upcoming.length) {
      const upcoming = await within(birthday).findByRole('list', { name: title }, { timeout: 15_000 });
      expect(
        within(upcoming)
          .getAllByRole('listitem')
          .map((li) => li.firstChild?.textContent),
      ).toEqual(expected.upcoming.map((u) => u.name));
    } else {
      await within(birthday).findByRole(
        'status',
        { name: 'Nobody would enrol in the next 30 days' },
        { timeout: 15_000 },
      );
    }
    expect((await crm.automationRules.get('rul_fit_birthday')).stats.runs).toBe(before);
  });

  it('says so on a server without automation', async () => {
    const core = await startSandbox({ capabilities: { automation: false } });
    try {
      await renderUi(<AutomationRules />, { client: core.client() });
      expect(
        await screen.findByRole('status', { name: 'Automation is not available' }, { timeout: 15_000 }),
      ).toBeTruthy();
      expect(screen.queryByRole('list')).toBeNull();
    } finally {
      await core.close();
    }
  });
});

describe('AutomationRules on a rule of its own', () => {
  let s: Sandbox;
  let crm: CrmClient;
  /** The server's and the widget's clock, moved on by the test. */
  let now = new Date('2030-06-15T03:00:00Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    s = await startSandbox({ clock });
    crm = s.client();
    return () => s.close();
  });

  it('switches a rule off and on: at once, saved, announced', async () => {
    const user = userEvent.setup();
    const created = await crm.automationRules.create({
      name: 'Tag new contacts',
      resource: 'contacts',
      trigger: { type: 'event', events: ['contact.created'] },
      steps: [{ type: 'add_tag', tag: 'new' }],
    });
    await renderUi(<AutomationRules />, { client: crm, now: clock.now });
    const row = await rule('Tag new contacts');
    expect(within(row).getByText('When a contact is created → add the tag “new”')).toBeTruthy();
    const toggle = within(row).getByRole('switch', { name: 'Enabled: Tag new contacts' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    await waitFor(async () => expect((await crm.automationRules.get(created.id)).enabled).toBe(false));
    await waitFor(() =>
      expect(document.querySelector('[role="status"][aria-live="polite"]')?.textContent).toContain(
        'Tag new contacts is off',
      ),
    );
    toggle.focus();
    await user.keyboard(' ');
    await waitFor(async () => expect((await crm.automationRules.get(created.id)).enabled).toBe(true));
    expect(document.activeElement).toBe(toggle);
    await crm.automationRules.remove(created.id);
  });

  it('puts the switch back and says why when the server refuses', async () => {
    const user = userEvent.setup();
    const created = await crm.automationRules.create({
      name: 'Refused switch',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'add_tag', tag: 'x' }],
    });
    const client = s.client({
      retry: false,
      fetch: (input, init) => (init.method === 'PATCH' ? problem(403, 'Forbidden') : s.fetch(input, init)),
    });
    await renderUi(<AutomationRules />, { client, now: clock.now });
    const toggle = within(await rule('Refused switch')).getByRole('switch', { name: 'Enabled: Refused switch' });
    await user.click(toggle);
    expect(
      await screen.findByText('You may not switch rules on or off: the rule is as it was.', {}, { timeout: 15_000 }),
    ).toBeTruthy();
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect((await crm.automationRules.get(created.id)).enabled).toBe(true);
    await crm.automationRules.remove(created.id);
  });

  it('shows the run log by outcome, live, each run opening to its steps and attempts', async () => {
    const user = userEvent.setup();
    const hook = await crm.webhookSubscriptions.create({ url: 'http://127.0.0.1:9/never', eventTypes: [] });
    const created = await crm.automationRules.create({
      name: 'Tag, then call a hook',
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [
        { type: 'add_tag', tag: 'hooked' },
        { type: 'webhook', subscriptionId: hook.id },
      ],
    });
    const lan = await crm.contacts.create({ firstName: 'Lan', lastName: 'Nguyễn' });
    await crm.automationRules.run(created.id, { recordIds: [lan.id] });
    await s.server.automation.tick();
    const onOpenRecord = vi.fn();
    let feedOpen = false;
    const live = s.client({
      fetch: async (input, init) => {
        const response = await s.fetch(input, init);
        if (new URL(input).pathname === '/v1/events') feedOpen = true;
        return response;
      },
    });
    await renderUi(<AutomationRules onOpenRecord={onOpenRecord} />, { client: live, now: clock.now, live: true });
    const row = await rule('Tag, then call a hook');
    await user.click(within(row).getByRole('button', { name: 'Run log: Tag, then call a hook' }));
    const log = await within(row).findByRole('list', { name: 'Runs of Tag, then call a hook' }, { timeout: 15_000 });
    const first = await within(log).findByRole('listitem', { name: 'Nguyễn Lan' });
    expect(within(first).getByText('Completed')).toBeTruthy();
    await user.click(within(first).getByRole('button', { name: 'Nguyễn Lan' }));
    expect(onOpenRecord).toHaveBeenCalledWith(
      { resource: 'contacts', id: lan.id },
      expect.objectContaining({ status: 'completed' }),
    );
    await user.click(within(first).getByRole('button', { name: /^Steps: Nguyễn Lan, / }));
    const steps = await within(first).findByRole('list', { name: 'Nguyễn Lan' }, { timeout: 15_000 });
    expect(within(steps).getByText('Add a tag')).toBeTruthy();
    expect(within(steps).getByText('Call a webhook')).toBeTruthy();

    // The subscription goes after the rule was saved: the hook step retries with backoff, then fails the run.
    await waitFor(() => expect(feedOpen).toBe(true));
    await s.db.query('DELETE FROM webhook_subscriptions WHERE id = $1', [hook.id]);
    const minh = await crm.contacts.create({ firstName: 'Minh', lastName: 'Trần' });
    await crm.automationRules.run(created.id, { recordIds: [minh.id] });
    for (let i = 0; i < 8; i++) {
      await s.server.automation.tick();
      now = new Date(now.getTime() + 7 * 3600_000);
    }
    // It arrives through the change feed, and the rule's counts follow.
    const failed = await within(log).findByRole('listitem', { name: 'Trần Minh' }, { timeout: 15_000 });
    expect(within(failed).getByText('Failed')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('1 failure')).toBeTruthy(), { timeout: 15_000 });
    await user.click(within(failed).getByRole('button', { name: /^Steps: Trần Minh, / }));
    const attempts = await within(failed).findByRole('list', { name: 'Trần Minh' }, { timeout: 15_000 });
    expect(within(attempts).getAllByText('Will retry')).toHaveLength(4);
    expect(within(attempts).getByText('Attempt 5')).toBeTruthy();

    const outcomes = within(row).getByRole('group', { name: 'Show runs' });
    await user.click(within(outcomes).getByRole('button', { name: 'Failed' }));
    const failures = () =>
      within(row).findByRole('list', { name: 'Runs of Tag, then call a hook' }, { timeout: 15_000 });
    await waitFor(async () =>
      expect(within(await failures()).queryByRole('listitem', { name: 'Nguyễn Lan' })).toBeNull(),
    );
    expect(within(await failures()).getByRole('listitem', { name: 'Trần Minh' })).toBeTruthy();
    await user.click(within(outcomes).getByRole('button', { name: 'Cancelled' }));
    expect(
      await within(row).findByRole('status', { name: 'No runs with this outcome' }, { timeout: 15_000 }),
    ).toBeTruthy();
  });
});
