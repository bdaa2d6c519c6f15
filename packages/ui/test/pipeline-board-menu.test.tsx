import { useFormat } from '@crmkit/react';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentType, lazy } from 'react';
import { describe, expect, it } from 'vitest';
import { useT } from '../src/context/i18n.js';
import { MessagesScope } from '../src/context/scope.js';
import { boardMessages } from '../src/i18n/messages/pipeline-board/index.js';
import type { CardContext, MoveMenuProps } from '../src/widgets/pipeline-board/column/card-context.js';
import { DealCard } from '../src/widgets/pipeline-board/column/DealCard.js';
import type { BoardDeal } from '../src/widgets/pipeline-board/column/deal-facts.js';
import { MoveMenu } from '../src/widgets/pipeline-board/extras/index.js';
import { renderUi, sandbox } from './harness.js';
import '../src/widgets/pipeline-board/pipeline-board.css';

/** The "Move…" menu as the board loads it (a lazy chunk), held back until `release()`. */
function heldMenu() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const Menu = lazy(async () => {
    await gate;
    return { default: MoveMenu as ComponentType<MoveMenuProps> };
  });
  return { Menu, release };
}

/** A card as a board renders it, with `menu` as its lazily loaded "Move…" menu. */
function Card(props: {
  deal: BoardDeal;
  stages: CardContext['stages'];
  menu: CardContext['MoveMenu'];
  onMoveTo: CardContext['onMoveTo'];
}) {
  const t = useT();
  const f = useFormat();
  const context: CardContext = {
    t,
    f,
    locale: 'en-US',
    now: Date.now(),
    today: new Date().toISOString().slice(0, 10),
    stages: props.stages,
    owners: new Map(),
    names: new Map(),
    cardFields: [],
    canMove: true,
    helpId: 'help',
    onMoveTo: props.onMoveTo,
    MoveMenu: props.menu,
  };
  return <DealCard deal={props.deal} context={context} tabbable />;
}

/** One real deal of a real pipeline, and a card for it whose menu loads when released. */
async function card() {
  const crm = (await sandbox()).client();
  const pipeline = await crm.pipelines.create({
    name: `Menu ${Math.random()}`,
    currency: 'VND',
    stages: [
      { name: 'Lead', probability: 10, kind: 'open' },
      { name: 'Qualified', probability: 40, kind: 'open' },
    ],
  });
  const deal = (await crm.deals.create({
    name: 'Gym fit-out',
    pipelineId: pipeline.id,
    stageId: pipeline.stages[0]!.id,
  })) as BoardDeal;
  const moves: [string, string][] = [];
  const { Menu, release } = heldMenu();
  await renderUi(
    <MessagesScope part={boardMessages}>
      <Card deal={deal} stages={pipeline.stages} menu={Menu} onMoveTo={(id, to) => moves.push([id, to])} />
    </MessagesScope>,
    { client: crm },
  );
  const button = () => screen.getByRole('button', { name: 'Move Gym fit-out' });
  await waitFor(() => expect(button()).toBeInTheDocument());
  return { deal, qualified: pipeline.stages[1]!.id, moves, release, button };
}

describe('a card’s “Move…” button while the menu is still loading', () => {
  it('remembers a press and opens the menu once it is there', async () => {
    const user = userEvent.setup();
    const { deal, qualified, moves, release, button } = await card();
    expect(button()).not.toHaveAttribute('aria-expanded');
    await user.click(button());
    await act(async () => release());
    const item = await screen.findByRole('menuitem', { name: 'Move to Qualified' });
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'));
    await user.click(item);
    expect(moves).toEqual([[deal.id, qualified]]);
    // Closing the menu puts focus back on its (now real) button.
    await waitFor(() => expect(button()).toHaveFocus());
  });

  it('keeps focus on the button when the menu arrives unasked', async () => {
    const user = userEvent.setup();
    const { release, button } = await card();
    button().focus();
    expect(button()).toHaveFocus();
    await act(async () => release());
    await waitFor(() => expect(button()).toHaveAttribute('aria-expanded', 'false'));
    expect(button()).toHaveFocus();
    expect(screen.queryByRole('menu')).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(await screen.findByRole('menu')).toBeInTheDocument();
  });
});
