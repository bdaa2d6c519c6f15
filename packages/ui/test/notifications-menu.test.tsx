import type { CrmClient } from '@crmkit/client';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { renderToString } from 'react-dom/server.browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CrmProvider } from '../src/index.js';
import { NotificationsMenu } from '../src/widgets/notifications-menu/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/notifications-menu/notifications-menu.css';

const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const bell = (name: string | RegExp) => screen.findByRole('button', { name }, { timeout: 15_000 });
const menu = () => screen.findByRole('dialog', { name: 'Notifications' });

let run = 0;
let s: Sandbox;
let crm: CrmClient;
let me: { id: string };

// Every test starts with nothing unread for the admin user of the file's sandbox.
beforeEach(async () => {
  s = await sandbox();
  crm = s.client();
  me = (await crm.me.get()).user!;
  await crm.notifications.readAll();
  run++;
});

/** A task assigned to the caller that came due a minute ago, announced by the server's job tick. */
async function dueTask(subject: string) {
  const contact = await crm.contacts.create({ firstName: 'Lan', lastName: `Reminder ${run}` });
  const task = await crm.activities.create({
    type: 'task',
    subject,
    body: 'Ask about the annual plan.',
    contactId: contact.id,
    assigneeId: me.id,
    dueAt: new Date(Date.now() - 60_000).toISOString(),
  });
  return task;
}

/** A client whose change feed reports when it is connected. */
function liveClient() {
  const state = { feedOpen: false };
  const client = s.client({
    fetch: async (input, init) => {
      const response = await s.fetch(input, init);
      if (new URL(input).pathname === '/v1/events') state.feedOpen = true;
      return response;
    },
  });
  return { client, state };
}

describe('NotificationsMenu', () => {
  it('counts a reminder the server announced as it came due, lists it, and marks it read (persisted); axe clean', async () => {
    const user = userEvent.setup();
    const task = await dueTask(`Call Lan back ${run}`);
    expect((await s.server.automation.tick()).reminders).toBeGreaterThanOrEqual(1);
    await renderUi(<NotificationsMenu />, { client: crm });
    await user.click(await bell('Notifications, 1 unread'));
    const dialog = await menu();
    const item = await within(dialog).findByRole('listitem', { name: `Call Lan back ${run} (Unread)` });
    expect(within(item).getByText('Ask about the annual plan.')).toBeTruthy();
    expect(within(item).getByText('Task due')).toBeTruthy();
    // No onOpenRecord: the title is no link.
    expect(within(item).queryByRole('button', { name: `Call Lan back ${run} (Unread)` })).toBeNull();
    // Once the popover has faded in (axe reads colours as they are mid-animation).
    await Promise.all(document.getAnimations().map((a) => a.finished));
    expect(violations(await axe.run(document.body))).toEqual([]);

    await user.click(within(item).getByRole('button', { name: `Mark as read: Call Lan back ${run}` }));
    await waitFor(() => expect(document.activeElement).toBe(item));
    await within(dialog).findByRole('listitem', { name: `Call Lan back ${run}` });
    await bell('Notifications');
    await waitFor(async () => expect((await crm.notifications.list({ unread: true })).data).toEqual([]));
    const [stored] = (await crm.notifications.list()).data;
    expect(stored).toMatchObject({ resource: 'activities', resourceId: task.id });
    expect(stored!.readAt).not.toBeNull();
  });

  it('shows notifications live from the change feed, newest first, and marks all read', async () => {
    const user = userEvent.setup();
    const rule = await crm.automationRules.create({
      name: `Ping me ${run}`,
      resource: 'contacts',
      trigger: { type: 'manual' },
      steps: [{ type: 'notify', to: { type: 'user', userId: me.id }, message: 'Call {{contact.firstName}}' }],
    });
    const { client, state } = liveClient();
    await renderUi(<NotificationsMenu />, { client, live: true });
    await bell('Notifications');
    await waitFor(() => expect(state.feedOpen).toBe(true));
    for (const firstName of [`Minh ${run}`, `Som ${run}`]) {
      const contact = await crm.contacts.create({ firstName });
      await crm.automationRules.run(rule.id, { recordIds: [contact.id] });
      await s.server.automation.tick();
    }
    const bellButton = await bell('Notifications, 2 unread');
    // Screen readers hear of the newest arrival (what was there at first is not announced).
    await waitFor(() =>
      expect(document.querySelector('[role="status"][aria-live="polite"]')?.textContent).toContain(
        `New notification: Call Som ${run}`,
      ),
    );
    await user.click(bellButton);
    const list = await within(await menu()).findByRole('list', { name: 'Notifications' }, { timeout: 15_000 });
    const titles = within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('.crm-nm-name')?.firstChild?.textContent);
    expect(titles.slice(0, 2)).toEqual([`Call Som ${run}`, `Call Minh ${run}`]);

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await bell('Notifications');
    expect(within(list).queryAllByRole('button', { name: /^Mark as read/ })).toEqual([]);
    // The button stays where it was (disabled), with focus on it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(async () => expect((await crm.notifications.list({ unread: true })).data).toEqual([]));
  });

  it('opens the record a notification is about, pages, and works by keyboard', async () => {
    const user = userEvent.setup();
    const tasks: { id: string }[] = [];
    for (const n of [1, 2, 3]) tasks.push(await dueTask(`Follow up ${run}.${n}`));
    await s.server.automation.tick();
    const onOpenRecord = vi.fn();
    await renderUi(<NotificationsMenu pageSize={2} onOpenRecord={onOpenRecord} />, { client: crm });
    const button = await bell('Notifications, 3 unread');
    button.focus();
    await user.keyboard('{Enter}');
    const dialog = await menu();
    // Focus moves in (to "Mark all as read"); Tab reaches the newest notification, arrows move between them.
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    await within(dialog).findByRole('button', { name: `Follow up ${run}.3 (Unread)` });
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Load more' }));
    // Older, read notifications of earlier tests follow.
    await waitFor(() => expect(within(dialog).getAllByRole('listitem').length).toBeGreaterThan(2));
    within(dialog)
      .getByRole('button', { name: `Follow up ${run}.3 (Unread)` })
      .focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe(`Follow up ${run}.2 (Unread)`);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe(`Follow up ${run}.1 (Unread)`);
    await user.keyboard('{Home}');
    expect(document.activeElement?.textContent).toBe(`Follow up ${run}.3 (Unread)`);
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');
    expect(onOpenRecord).toHaveBeenCalledWith(
      { resource: 'activities', id: tasks[1]!.id },
      expect.objectContaining({ title: `Follow up ${run}.2` }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
    await bell('Notifications, 2 unread');
    await waitFor(async () =>
      expect((await crm.notifications.list({ unread: true })).data.map((n) => n.resourceId)).toEqual([
        tasks[2]!.id,
        tasks[0]!.id,
      ]),
    );
  });

  it('shows the empty state, and an error with a retry that recovers', async () => {
    const user = userEvent.setup();
    let down = true;
    const client = s.client({
      retry: false,
      fetch: (input, init) =>
        down && new URL(input).pathname === '/v1/notifications' && !new URL(input).searchParams.has('unread')
          ? Promise.resolve(
              new Response('{"title":"Down"}', {
                status: 503,
                headers: { 'content-type': 'application/problem+json' },
              }),
            )
          : s.fetch(input, init),
    });
    await renderUi(<NotificationsMenu />, { client });
    await user.click(await bell('Notifications'));
    const dialog = await menu();
    await within(dialog).findByRole('alert', { name: 'Something went wrong' }, { timeout: 15_000 });
    down = false;
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    // Nothing unread, but earlier tests' notifications were read: they are listed; a new user would see "all caught up".
    await waitFor(() => expect(within(dialog).queryByRole('alert')).toBeNull());
    const viewer = s.client({ role: 'viewer' });
    const { container } = await renderUi(<NotificationsMenu />, { client: viewer });
    const viewerBell = await within(container).findByRole('button', { name: 'Notifications' }, { timeout: 15_000 });
    await user.click(viewerBell);
    await screen.findByRole('status', { name: 'You’re all caught up' }, { timeout: 15_000 });
  });

  it('renders on the server, and shows what a rule wrote as text, in Thai', async () => {
    const html = renderToString(
      <CrmProvider client={crm} live={false}>
        <NotificationsMenu />
      </CrmProvider>,
    );
    expect(html).toContain('crm-notifications-menu');
    await dueTask(`<img src=x onerror=alert(1)> โทรหาคุณสมชาย ${run}`);
    await s.server.automation.tick();
    await renderUi(<NotificationsMenu />, { client: crm, locale: 'th-TH' });
    await userEvent.click(await bell('การแจ้งเตือน ยังไม่อ่าน 1 รายการ'));
    const dialog = await screen.findByRole('dialog', { name: 'การแจ้งเตือน' });
    await within(dialog).findByText(`<img src=x onerror=alert(1)> โทรหาคุณสมชาย ${run}`);
    expect(dialog.querySelector('img')).toBeNull();
    expect(within(dialog).getAllByText('งานถึงกำหนด').length).toBeGreaterThan(0);
  });
});
