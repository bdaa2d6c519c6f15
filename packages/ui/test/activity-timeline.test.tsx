import type { CrmClient } from '@crmkit/client';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { ActivityTimeline } from '../src/widgets/activity-timeline/index.js';
import { renderUi as renderWithProvider, sandbox } from './harness.js';
import '../src/widgets/activity-timeline/activity-timeline.css';

let run = 0;
/** A new contact in the shared empty sandbox, and the admin client. */
async function setup() {
  const s = await sandbox();
  const crm = s.client();
  run++;
  const contact = await crm.contacts.create({
    firstName: 'Lan',
    lastName: `Nguyễn ${run}`,
    emails: [`lan${run}@example.vn`],
  });
  return { s, crm, contact };
}

const day = 86_400_000;
/**
 * The pinned "now" of these tests: noon in Asia/Ho_Chi_Minh, the provider's time zone here, so "Today" and "Yesterday"
 * do not depend on the hour the suite runs at (it used to fail every night between 00:00 and 02:00 UTC).
 */
const NOW = Date.parse('2026-12-05T05:00:00Z');
const clock = () => new Date(NOW);
/** Renders inside a provider on the pinned clock and in Asia/Ho_Chi_Minh, unless the test says otherwise. */
const renderUi = (ui: Parameters<typeof renderWithProvider>[0], props: Parameters<typeof renderWithProvider>[1] = {}) =>
  renderWithProvider(ui, { now: clock, timeZone: 'Asia/Ho_Chi_Minh', ...props });
/** axe violations as `rule: targets`, readable in a failure. */
const violations = (r: axe.AxeResults) =>
  r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
const feed = () => screen.findByRole('feed', { name: 'Activity' }, { timeout: 15_000 });
const article = (name: string | RegExp) => screen.findByRole('article', { name }, { timeout: 15_000 });

async function seedActivities(crm: CrmClient, contactId: string) {
  const now = NOW;
  await crm.activities.create({
    type: 'call',
    contactId,
    direction: 'outbound',
    subject: 'Discovery call',
    outcome: 'interested',
    durationSeconds: 840,
    body: 'Interested in the Business plan.\nSend a quote by Friday.',
    occurredAt: new Date(now - 2 * 3600_000).toISOString(),
  });
  await crm.activities.create({
    type: 'email',
    contactId,
    direction: 'inbound',
    subject: 'Re: Quote',
    body: 'Thanks, we will review it with our team.',
    occurredAt: new Date(now - day - 3600_000).toISOString(),
  });
  await crm.activities.create({
    type: 'note',
    contactId,
    body: 'Prefers Zalo over email. Decision maker is the CFO.',
    occurredAt: new Date(now - 5 * day).toISOString(),
  });
  await crm.activities.create({
    type: 'task',
    contactId,
    subject: 'Follow up on the quote',
    purpose: 'follow_up',
    dueAt: new Date(now - day).toISOString(),
    occurredAt: new Date(now - 6 * day).toISOString(),
  });
  await crm.activities.create({
    type: 'meeting',
    contactId,
    subject: 'Product demo',
    durationSeconds: 3600,
    occurredAt: new Date(now - 8 * day).toISOString(),
  });
}

describe('ActivityTimeline', () => {
  it('shows activities as a feed grouped by day, with type, details, author and overdue tasks; axe clean', async () => {
    const { crm, contact } = await setup();
    await seedActivities(crm, contact.id);
    const { container } = await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    const f = await feed();
    await within(f).findByRole('article', { name: 'Call: Discovery call' }, { timeout: 15_000 });
    const days = within(f)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(days.slice(0, 2)).toEqual(['Today', 'Yesterday']);
    expect(days).toHaveLength(5);
    const call = within(f).getByRole('article', { name: 'Call: Discovery call' });
    expect(within(call).getByText('Outbound')).toBeTruthy();
    expect(within(call).getByText('Interested')).toBeTruthy();
    expect(within(call).getByText('14 min')).toBeTruthy();
    expect(within(call).getByText('by Admin User')).toBeTruthy();
    expect(within(call).getByText(/Send a quote by Friday/)).toBeTruthy();
    const task = within(f).getByRole('article', { name: 'Task: Follow up on the quote' });
    expect(within(task).getByText('Overdue')).toBeTruthy();
    expect(within(task).getByText('Follow up')).toBeTruthy();
    expect(within(f).getAllByRole('article')).toHaveLength(5);
    expect(within(f).getAllByRole('article')[0]!.getAttribute('aria-setsize')).toBe('5');
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('logs a call through the composer: it appears at once and is persisted', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    await screen.findByRole('status', { name: 'No activity yet' }, { timeout: 15_000 });
    // The composer's code loads beside the feed.
    const tabs = await screen.findByRole('tablist', { name: 'New activity' });
    expect(within(tabs).getByRole('tab', { name: 'Call' }).getAttribute('aria-selected')).toBe('true');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Direction' }), 'Inbound');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'No answer');
    await user.type(screen.getByRole('spinbutton', { name: 'Duration (minutes)' }), '-3');
    await user.click(screen.getByRole('button', { name: 'Log a call' }));
    expect(await screen.findByText('Enter 0 or more.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('spinbutton', { name: 'Duration (minutes)' }));
    await user.clear(screen.getByRole('spinbutton', { name: 'Duration (minutes)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Duration (minutes)' }), '5');
    await user.type(screen.getByRole('textbox', { name: 'Details' }), 'Tried the office line.');
    await user.click(screen.getByRole('button', { name: 'Log a call' }));
    const call = await article('Call');
    expect(within(call).getByText('Inbound')).toBeTruthy();
    expect(within(call).getByText('No answer')).toBeTruthy();
    expect(within(call).getByText('5 min')).toBeTruthy();
    expect(within(call).getByText('Tried the office line.')).toBeTruthy();
    const stored = await crm.activities.list({ filter: { contactId: contact.id } });
    expect(stored.data).toHaveLength(1);
    expect(stored.data[0]).toMatchObject({
      type: 'call',
      direction: 'inbound',
      outcome: 'no_answer',
      durationSeconds: 300,
      body: 'Tried the office line.',
    });
    // The form is reset for the next one.
    expect((screen.getByRole('textbox', { name: 'Details' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('adds a task, validates it, and completes it (persisted)', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    await screen.findByRole('status', { name: 'No activity yet' }, { timeout: 15_000 });
    // Arrow keys move between the composer's tabs.
    (await screen.findByRole('tab', { name: 'Call' })).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Task' }));
    expect(screen.getByRole('tabpanel', { name: 'Task' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add a task' }));
    expect(screen.getByText('This field is required.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Subject/ })));
    await user.type(screen.getByRole('textbox', { name: /Subject/ }), 'Send the contract');
    const due = new Date(NOW + 3 * day).toISOString().slice(0, 10);
    await user.type(screen.getByLabelText('Due date'), due);
    await user.click(screen.getByRole('button', { name: 'Add a task' }));
    const task = await article('Task: Send the contract');
    expect(within(task).getByText(/^Due /)).toBeTruthy();
    expect(within(task).queryByText('Overdue')).toBeNull();
    await user.click(within(task).getByRole('checkbox', { name: 'Mark as complete: Send the contract' }));
    await waitFor(() => expect(within(task).getByText('Completed')).toBeTruthy());
    const [stored] = (await crm.activities.list({ filter: { contactId: contact.id } })).data;
    await waitFor(async () => expect((await crm.activities.get(stored!.id)).completedAt).toBeTruthy());
    expect(stored!.dueAt!.slice(0, 10) >= due.slice(0, 8)).toBe(true);
  });

  it('schedules a reminder with a purpose, only in the future', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    await screen.findByRole('status', { name: 'No activity yet' }, { timeout: 15_000 });
    await user.click(await screen.findByRole('tab', { name: 'Reminder' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Purpose' }), 'Birthday greeting');
    const at = screen.getByLabelText(/Remind me at/) as HTMLInputElement;
    await user.clear(at);
    await user.type(at, '2020-01-01T09:00');
    await user.click(screen.getByRole('button', { name: 'Schedule a reminder' }));
    expect(await screen.findByText('Choose a time in the future.')).toBeTruthy();
    await user.clear(at);
    await user.type(at, `${new Date(NOW + 10 * day).toISOString().slice(0, 10)}T09:30`);
    await user.click(screen.getByRole('button', { name: 'Schedule a reminder' }));
    const reminder = await article('Task: Birthday greeting');
    expect(within(reminder).getAllByText('Birthday greeting').length).toBeGreaterThan(0);
    const stored = (await crm.activities.list({ filter: { contactId: contact.id } })).data[0]!;
    expect(stored).toMatchObject({ type: 'task', purpose: 'birthday_greeting', completedAt: null });
    expect(new Date(stored.dueAt!).getTime()).toBeGreaterThan(NOW + 9 * day);
  });

  it("reads the reminder's time and a task's due day in the provider's time zone, not the browser's", async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm, timeZone: 'Asia/Bangkok' });
    await screen.findByRole('status', { name: 'No activity yet' }, { timeout: 15_000 });
    const date = new Date(NOW + 10 * day).toISOString().slice(0, 10);
    await user.click(await screen.findByRole('tab', { name: 'Reminder' }));
    const at = screen.getByLabelText(/Remind me at/) as HTMLInputElement;
    await user.clear(at);
    await user.type(at, `${date}T09:30`);
    await user.click(screen.getByRole('button', { name: 'Schedule a reminder' }));
    await article(/^Task: /);
    await user.click(screen.getByRole('tab', { name: 'Task' }));
    await user.type(screen.getByRole('textbox', { name: /Subject/ }), 'Renewal call');
    await user.type(screen.getByLabelText(/Due date/), date);
    await user.click(screen.getByRole('button', { name: 'Add a task' }));
    await article(/Renewal call/);
    const stored = (await crm.activities.list({ filter: { contactId: contact.id } })).data;
    // 09:30 in Bangkok (UTC+7) is 02:30 UTC; the task is due at the end of that day in Bangkok.
    expect(stored.find((a) => a.subject !== 'Renewal call')!.dueAt).toBe(`${date}T02:30:00.000Z`);
    expect(stored.find((a) => a.subject === 'Renewal call')!.dueAt).toBe(`${date}T16:59:59.000Z`);
  });

  it('filters by type: the other types disappear', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    await seedActivities(crm, contact.id);
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    const f = await feed();
    await within(f).findByRole('article', { name: 'Call: Discovery call' }, { timeout: 15_000 });
    const filters = screen.getByRole('group', { name: 'Filter by type' });
    expect(within(filters).getByRole('button', { name: 'All activity' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(filters).getByRole('button', { name: 'Note' }));
    expect(within(filters).getByRole('button', { name: 'Note' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(filters).getByRole('button', { name: 'All activity' }).getAttribute('aria-pressed')).toBe('false');
    await waitFor(async () => expect(within(await feed()).getAllByRole('article')).toHaveLength(1), {
      timeout: 15_000,
    });
    expect(within(await feed()).getByRole('article', { name: 'Note' })).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'Call: Discovery call' })).toBeNull();
    await user.click(within(filters).getByRole('button', { name: 'Call' }));
    await waitFor(async () => expect(within(await feed()).getAllByRole('article')).toHaveLength(2), {
      timeout: 15_000,
    });
    await user.click(within(filters).getByRole('button', { name: 'All activity' }));
    await waitFor(async () => expect(within(await feed()).getAllByRole('article')).toHaveLength(5), {
      timeout: 15_000,
    });
  });

  it('shows customer text as text, never as HTML', async () => {
    const { crm, contact } = await setup();
    const evil = '<img src=x onerror=alert(1)> <b>bold</b> <script>alert(2)</script>';
    await crm.activities.create({ type: 'note', contactId: contact.id, body: evil });
    await crm.activities.create({
      type: 'email',
      contactId: contact.id,
      subject: '<img src=y onerror=alert(3)>',
      body: 'x',
    });
    const { container } = await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm });
    const note = await article('Note');
    expect(within(note).getByText(evil)).toBeTruthy();
    expect(await article('Email: <img src=y onerror=alert(3)>')).toBeTruthy();
    expect(container.querySelector('img, script, b')).toBeNull();
  });

  it('shows an activity created by another client live, through the change feed', async () => {
    const { s, crm, contact } = await setup();
    await crm.activities.create({ type: 'note', contactId: contact.id, body: 'First note' });
    // The other write comes once the provider's feed is open (an event before that is not this page's to see).
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    const subscribe = crm.events.subscribe.bind(crm.events);
    crm.events.subscribe = (handler, options) =>
      subscribe(handler, {
        ...options,
        onOpen: () => {
          options?.onOpen?.();
          opened();
        },
      });
    await renderUi(<ActivityTimeline contactId={contact.id} />, { client: crm, live: true });
    await article('Note');
    await open;
    await s.client({ role: 'agent' }).activities.create({
      type: 'sms',
      contactId: contact.id,
      direction: 'outbound',
      body: 'Your appointment is confirmed for tomorrow 9:00.',
    });
    const sms = await article('SMS');
    expect(within(sms).getByText('Your appointment is confirmed for tomorrow 9:00.')).toBeTruthy();
    expect(within(sms).getByText('by Agent User')).toBeTruthy();
  });

  it('has no composer and no task checkboxes for a viewer', async () => {
    const { s, crm, contact } = await setup();
    await seedActivities(crm, contact.id);
    const { container } = await renderUi(<ActivityTimeline contactId={contact.id} />, {
      client: s.client({ role: 'viewer' }),
    });
    await article('Task: Follow up on the quote');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(violations(await axe.run(container))).toEqual([]);
  });

  it('loads more on demand and moves between articles with Page Down / Page Up', async () => {
    const user = userEvent.setup();
    const { crm, contact } = await setup();
    for (let i = 0; i < 7; i++) {
      await crm.activities.create({
        type: 'note',
        contactId: contact.id,
        body: `Note ${i + 1}`,
        occurredAt: new Date(NOW - (7 - i) * 3600_000).toISOString(),
      });
    }
    await renderUi(<ActivityTimeline contactId={contact.id} pageSize={5} />, { client: crm });
    const f = await feed();
    await waitFor(() => expect(within(f).getAllByRole('article')).toHaveLength(5), { timeout: 15_000 });
    expect(within(f).getAllByRole('article')[0]!.getAttribute('aria-setsize')).toBe('-1');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(f).getAllByRole('article')).toHaveLength(7), { timeout: 15_000 });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    const articles = within(f).getAllByRole('article');
    articles[0]!.focus();
    await user.keyboard('{PageDown}{PageDown}');
    expect(document.activeElement).toBe(articles[2]);
    await user.keyboard('{PageUp}');
    expect(document.activeElement).toBe(articles[1]);
  });

  it('looks right: light, dark, Vietnamese and Thai', async () => {
    const { crm, contact } = await setup();
    await seedActivities(crm, contact.id);
    const shots: [string, Parameters<typeof renderUi>[1]][] = [
      ['light', {}],
      ['dark', { appearance: { theme: 'dark' } }],
      ['vi', { locale: 'vi-VN' }],
      ['th', { locale: 'th-TH' }],
    ];
    await page.viewport(1024, 720);
    for (const [name, props] of shots) {
      const r = await renderUi(
        <div style={{ padding: 16, width: 640, background: name === 'dark' ? '#0b0c0f' : '#f3f4f6' }}>
          <ActivityTimeline contactId={contact.id} />
        </div>,
        { client: crm, ...props },
      );
      const f = await screen.findByRole('feed', {}, { timeout: 15_000 });
      await waitFor(() => expect(within(f).getAllByRole('article')).toHaveLength(5), { timeout: 15_000 });
      await screen.findByRole('tablist');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.screenshot({
        path: `__screenshots__/activity-timeline-${name}.png`,
        element: r.container.firstElementChild!,
      });
      // The feed further down, scrolled into the viewport.
      f.scrollIntoView();
      await page.screenshot({ path: `__screenshots__/activity-timeline-${name}-feed.png`, element: f });
      r.unmount();
    }
  });
});
