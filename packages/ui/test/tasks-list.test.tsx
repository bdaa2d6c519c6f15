import type { CrmClient } from '@crmkit/client';
import { integrationClient, type Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server.browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CrmProvider } from '../src/index.js';
import { TasksList } from '../src/widgets/tasks-list/index.js';
import { renderUi as renderWithProvider, sandbox } from './harness.js';
import '../src/widgets/tasks-list/tasks-list.css';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
/** 10:00 on 15 June 2030 in Ho Chi Minh City (UTC+7), the provider's clock and zone here. */
const NOW = new Date('2030-06-15T03:00:00Z');
const renderUi = (ui: Parameters<typeof renderWithProvider>[0], props: Parameters<typeof renderWithProvider>[1] = {}) =>
  renderWithProvider(ui, { now: () => NOW, timeZone: 'Asia/Ho_Chi_Minh', ...props });
const list = () => screen.findByRole('list', { name: 'Tasks' }, { timeout: 15_000 });
const subjects = (ul: HTMLElement) =>
  within(ul)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.crm-tl-subject')?.textContent);

let s: Sandbox;
let crm: CrmClient;
let me: { id: string };
let contactId: string;

// Each test starts with no open task (earlier tests' are completed).
beforeEach(async () => {
  s = await sandbox();
  crm = s.client();
  me = (await crm.me.get()).user!;
  const open = await crm.activities.list({ filter: { completedAt: { isNull: true } }, limit: 100 });
  for (const a of open.data) await crm.activities.update(a.id, { completedAt: NOW.toISOString() });
  contactId = (await crm.contacts.create({ firstName: 'Lan' })).id;
});

const task = (subject: string, dueAt: string | null, assigneeId: string | null = me.id) =>
  crm.activities.create({ type: 'task', subject, dueAt, assigneeId, contactId });

describe('TasksList', () => {
  it('shows the caller’s open tasks by view, soonest first, today in the provider’s time zone; axe clean', async () => {
    const user = userEvent.setup();
    await task('Overdue call', '2030-06-15T01:00:00Z');
    await task('Later today', '2030-06-15T10:00:00Z');
    await task('Tomorrow 00:30', '2030-06-15T17:30:00Z');
    await task('Next week', '2030-06-22T02:00:00Z');
    await task('Not mine', '2030-06-15T02:00:00Z', null);
    const { container } = await renderUi(<TasksList />, { client: crm });
    expect(subjects(await list())).toEqual(['Overdue call', 'Later today', 'Tomorrow 00:30', 'Next week']);
    const overdue = within(await list()).getByRole('listitem', { name: 'Overdue call' });
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(within(overdue).getByText('Admin User')).toBeTruthy();
    expect(violations(await axe.run(container))).toEqual([]);

    const views = screen.getByRole('group', { name: 'Task views' });
    await user.click(within(views).getByRole('button', { name: 'Overdue' }));
    expect(within(views).getByRole('button', { name: 'Overdue' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect(subjects(await list())).toEqual(['Overdue call']));
    await user.click(within(views).getByRole('button', { name: 'Today' }));
    await waitFor(async () => expect(subjects(await list())).toEqual(['Overdue call', 'Later today']));
    await user.click(within(views).getByRole('button', { name: 'Upcoming' }));
    await waitFor(async () => expect(subjects(await list())).toEqual(['Tomorrow 00:30', 'Next week']));
  });

  it('completes a task (persisted), keeping focus in the list as it leaves; arrows move between tasks', async () => {
    const user = userEvent.setup();
    const first = await task('Send the contract', '2030-06-15T04:00:00Z');
    await task('Book the demo', '2030-06-15T05:00:00Z');
    await task('Call the CFO', '2030-06-15T06:00:00Z');
    await renderUi(<TasksList />, { client: crm });
    const ul = await list();
    within(ul).getByRole('checkbox', { name: 'Complete: Send the contract' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(within(ul).getByRole('checkbox', { name: 'Complete: Book the demo' }));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(ul).getByRole('checkbox', { name: 'Complete: Call the CFO' }));
    await user.keyboard('{Home}');
    await user.keyboard(' ');
    await waitFor(async () => expect((await crm.activities.get(first.id)).completedAt).not.toBeNull());
    await waitFor(() => expect(subjects(ul)).toEqual(['Book the demo', 'Call the CFO']));
    expect(document.activeElement).toBe(within(ul).getByRole('checkbox', { name: 'Complete: Book the demo' }));
  });

  it('snoozes to tomorrow 9:00 local and reassigns (both persisted), announcing each', async () => {
    const user = userEvent.setup();
    const a = await task('Follow up on the quote', '2030-06-15T02:00:00Z');
    const b = await task('Prepare the renewal', '2030-06-15T08:00:00Z');
    await renderUi(<TasksList defaultView="today" />, { client: crm });
    const ul = await list();
    await user.click(within(ul).getByRole('button', { name: 'Snooze: Follow up on the quote' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Tomorrow, 9:00' }));
    // 9:00 on 16 June in Ho Chi Minh City.
    await waitFor(async () => expect((await crm.activities.get(a.id)).dueAt).toBe('2030-06-16T02:00:00.000Z'));
    await waitFor(() => expect(subjects(ul)).toEqual(['Prepare the renewal']));
    expect(await screen.findByText(/^Snoozed until/)).toBeTruthy();

    await user.click(within(ul).getByRole('button', { name: 'Reassign: Prepare the renewal' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitem', { name: /Viewer/ })).toBeNull();
    await user.click(within(menu).getByRole('menuitem', { name: 'Agent User' }));
    const agent = (await s.client({ role: 'agent' }).me.get()).user!;
    await waitFor(async () => expect((await crm.activities.get(b.id)).assigneeId).toBe(agent.id));
    await screen.findByRole('status', { name: 'Nothing due today' }, { timeout: 15_000 });
  });

  it("shows a record's tasks, live, and opens the record", async () => {
    const user = userEvent.setup();
    await task('First', '2030-06-16T02:00:00Z', null);
    let feedOpen = false;
    const live = s.client({
      fetch: async (input, init) => {
        const response = await s.fetch(input, init);
        if (new URL(input).pathname === '/v1/events') feedOpen = true;
        return response;
      },
    });
    const onOpenRecord = vi.fn();
    await renderUi(<TasksList contactId={contactId} onOpenRecord={onOpenRecord} />, { client: live, live: true });
    expect(subjects(await list())).toEqual(['First']);
    await waitFor(() => expect(feedOpen).toBe(true));
    await s.client({ role: 'agent' }).activities.create({
      type: 'task',
      subject: 'Added by an agent',
      dueAt: '2030-06-17T02:00:00Z',
      contactId,
    });
    await waitFor(async () => expect(subjects(await list())).toEqual(['First', 'Added by an agent']), {
      timeout: 15_000,
    });
    await user.click(screen.getByRole('button', { name: 'Open the record: First' }));
    expect(onOpenRecord).toHaveBeenCalledWith(
      { resource: 'contacts', id: contactId },
      expect.objectContaining({ subject: 'First' }),
    );
  });

  it('shows an error with a retry that recovers', async () => {
    const user = userEvent.setup();
    await task('After the outage', '2030-06-16T02:00:00Z');
    let down = true;
    const client = s.client({
      retry: false,
      fetch: (input, init) =>
        down && new URL(input).pathname === '/v1/activities'
          ? Promise.resolve(
              new Response('{"title":"Down"}', {
                status: 503,
                headers: { 'content-type': 'application/problem+json' },
              }),
            )
          : s.fetch(input, init),
    });
    await renderUi(<TasksList />, { client });
    const alert = await screen.findByRole('alert', { name: 'Something went wrong' }, { timeout: 15_000 });
    down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(subjects(await list())).toEqual(['After the outage']);
  });

  it('says so when the server refuses a change, and shows the task as it was', async () => {
    const user = userEvent.setup();
    const a = await task('Renew the membership', '2030-06-15T02:00:00Z');
    const client = s.client({
      retry: false,
      fetch: (input, init) =>
        init.method === 'PATCH'
          ? Promise.resolve(
              new Response('{"title":"Down"}', {
                status: 503,
                headers: { 'content-type': 'application/problem+json' },
              }),
            )
          : s.fetch(input, init),
    });
    await renderUi(<TasksList />, { client });
    const ul = await list();
    await user.click(within(ul).getByRole('checkbox', { name: 'Complete: Renew the membership' }));
    expect(await screen.findByText('The change was not saved: the task is as it was. Please try again.')).toBeTruthy();
    await waitFor(() =>
      expect(
        (within(ul).getByRole('checkbox', { name: 'Complete: Renew the membership' }) as HTMLInputElement).checked,
      ).toBe(false),
    );
    expect((await crm.activities.get(a.id)).completedAt).toBeNull();
  });

  it('asks for a user in "Mine" when the key acts for no user; the other views list everyone’s tasks', async () => {
    const user = userEvent.setup();
    await task('Mine, overdue', '2030-06-15T01:00:00Z');
    await task('Nobody’s, overdue', '2030-06-15T02:00:00Z', null);
    await task('Next week', '2030-06-22T02:00:00Z');
    const { container } = await renderUi(<TasksList />, { client: await integrationClient(s) });
    await screen.findByRole('alert', { name: 'Sign in as a user to see your tasks' }, { timeout: 15_000 });
    expect(screen.queryByRole('status', { name: 'Loading…' })).toBeNull();
    expect(violations(await axe.run(container))).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Overdue' }));
    await waitFor(async () => expect(subjects(await list())).toEqual(['Mine, overdue', 'Nobody’s, overdue']));
    await user.click(screen.getByRole('button', { name: 'Upcoming' }));
    await waitFor(async () => expect(subjects(await list())).toEqual(['Next week']));
  });

  it('asks what to keep when someone else changed the task meanwhile: keep mine re-applies it, take theirs shows theirs', async () => {
    const user = userEvent.setup();
    const a = await task('Call about the freeze', '2030-06-15T02:00:00Z');
    const b = await task('Send the price list', '2030-06-15T04:00:00Z');
    const agentCrm = s.client({ role: 'agent' });
    const agent = (await agentCrm.me.get()).user!;
    const first = await renderUi(<TasksList contactId={contactId} />, { client: crm });
    let ul = await list();
    // Meanwhile (the list is not live here) an agent moves the first task to 17:00.
    await agentCrm.activities.update(a.id, { dueAt: '2030-06-15T10:00:00Z' });

    // Snoozing the first task: the agent's change is shown beside the user's.
    await user.click(within(ul).getByRole('button', { name: 'Snooze: Call about the freeze' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Tomorrow, 9:00' }));
    let prompt = await screen.findByRole('alertdialog', { name: 'Someone else changed this' }, { timeout: 15_000 });
    const due = within(prompt).getByRole('row', { name: /^Due/ });
    expect(
      within(due)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['6/16/30, 9:00 AM', '6/15/30, 5:00 PM']);
    expect(screen.queryByText(/The change was not saved/)).toBeNull();
    expect(violations(await axe.run(prompt))).toEqual([]);
    await user.click(within(prompt).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await crm.activities.get(a.id)).dueAt).toBe('2030-06-16T02:00:00.000Z'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => {
      const row = within(ul).getByRole('listitem', { name: 'Call about the freeze' });
      expect(row.querySelector('time')?.dateTime).toBe('2030-06-16T02:00:00.000Z');
    });

    // Completing the second task, which the agent took meanwhile: take theirs leaves it open and theirs.
    first.unmount();
    await renderUi(<TasksList contactId={contactId} />, { client: crm });
    ul = await list();
    await agentCrm.activities.update(b.id, { assigneeId: agent.id });
    await user.click(within(ul).getByRole('checkbox', { name: 'Complete: Send the price list' }));
    prompt = await screen.findByRole('alertdialog', { name: 'Someone else changed this' }, { timeout: 15_000 });
    const rows = within(prompt).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Status', 'Done', 'Open'],
      ['Assignee', 'Admin User', 'Agent User'],
    ]);
    await user.click(within(prompt).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await crm.activities.get(b.id)).completedAt).toBeNull();
    await waitFor(() => {
      const row = within(ul).getByRole('listitem', { name: 'Send the price list' });
      expect((within(row).getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
      expect(within(row).getByText('Agent User')).toBeTruthy();
    });
  });

  it('is read-only for a viewer', async () => {
    await task('Visible to all', '2030-06-16T02:00:00Z');
    const { container } = await renderUi(<TasksList contactId={contactId} />, { client: s.client({ role: 'viewer' }) });
    const ul = await list();
    expect(subjects(ul)).toEqual(['Visible to all']);
    expect(within(ul).queryByRole('checkbox')).toBeNull();
    expect(within(ul).queryByRole('button')).toBeNull();
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('renders on the server, shows what people wrote as text, and speaks Vietnamese', async () => {
    const html = renderToString(
      <CrmProvider client={crm} live={false}>
        <TasksList />
      </CrmProvider>,
    );
    expect(html).toContain('crm-tasks-list');
    await task('<img src=x onerror=alert(1)> Gọi lại cho chị Lan', '2030-06-15T01:00:00Z');
    const { container } = await renderUi(<TasksList />, { client: crm, locale: 'vi-VN' });
    const ul = await screen.findByRole('list', { name: 'Công việc' }, { timeout: 15_000 });
    expect(subjects(ul)).toEqual(['<img src=x onerror=alert(1)> Gọi lại cho chị Lan']);
    expect(container.querySelector('img')).toBeNull();
    expect(within(ul).getByText('Quá hạn')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hôm nay' })).toBeTruthy();
  });
});
