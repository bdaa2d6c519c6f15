import type { CrmClient, FetchLike } from '@crmkit/client';
import type { Sandbox } from '@crmkit/sandbox';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { userEvent as browser, commands } from 'vitest/browser';
import { PipelineBoard } from '../src/widgets/pipeline-board/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

let s: Sandbox;
let admin: CrmClient;
beforeAll(async () => {
  s = await sandbox();
  admin = s.client();
});

let made = 0;
/** A pipeline of its own for each test: Lead, Qualified, Won, Lost (VND). */
async function pipeline() {
  const p = await admin.pipelines.create({
    name: `Board ${++made}`,
    currency: 'VND',
    stages: [
      { name: 'Lead', probability: 10, kind: 'open' },
      { name: 'Qualified', probability: 40, kind: 'open' },
      { name: 'Won', probability: 100, kind: 'won' },
      { name: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  const [lead, qualified, won, lost] = p.stages as [
    (typeof p.stages)[0],
    (typeof p.stages)[0],
    (typeof p.stages)[0],
    (typeof p.stages)[0],
  ];
  return { id: p.id, lead, qualified, won, lost };
}

/** Creates deals named `names` in a stage, in that order (100 per batch). */
async function seed(pipelineId: string, stageId: string, names: string[]) {
  const out: { id: string; name: string; version: number }[] = [];
  for (let i = 0; i < names.length; i += 100) {
    const { results } = await admin.deals.batch(
      names
        .slice(i, i + 100)
        .map((name) => ({ op: 'create' as const, data: { name, amount: 1_000_000, pipelineId, stageId } })),
    );
    for (const r of results) out.push(r.data as never);
  }
  return out;
}

/** Deal names of a stage in board order, as the server stores them. */
async function stored(pipelineId: string, stageId: string) {
  const names: string[] = [];
  for await (const d of admin.deals.iterate({ filter: { pipelineId, stageId }, sort: 'rank', limit: 200 }))
    names.push(d.name);
  return names;
}

/**
 * A client whose change feed says when it is open: `open` resolves once the feed's first bytes (the server's statement
 * of its position) have arrived, so every later change reaches the board.
 */
function watchFeed() {
  let opened: () => void = () => {};
  const open = new Promise<void>((resolve) => (opened = resolve));
  const fetch: FetchLike = async (input, init) => {
    const res = await s.fetch(input, init);
    if (!input.includes('/v1/events') || !res.body) return res;
    const seen = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        opened();
        out.enqueue(chunk);
      },
    });
    return new Response(res.body.pipeThrough(seen), res);
  };
  return { client: s.client({ fetch }), open };
}

const column = (name: string) => screen.findByRole('region', { name }, { timeout: 15_000 });
/** Card names of a column, in order, as rendered. */
const cards = (col: HTMLElement) =>
  [...col.querySelectorAll<HTMLElement>('li[aria-posinset]')]
    .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
    .map((li) => li.querySelector('.crm-pb-card-name')?.textContent);
const card = async (col: HTMLElement, name: string) =>
  (await within(col).findByRole('article', { name }, { timeout: 15_000 })) as HTMLElement;

describe('PipelineBoard moves', () => {
  it('a mouse drag between columns lands between the neighbours and persists after reload', async () => {
    const p = await pipeline();
    await seed(p.id, p.lead.id, ['A', 'B', 'C']);
    await seed(p.id, p.qualified.id, ['X', 'Y']);
    const first = await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'Y']));
    // Dropped on the upper part of Y: the card lands before it.
    const y = await card(qualified, 'Y');
    const box = y.getBoundingClientRect();
    await browser.dragAndDrop(await card(lead, 'B'), y, { targetPosition: { x: box.width / 2, y: box.height / 5 } });
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'B', 'Y']));
    expect(cards(lead)).toEqual(['A', 'C']);
    await waitFor(async () => expect(await stored(p.id, p.qualified.id)).toEqual(['X', 'B', 'Y']));

    first.unmount();
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const again = await column('Qualified');
    await waitFor(() => expect(cards(again)).toEqual(['X', 'B', 'Y']));
    expect(cards(await column('Lead'))).toEqual(['A', 'C']);
  });

  it('a touch drag (long press, then move) lands where the finger lifts; a quick swipe does not move the card', async () => {
    const p = await pipeline();
    await seed(p.id, p.lead.id, ['A', 'B']);
    await seed(p.id, p.qualified.id, ['X', 'Y']);
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'Y']));
    const centre = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    // A long press picks the card up; moving the finger carries it.
    await commands.touchDrag(centre(await card(lead, 'A')), centre(await card(qualified, 'Y')));
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'A', 'Y']));
    await waitFor(async () => expect(await stored(p.id, p.qualified.id)).toEqual(['X', 'A', 'Y']));
    // A swipe without holding first is a scroll (up and down: sideways at the page's edge it would be the browser's
    // back gesture): nothing moves.
    const b = centre(await card(lead, 'B'));
    await commands.touchDrag(b, { x: b.x, y: b.y + 160 }, { hold: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(cards(lead)).toEqual(['B']);
  });

  it('a keyboard move (Space, arrows, Space) is announced and persists after reload', async () => {
    const user = userEvent.setup();
    const p = await pipeline();
    await seed(p.id, p.lead.id, ['A', 'B']);
    await seed(p.id, p.qualified.id, ['X', 'Y', 'Z']);
    const first = await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    const a = await card(lead, 'A');
    a.focus();
    await user.keyboard(' ');
    const status = () => document.querySelector('[role="status"][aria-live]')?.textContent ?? '';
    await waitFor(() => expect(status()).toMatch(/^Picked up A in Lead, position 1 of 2\./));
    await user.keyboard('{ArrowRight}');
    await waitFor(() => expect(status()).toBe('Qualified, position 1 of 4.'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(status()).toBe('Qualified, position 3 of 4.'));
    // Focus never left the card while it moved.
    expect(document.activeElement).toBe(a);
    await user.keyboard(' ');
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'Y', 'A', 'Z']));
    await waitFor(() => expect(status()).toBe('Moved A to Qualified, position 3 of 4.'));
    // The moved card has the focus in its new place.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-deal-id')).toBe(a.dataset.dealId));
    await waitFor(async () => expect(await stored(p.id, p.qualified.id)).toEqual(['X', 'Y', 'A', 'Z']));

    first.unmount();
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    await waitFor(async () => expect(cards(await column('Qualified'))).toEqual(['X', 'Y', 'A', 'Z']));
  });

  it('Escape cancels a keyboard move: nothing is written', async () => {
    const user = userEvent.setup();
    const p = await pipeline();
    const [a] = await seed(p.id, p.lead.id, ['A']);
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    (await card(await column('Lead'), 'A')).focus();
    await user.keyboard(' {ArrowRight}{Escape}');
    await waitFor(() =>
      expect(document.querySelector('[role="status"][aria-live]')?.textContent).toBe(
        'Move cancelled. A is back in Lead.',
      ),
    );
    expect((await admin.deals.get(a!.id)).version).toBe(a!.version);
  });

  it('a move the server refuses rolls back visibly, with its reason', async () => {
    const p = await pipeline();
    await seed(p.id, p.lead.id, ['A']);
    const [x] = await seed(p.id, p.qualified.id, ['X', 'Y']);
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'Y']));
    // Someone else moves X away; this board (no live feed) still shows it, so the drop names a stale neighbour.
    await admin.deals.move(x!.id, { stageId: p.won.id });
    await browser.dragAndDrop(await card(lead, 'A'), await card(qualified, 'Y'));
    const notice = await screen.findByText(
      /^Couldn’t move A: /,
      { selector: '[role="alert"] span' },
      { timeout: 10_000 },
    );
    expect(notice.textContent).toBe('Couldn’t move A: no deal X in the target stage'.replace('X', x!.id));
    await waitFor(() => expect(cards(lead)).toEqual(['A']));
    expect(cards(qualified)).not.toContain('A');
    expect(await stored(p.id, p.lead.id)).toEqual(['A']);
  });

  it('a drop on a lost stage asks for the reason first; cancelling writes nothing', async () => {
    const user = userEvent.setup();
    const p = await pipeline();
    const [a, b] = await seed(p.id, p.lead.id, ['A', 'B']);
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    // Lost is folded by default: dropping on its strip still works.
    await browser.dragAndDrop(await card(lead, 'A'), await column('Lost'));
    const dialog = await screen.findByRole('dialog', { name: 'Why was A lost?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cards(lead)).toEqual(['A', 'B']);
    expect((await admin.deals.get(a!.id)).version).toBe(a!.version);

    // With a reason, it moves and the reason is stored.
    (await card(lead, 'B')).focus();
    await user.keyboard(' {ArrowRight}{ArrowRight}{ArrowRight} ');
    const ask = await screen.findByRole('dialog', { name: 'Why was B lost?' });
    await user.click(within(ask).getByRole('button', { name: 'Mark as lost' }));
    expect(within(ask).getByText('Choose a reason or describe one.')).toBeTruthy();
    await user.type(within(ask).getByRole('textbox', { name: /Reason/ }), 'Went with a competitor');
    await user.click(within(ask).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(async () =>
      expect(await admin.deals.get(b!.id)).toMatchObject({ stageId: p.lost.id, lostReason: 'Went with a competitor' }),
    );
    await waitFor(() => expect(cards(lead)).toEqual(['A']));
  });

  it('the "Move…" menu moves a card without dragging', async () => {
    const user = userEvent.setup();
    const p = await pipeline();
    await seed(p.id, p.lead.id, ['A', 'B']);
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: admin });
    const lead = await column('Lead');
    // The menu is in the board's lazily loaded chunk: until it is there, the card shows its button alone.
    const menu = async (name: string) => {
      const button = () => within(lead).getByRole('button', { name: `Move ${name}` });
      await waitFor(() => expect(button()).toHaveAttribute('aria-expanded'), { timeout: 15_000 });
      return button();
    };
    await user.click(await menu('B'));
    await user.click(await screen.findByRole('menuitem', { name: 'Move to Qualified' }));
    await waitFor(async () => expect(await stored(p.id, p.qualified.id)).toEqual(['B']));
    await user.click(await menu('A'));
    await user.click(await screen.findByRole('menuitem', { name: 'Move down' }));
    await waitFor(async () => expect(await stored(p.id, p.lead.id)).toEqual(['A']));
  });

  it('a move by someone else appears live', async () => {
    const p = await pipeline();
    const [a] = await seed(p.id, p.lead.id, ['A', 'B']);
    await seed(p.id, p.qualified.id, ['X']);
    const feed = watchFeed();
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client: feed.client, live: true });
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['X']));
    await feed.open;
    await admin.deals.move(a!.id, { stageId: p.qualified.id });
    await waitFor(() => expect(cards(qualified)).toEqual(['X', 'A']));
    expect(cards(await column('Lead'))).toEqual(['B']);
  });
});

describe('PipelineBoard at size', () => {
  it('with 1,200 deals in one stage every deal is reachable, the DOM stays small, and moving the 1,100th persists once', async () => {
    const user = userEvent.setup();
    const p = await pipeline();
    const names = Array.from({ length: 1200 }, (_, i) => `Deal ${String(i + 1).padStart(4, '0')}`);
    const made = await seed(p.id, p.lead.id, names);
    const moves: string[] = [];
    const client = s.client({
      fetch: (input, init) => {
        if (input.endsWith('/move')) moves.push(input);
        return s.fetch(input, init);
      },
    });
    await renderUi(<PipelineBoard pipelineId={p.id} />, { client });
    const lead = await column('Lead');
    await card(lead, 'Deal 0001');
    // The count is the server's, not what is loaded.
    expect(within(lead).getByText('1,200')).toBeTruthy();
    expect(lead.querySelectorAll('[data-deal-id]').length).toBeLessThan(40);

    // Scroll to the 1,100th: its pages load, and it shows.
    const scroller = lead.querySelector<HTMLElement>('[data-pb-scroll]')!;
    const row = lead.querySelector<HTMLElement>('[data-pb-list]')!.offsetHeight / 1200;
    scroller.scrollTop = 1099 * row;
    const target = await card(lead, 'Deal 1100');
    expect(lead.querySelectorAll('[data-deal-id]').length).toBeLessThan(40);
    // The last deal is reachable too.
    scroller.scrollTop = scroller.scrollHeight;
    await card(lead, 'Deal 1200');

    scroller.scrollTop = 1099 * row;
    (await card(lead, 'Deal 1100')).focus();
    expect(target.dataset.dealId).toBe(made[1099]!.id);
    await user.keyboard(' {ArrowRight}{Home} ');
    await waitFor(async () => expect(await stored(p.id, p.qualified.id)).toEqual(['Deal 1100']));
    expect(moves).toEqual([`${s.baseUrl}/v1/deals/${made[1099]!.id}/move`]);
    const left = await stored(p.id, p.lead.id);
    expect(left).toHaveLength(1199);
    expect(left).not.toContain('Deal 1100');
    const qualified = await column('Qualified');
    await waitFor(() => expect(cards(qualified)).toEqual(['Deal 1100']));
    await waitFor(() => expect(within(lead).getByText('1,199')).toBeTruthy());
  });
});
