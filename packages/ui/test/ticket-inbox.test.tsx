import type { CrmClient } from '@crmkit/client';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { TicketInbox } from '../src/widgets/ticket-inbox/index.js';
import { renderUi, sandbox } from './harness.js';

/** 24×7 in UTC, so due times read as wall time. */
const SETTINGS = {
  businessCalendars: [{ id: 'cal_all', name: 'Always', timeZone: 'UTC', weeklyHours: [], holidays: [] }],
  slaPolicies: [
    {
      id: 'sla_std',
      name: 'Standard',
      position: 0,
      calendarId: 'cal_all',
      conditions: {},
      targets: {
        low: { firstResponseMinutes: 480, nextResponseMinutes: 480, resolutionMinutes: 2880 },
        normal: { firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 1440 },
        high: { firstResponseMinutes: 30, nextResponseMinutes: 60, resolutionMinutes: 480 },
        urgent: { firstResponseMinutes: 15, nextResponseMinutes: 30, resolutionMinutes: 240 },
      },
      warnBeforeMinutes: 10,
    },
  ],
};

let s: Sandbox;
let admin: CrmClient;
let agent: CrmClient;
let agentId: string;
let run = 0;

beforeAll(async () => {
  s = await sandbox();
  await s.db.query(`UPDATE workspaces SET settings = settings || $1::jsonb WHERE id = 'ws_test'`, [
    JSON.stringify(SETTINGS),
  ]);
  admin = s.client();
  agent = s.client({ role: 'agent' });
  agentId = (await agent.me.get()).user!.id;
});

/** A requester and `n` tickets from them, assigned to the agent; a fresh tag marks this test's tickets. */
async function tickets(n: number, extra: Record<string, unknown> = {}) {
  run++;
  const tag = `t${run}${Date.now().toString(36)}`;
  const contact = await admin.contacts.create({ firstName: 'Lan', lastName: `Nguyễn ${run}` });
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await admin.tickets.create({
        subject: `Cannot log in ${run}.${i}`,
        requesterId: contact.id,
        assigneeId: agentId,
        description: `Hello, problem number ${i}`,
        tags: [tag],
        ...extra,
      } as never),
    );
  }
  return { tag, contact, tickets: out };
}

const queue = () => screen.findByRole('list', { name: 'Tickets' }, { timeout: 20_000 });

describe('TicketInbox', () => {
  it('shows the views with counts and the queue; a reply persists and settles the first-response SLA', async () => {
    const {
      tag,
      tickets: [first],
    } = await tickets(3);
    await renderUi(
      <div style={{ height: 740 }}>
        <TicketInbox />
      </div>,
      { client: agent },
    );
    const list = await queue();
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), first!.subject);
    const row = await within(list).findByRole('button', { name: new RegExp(`#${first!.number}`) }, { timeout: 10_000 });
    expect(row.textContent).toContain('First response due in');
    await user.click(row);
    const thread = await screen.findByRole('log', { name: 'Conversation' }, { timeout: 20_000 });
    await within(thread).findByText('Hello, problem number 0');
    // The requester panel's related records speak the cards' strings, not their keys.
    const requester = screen.getByRole('region', { name: 'Requester' });
    await within(requester).findByText('No open deals', {}, { timeout: 10_000 });
    expect(requester.textContent).not.toMatch(/\bcard\.\w+/);
    const editor = await screen.findByRole('textbox', { name: 'Reply' });
    await user.click(editor);
    await user.keyboard('We are on it, **Lan**');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await within(thread).findByText(/We are on it/, {}, { timeout: 10_000 });
    await waitFor(async () => {
      const stored = await admin.tickets.get(first!.id);
      expect(stored.sla?.firstResponseAt).not.toBeNull();
      expect(stored.status).toBe('open');
    });
    const { data } = await admin.tickets.messages(first!.id);
    expect(data.at(-1)).toMatchObject({ kind: 'reply', authorType: 'user', authorId: agentId });
    expect(tag).toBeTruthy();
    await page.screenshot({ path: '__screenshots__/ticket-inbox-reply.png' });
  });

  it('keeps an internal note out of everything a customer-facing API returns', async () => {
    const {
      tickets: [tk],
    } = await tickets(1);
    await renderUi(
      <div style={{ height: 740 }}>
        <TicketInbox ticketId={tk!.id} />
      </div>,
      { client: agent },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'Note' }, { timeout: 20_000 }));
    await user.click(await screen.findByRole('textbox', { name: 'Note' }));
    await user.keyboard('SECRET-NOTE: VIP, offer a refund');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const thread = await screen.findByRole('log', { name: 'Conversation' });
    const note = await within(thread).findByRole('article', { name: /Agent User/ }, { timeout: 10_000 });
    expect(within(note).getByText('Internal note')).toBeTruthy();
    await waitFor(async () => expect((await admin.tickets.messages(tk!.id, { kind: 'note' })).data).toHaveLength(1));
    // What a customer-facing page would show: the public thread, the ticket, its queue summary.
    const replies = await admin.tickets.messages(tk!.id, { kind: 'reply' });
    const record = await admin.tickets.get(tk!.id);
    const listed = await admin.tickets.list({ filter: { requesterId: record.requesterId! } });
    for (const body of [replies, record, listed]) expect(JSON.stringify(body)).not.toContain('SECRET-NOTE');
    expect(record.lastMessage?.snippet).toBe('Hello, problem number 0');
  });

  it('holds a stale reply back and shows presence across two sessions', async () => {
    const {
      tickets: [tk],
    } = await tickets(1);
    const manager = s.client({ role: 'admin' });
    const twoSessions = await renderUi(
      <div style={{ display: 'grid', gridTemplateColumns: '1fr', gap: 8 }}>
        <div style={{ height: 700 }} data-testid="agent">
          <TicketInbox ticketId={tk!.id} />
        </div>
      </div>,
      { client: agent, live: true },
    );
    const other = await renderUi(
      <div style={{ height: 700 }} data-testid="admin">
        <TicketInbox ticketId={tk!.id} view="open" />
      </div>,
      { client: manager, live: true },
    );
    const agentBox = within(screen.getByTestId('agent'));
    const adminBox = within(screen.getByTestId('admin'));
    // Each sees the other viewing, from the server.
    await adminBox.findAllByText(/Agent User viewing/, {}, { timeout: 20_000 });
    await agentBox.findAllByText(/Admin User viewing/, {}, { timeout: 20_000 });
    const user = userEvent.setup();
    await user.click(await agentBox.findByRole('textbox', { name: 'Reply' }));
    await user.keyboard('Here is the fix');
    await adminBox.findAllByText(/Agent User replying/, {}, { timeout: 20_000 });
    // The admin posts a note meanwhile; the agent's reply is held back with it.
    await manager.tickets.note(tk!.id, 'Wait, the customer called: it works now');
    await user.click(agentBox.getByRole('button', { name: 'Send' }));
    const held = await agentBox.findByRole('alert', {}, { timeout: 10_000 });
    expect(held.textContent).toContain('New messages arrived while you were writing');
    expect(held.textContent).toContain('the customer called');
    expect((await admin.tickets.messages(tk!.id)).data.map((m) => m.bodyText)).not.toContain('Here is the fix');
    await user.click(within(held).getByRole('button', { name: 'Send anyway' }));
    await waitFor(async () =>
      expect((await admin.tickets.messages(tk!.id)).data.map((m) => m.bodyText)).toContain('Here is the fix'),
    );
    await page.screenshot({ path: '__screenshots__/ticket-inbox-two-sessions.png' });
    other.unmount();
    twoSessions.unmount();
  });

  it('asks before replying to a ticket assigned to someone else', async () => {
    const {
      tickets: [tk],
    } = await tickets(1);
    await renderUi(
      <div style={{ height: 740 }}>
        <TicketInbox ticketId={tk!.id} view="open" />
      </div>,
      { client: admin },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('textbox', { name: 'Reply' }, { timeout: 20_000 }));
    await user.keyboard('Taking over');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const ask = await screen.findByRole('alertdialog', { name: 'This ticket is assigned to Agent User' });
    await user.click(within(ask).getByRole('button', { name: 'Reply anyway' }));
    await waitFor(async () =>
      expect((await admin.tickets.messages(tk!.id)).data.map((m) => m.bodyText)).toContain('Taking over'),
    );
  });

  it('bulk-assigns 20 tickets and reports the one that failed', async () => {
    const { tag, tickets: list } = await tickets(20);
    const bob = (await admin.users.list({ filter: { role: 'manager' } })).data[0]!;
    await renderUi(
      <div style={{ height: 900 }}>
        <TicketInbox view="open" />
      </div>,
      { client: admin },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Filters/ }, { timeout: 20_000 }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), tag);
    const rows = await queue();
    await within(rows).findByRole('button', { name: new RegExp(`#${list[0]!.number}`) }, { timeout: 15_000 });
    await user.click(screen.getByRole('checkbox', { name: 'Select all 20 loaded tickets' }));
    // Someone changes one of them meanwhile: its write is refused (412), not overwritten.
    await admin.tickets.update(list[7]!.id, { priority: 'high' });
    await user.click(screen.getByRole('button', { name: 'Bulk actions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change 20 tickets' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Assignee' }), bob.id);
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    const report = await within(dialog).findByText('19 tickets changed', {}, { timeout: 15_000 });
    expect(report).toBeTruthy();
    expect(within(dialog).getByText('1 ticket could not be changed:')).toBeTruthy();
    // Why, in the user's words (the 412's code), not the server's "The record has changed: its version is now 2."
    expect(within(dialog).getByText(new RegExp(`#${list[7]!.number}:`)).textContent).toContain(
      'Someone else changed it meanwhile; try again.',
    );
    const after = await Promise.all(list.map((x) => admin.tickets.get(x.id)));
    expect(after.filter((x) => x.assigneeId === bob.id)).toHaveLength(19);
    expect(after[7]!.assigneeId).toBe(agentId);
  });

  it('lists exactly the breached tickets in the breached view', async () => {
    const { tag, tickets: list } = await tickets(5, { priority: 'urgent' });
    const late = [list[0]!, list[2]!, list[4]!];
    // Their first response came due an hour ago (the server's sweep has not run: the view still knows).
    for (const x of late) {
      await s.db.query(
        `UPDATE tickets SET next_breach_at = now() - interval '1 hour',
           sla = jsonb_set(sla, '{firstResponseDueAt}', to_jsonb(to_char((now() - interval '1 hour') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
         WHERE id = $1`,
        [x.id],
      );
    }
    await renderUi(
      <div style={{ height: 900 }}>
        <TicketInbox view="breached" />
      </div>,
      { client: agent },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Filters/ }, { timeout: 20_000 }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), tag);
    const rows = await queue();
    await waitFor(
      () => {
        const shown = within(rows)
          .getAllByRole('button')
          .map((b) => b.getAttribute('data-ticket-id'));
        expect(shown.sort()).toEqual(late.map((x) => x.id).sort());
      },
      { timeout: 15_000 },
    );
    for (const b of within(rows).getAllByRole('button')) expect(b.textContent).toMatch(/First response overdue by/);
  });

  it('snoozes until the customer replies, and the reply wakes it', async () => {
    const {
      tickets: [tk],
    } = await tickets(1);
    await renderUi(
      <div style={{ height: 740 }}>
        <TicketInbox ticketId={tk!.id} />
      </div>,
      { client: agent, live: true },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Snooze' }, { timeout: 20_000 }));
    await user.click(await screen.findByRole('button', { name: 'Until the customer replies' }));
    await waitFor(async () => expect((await admin.tickets.get(tk!.id)).snooze).not.toBeNull());
    await screen.findByText('Snoozed until the customer replies');
    await admin.tickets.reply(tk!.id, { body: 'Any news?', authorType: 'contact' });
    await screen.findByRole('button', { name: 'Snooze' }, { timeout: 15_000 });
    expect((await admin.tickets.get(tk!.id)).snooze).toBeNull();
    await within(await screen.findByRole('log', { name: 'Conversation' })).findByText('Any news?');
  });

  it('asks for an opened ticket’s thread once (the prefetch is not fetched again when the thread mounts)', async () => {
    const {
      tickets: [tk],
    } = await tickets(1);
    const threads: string[] = [];
    const counting = s.client({
      role: 'agent',
      fetch: (input, init) => {
        const url = new URL(input);
        if (url.pathname.endsWith(`/tickets/${tk!.id}/messages`)) threads.push(url.search);
        return s.fetch(input, init);
      },
    });
    await renderUi(
      <div style={{ height: 740 }}>
        <TicketInbox ticketId={tk!.id} />
      </div>,
      { client: counting },
    );
    const thread = await screen.findByRole('log', { name: 'Conversation' }, { timeout: 20_000 });
    await within(thread).findByText('Hello, problem number 0');
    await screen.findByRole('textbox', { name: 'Reply' });
    expect(threads).toHaveLength(1);
  });
});
