import type { CrmClient } from '@crmkit/client';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { renderToString } from 'react-dom/server.browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { CrmProvider } from '../src/index.js';
import { TicketInbox } from '../src/widgets/ticket-inbox/index.js';
import { renderUi, sandbox } from './harness.js';

declare global {
  interface Window {
    __pwned?: string[];
  }
}

/** What an attacker puts in subjects, bodies, names, tags and canned responses. Each would record itself if it ran. */
const run = (id: string) => `window.__pwned.push('${id}')`;
const HOSTILE = [
  `<script>${run('script')}</script>`,
  `<img src=x onerror="${run('img')}">`,
  `<svg onload="${run('svg')}"><script>${run('svg-script')}</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${run('math')}"></style></mglyph></table></mtext></math>`,
  `<a href="javascript:${run('js-link')}">click</a>`,
  `<a href="data:text/html,<script>${run('data-link')}</script>">data</a>`,
  `<iframe srcdoc="<script>parent.${run('iframe')}</script>"></iframe>`,
  `<div style="position:fixed;inset:0;background:red;z-index:99999">overlay</div>`,
  `<style>*{display:none!important}</style>`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${run('mxss')}">`,
  `<p>unclosed <b>bold <i>italic`,
  '\u202Egnp.exe — \u202Dright-to-left override',
];
// 99,000 characters (≈ 200 kB of UTF-8): one unbroken word, just under the 100,000-character body limit.
const HUGE = 'Ư'.repeat(99_000);

let s: Sandbox;
let admin: CrmClient;
let agent: CrmClient;

beforeAll(async () => {
  s = await sandbox();
  admin = s.client();
  agent = s.client({ role: 'agent' });
  window.__pwned = [];
});

/** A host that keeps the open ticket in its own state, and records the tickets the agent went back from. */
function ControllingHost({ closed }: { closed: string[] }) {
  const [ticketId, setTicketId] = useState<string | null>(null);
  return (
    <div style={{ width: 420, height: 700 }}>
      <TicketInbox
        view="open"
        ticketId={ticketId}
        onOpenTicket={setTicketId}
        onCloseTicket={() => {
          closed.push(ticketId!);
          setTicketId(null);
        }}
      />
    </div>
  );
}

describe('TicketInbox with hostile input', () => {
  it('renders the corpus inert and intact in subjects, bodies, names, tags and canned responses', async () => {
    const tag = `hostile${Date.now().toString(36)}`;
    const agentId = (await agent.me.get()).user!.id;
    const opened: string[] = [];
    for (const [i, payload] of [...HOSTILE, HUGE].entries()) {
      const contact = await admin.contacts.create({ firstName: payload.slice(0, 100), lastName: `Evil ${i}` });
      const ticket = await admin.tickets.create({
        subject: payload.slice(0, 300),
        requesterId: contact.id,
        assigneeId: agentId,
        // Bodies keep their text: a body with nothing left once sanitised is refused by the server.
        description: `Payload ${i}: ${payload}`,
        tags: [tag, `<b>${i}</b>`],
      });
      await admin.tickets.reply(ticket.id, {
        body: `Reply ${i}: ${payload}`,
        bodyFormat: 'html',
        authorType: 'contact',
      });
      opened.push(ticket.id);
    }
    const manager = s.client({ role: 'admin' });
    await manager.cannedResponses.create({
      name: `<img src=x onerror="${run('canned-name')}">`,
      shortcut: `evil${Date.now().toString(36)}`,
      body: `<p>Hi {{contact.firstName}}</p>${HOSTILE.join('')}`,
    });
    const { container } = await renderUi(
      <div style={{ height: 760 }}>
        <TicketInbox />
      </div>,
      { client: agent },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Filters/ }, { timeout: 20_000 }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), tag);
    const rows = await screen.findByRole('list', { name: 'Tickets' }, { timeout: 20_000 });
    // The subject is text: the script tag is shown, not run.
    await within(rows).findAllByText(HOSTILE[0]!, {}, { timeout: 15_000 });
    const root = container.querySelector('.crm-ticket-inbox') as HTMLElement;
    const box = root.getBoundingClientRect();
    for (const id of opened.slice(0, 8)) {
      const row = rows.querySelector<HTMLElement>(`[data-ticket-id="${id}"]`);
      if (!row) continue;
      await user.click(row);
      const thread = await screen.findByRole('log', { name: 'Conversation' }, { timeout: 15_000 });
      await waitFor(() => expect(thread.querySelectorAll('article').length).toBeGreaterThan(0));
    }
    // The canned response: previewed and inserted through the sanitiser.
    await user.click(screen.getByRole('button', { name: 'Canned responses' }));
    await user.click(await screen.findByRole('button', { name: 'Insert' }, { timeout: 10_000 }));
    await new Promise((r) => setTimeout(r, 500));
    expect(window.__pwned).toEqual([]);
    // Nothing runs, and nothing escapes the widget: no element the content made sits outside it, and the page did not
    // grow sideways (the 100 kB word wraps).
    const after = root.getBoundingClientRect();
    expect(after.width).toBe(box.width);
    expect(after.height).toBe(box.height);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    for (const el of root.querySelectorAll<HTMLElement>('.crm-inbox-body *')) {
      expect(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'U', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'CODE', 'PRE']).toContain(
        el.tagName,
      );
      expect([...el.attributes].map((a) => a.name).filter((n) => !['href', 'rel', 'target'].includes(n))).toEqual([]);
      if (el.tagName === 'A' && el.getAttribute('href')) expect(el.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    }
    // Only our own markup anywhere: nothing a customer wrote became an element.
    const foreign = 'iframe, script, style, img, form, math, object, embed, [onerror], [onload], [style*="fixed"]';
    for (const area of root.querySelectorAll('.crm-inbox-rows, .crm-inbox-thread, .crm-inbox-canned')) {
      expect(area.querySelector(foreign)).toBeNull();
    }
    const subject = root.querySelector('.crm-inbox-subject') as HTMLElement;
    expect(getComputedStyle(subject).unicodeBidi).toBe('isolate');
    await page.screenshot({ path: '__screenshots__/ticket-inbox-hostile.png' });
  });
});

describe('TicketInbox keyboard, accessibility and rendering', () => {
  it('moves through the queue, opens, replies and shows the help — only while focus is inside', async () => {
    const agentId = (await agent.me.get()).user!.id;
    const contact = await admin.contacts.create({ firstName: 'Keyboard' });
    const tag = `keys${Date.now().toString(36)}`;
    for (let i = 0; i < 3; i++) {
      await admin.tickets.create({ subject: `Key ${i}`, requesterId: contact.id, assigneeId: agentId, tags: [tag] });
    }
    await renderUi(
      <>
        <input aria-label="Host field" />
        <div style={{ height: 760 }}>
          <TicketInbox keymap={{ snooze: 's' }} />
        </div>
      </>,
      { client: agent },
    );
    const user = userEvent.setup();
    // Keys typed in the host page are the host's.
    await user.click(screen.getByRole('textbox', { name: 'Host field' }));
    await user.keyboard('?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: /Filters/ }, { timeout: 20_000 }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), tag);
    const rows = await screen.findByRole('list', { name: 'Tickets' });
    await within(rows).findAllByRole('button', { name: /Key \d/ }, { timeout: 10_000 });
    await waitFor(() => expect(within(rows).getAllByRole('button')).toHaveLength(3));
    within(rows).getAllByRole('button')[0]!.focus();
    await user.keyboard('j');
    await waitFor(() => expect(document.activeElement).toBe(within(rows).getAllByRole('button')[1]));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement).toBe(within(rows).getAllByRole('button')[0]));
    await user.keyboard('o');
    await screen.findByRole('log', { name: 'Conversation' }, { timeout: 15_000 });
    (document.activeElement as HTMLElement).blur();
    within(rows).getAllByRole('button')[0]!.focus();
    await user.keyboard('r');
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Reply'));
    // Typing in the composer never triggers shortcuts.
    await user.keyboard('jk?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull();
    within(rows).getAllByRole('button')[1]!.focus();
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('s')).toBeTruthy();
    await user.keyboard('{Escape}');
  });

  it('is axe-clean in light, dark and high contrast, in Vietnamese and Thai', async () => {
    const contact = await admin.contacts.create({ firstName: 'Axe' });
    const tk = await admin.tickets.create({ subject: 'Accessible', requesterId: contact.id, description: 'Hello' });
    await admin.tickets.note(tk.id, 'An internal note');
    // A thread longer than its pane: a scrolling conversation must be reachable with the keyboard.
    for (let i = 0; i < 12; i++) {
      await admin.tickets.reply(tk.id, {
        body: `Follow-up ${i}: still waiting for the refund.`,
        authorType: 'contact',
      });
    }
    for (const [theme, locale] of [
      ['light', 'en-US'],
      ['dark', 'vi-VN'],
      ['high-contrast', 'th-TH'],
    ] as const) {
      const { container, unmount } = await renderUi(
        <div style={{ height: 760 }}>
          <TicketInbox view="open" />
        </div>,
        { client: agent, locale, appearance: { theme } },
      );
      const rows = await screen.findByRole('list', { name: /./ }, { timeout: 20_000 });
      await waitFor(() => expect(container.querySelector('[data-ticket-id]')).not.toBeNull(), { timeout: 20_000 });
      container.querySelector<HTMLElement>('[data-ticket-id]')!.click();
      await within(container).findByRole('log', {}, { timeout: 15_000 });
      expect(rows).toBeTruthy();
      await new Promise((r) => setTimeout(r, 300));
      const result = await axe.run(container, { resultTypes: ['violations'] });
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(found, `${theme} ${locale}`).toEqual([]);
      await page.screenshot({ path: `__screenshots__/ticket-inbox-${theme}-${locale}.png` });
      unmount();
    }
  });

  it('renders on the server without touching the DOM, and collapses to one pane on a narrow host', async () => {
    const html = renderToString(
      <CrmProvider client={agent} live={false}>
        <TicketInbox />
      </CrmProvider>,
    );
    expect(html).toContain('crm-ticket-inbox');
    await renderUi(
      <div style={{ width: 420, height: 700 }}>
        <TicketInbox view="open" />
      </div>,
      { client: agent },
    );
    const rows = await screen.findByRole('list', { name: 'Tickets' }, { timeout: 20_000 });
    const user = userEvent.setup();
    await user.click(rows.querySelector<HTMLElement>('[data-ticket-id]')!);
    await screen.findByRole('log', { name: 'Conversation' }, { timeout: 15_000 });
    expect(getComputedStyle(rows.closest('section')!).display).toBe('none');
    await user.click(screen.getByRole('button', { name: 'Back to the queue' }));
    await waitFor(() => expect(getComputedStyle(rows.closest('section')!).display).not.toBe('none'));
    await page.screenshot({ path: '__screenshots__/ticket-inbox-narrow.png' });
  });

  it('lets a host that controls the open ticket hear the agent go back to the queue, focus on its row', async () => {
    const contact = await admin.contacts.create({ firstName: 'Kittipong' });
    await admin.tickets.create({
      subject: 'Freeze my membership',
      requesterId: contact.id,
      description: 'Away for June.',
    });
    const closed: string[] = [];
    await renderUi(<ControllingHost closed={closed} />, { client: agent });
    const rows = await screen.findByRole('list', { name: 'Tickets' }, { timeout: 20_000 });
    const user = userEvent.setup();
    const row = rows.querySelector<HTMLElement>('[data-ticket-id]')!;
    const id = row.dataset.ticketId!;
    await user.click(row);
    await screen.findByRole('log', { name: 'Conversation' }, { timeout: 15_000 });
    await user.click(screen.getByRole('button', { name: 'Back to the queue' }));
    expect(closed).toEqual([id]);
    await waitFor(() => expect(getComputedStyle(rows.closest('section')!).display).not.toBe('none'));
    await waitFor(() =>
      expect(document.activeElement?.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')).toBe(id),
    );
  });

  it("keeps a queue row's badges whole and apart in a narrow queue pane", async () => {
    const contact = await admin.contacts.create({ firstName: 'Nittaya', lastName: 'Rattanakosin' });
    await admin.tickets.create({
      subject: 'Renewal payment failed',
      requesterId: contact.id,
      description: 'My card was charged twice.',
      priority: 'urgent',
      tags: ['billing', 'renewal', 'vnpay'],
    });
    await renderUi(
      <div style={{ width: 1000, height: 700 }}>
        <TicketInbox view="open" />
      </div>,
      { client: admin },
    );
    const rows = await screen.findByRole('list', { name: 'Tickets' }, { timeout: 20_000 });
    await waitFor(() => expect(rows.querySelector('[data-ticket-id]')).not.toBeNull(), { timeout: 15_000 });
    // Every rendered row's facts (rows are windowed; at least this urgent, tagged ticket's when run alone): in a narrow
    // queue they wrap onto more lines, all inside the row; none is squeezed under its content (a long tag ends in an
    // ellipsis, its whole text in its title) or onto its neighbour on the same line.
    for (const meta of rows.querySelectorAll<HTMLElement>('.crm-inbox-meta')) {
      const items = [...meta.children] as HTMLElement[];
      expect(items.length).toBeGreaterThan(4);
      const row = meta.closest('.crm-inbox-row')!.getBoundingClientRect();
      for (const [i, item] of items.entries()) {
        const box = item.getBoundingClientRect();
        expect(box.bottom, item.textContent ?? '').toBeLessThanOrEqual(row.bottom);
        expect(box.right, item.textContent ?? '').toBeLessThanOrEqual(row.right);
        if (!item.classList.contains('crm-inbox-tag'))
          expect(box.width, item.textContent ?? '').toBeGreaterThanOrEqual(item.scrollWidth - 1);
        const before = i > 0 ? items[i - 1]!.getBoundingClientRect() : undefined;
        if (before && Math.abs(before.top - box.top) < 2) expect(box.left).toBeGreaterThanOrEqual(before.right - 1);
      }
    }
  });
});
