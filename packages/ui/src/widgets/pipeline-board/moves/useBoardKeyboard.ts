import { type BoardColumn, type BoardPosition, type KeyboardMove, pickUp, stepMove, stepOfKey } from '@crmkit/react';
import type { KeyboardEvent } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import type { BoardDeal, BoardStage } from '../column/deal-facts.js';
import { type ColumnRegistry, countWith, locate } from './useBoardMoves.js';

/** A move in progress on the board, by pointer or keyboard. */
export interface BoardDrag extends KeyboardMove {
  mode: 'pointer' | 'keyboard';
  /** Dropped (the deal as it was): shown where it landed until the columns' data has it there. */
  dropped?: BoardDeal;
}

interface Options {
  columns: ColumnRegistry;
  /** Stages in board order, folded ones included. */
  stages: readonly BoardStage[];
  collapsed: ReadonlySet<string>;
  counts: (stageId: string) => number;
  drag: BoardDrag | null;
  canMove: boolean;
  t: Translate;
  announce: (message: string) => void;
  focus: (dealId: string, stageId: string) => void;
  setDrag: (drag: BoardDrag | null) => void;
  /** Drops the moving deal at `target` (the board decides: in place, a lost reason first, or a move). */
  drop: (target: BoardPosition) => void;
  cancel: () => void;
  onOpenDeal?: (id: string, deal: BoardDeal) => void;
}

/**
 * The board's keyboard, on the focused card (one tab stop for the whole board, as in a grid): arrows move the focus
 * between cards and columns, Home/End to a column's first and last card, Enter opens the deal, Shift+F10 (or the
 * context menu key) opens its "Move…" menu, and Space picks it up. While it is picked up, arrows move it — within the
 * column, and across columns keeping its position where it can — Home/End to the column's top and end, Space or Enter
 * drops it, Escape (or leaving the card) cancels. Every step is announced.
 */
export function useBoardKeyboard(o: Options) {
  const columnsFor = (): BoardColumn[] => o.stages.map((s) => ({ stageId: s.id, count: o.counts(s.id) }));
  const say = (key: 'board.dnd.picked' | 'board.dnd.over', move: KeyboardMove, name: string) => {
    const stage = o.stages.find((s) => s.id === move.target.stageId)?.name ?? '';
    const count = countWith(o.columns, move.target.stageId, move.origin.stageId);
    o.announce(o.t(key, { name, stage, position: move.target.index + 1, count }));
  };

  /** Moves the focus to the card at `index` of `stageId` (clamped to the column). */
  const focusAt = (stageId: string, index: number) => {
    const column = o.columns.get(stageId)?.current;
    if (!column || column.total === 0) return false;
    const i = Math.max(0, Math.min(index, column.total - 1));
    const deal = column.items[i];
    column.scrollToIndex(i);
    if (deal) o.focus(deal.id, stageId);
    return !!deal;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('[data-deal-id]');
    if (!card || card !== event.target) return;
    const dealId = card.dataset.dealId!;
    const at = locate(o.columns, dealId);
    if (!at) return;
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    const drag = o.drag;
    if (drag?.mode === 'keyboard' && drag.dealId === dealId && !drag.dropped) {
      const step = stepOfKey(event.key);
      if (step) {
        handled();
        const next = stepMove(drag, step, columnsFor());
        if (next === drag) return;
        o.setDrag({ ...next, mode: 'keyboard' });
        o.columns.get(next.target.stageId)?.current?.scrollToIndex(next.target.index);
        say('board.dnd.over', next, at.deal.name);
      } else if (event.key === ' ' || event.key === 'Enter') {
        handled();
        o.drop(drag.target);
      } else if (event.key === 'Escape') {
        handled();
        o.cancel();
      }
      return;
    }
    if (drag) return;
    const order = o.stages.filter((s) => !o.collapsed.has(s.id));
    const column = order.findIndex((s) => s.id === at.stageId);
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        handled();
        focusAt(at.stageId, at.index + (event.key === 'ArrowUp' ? -1 : 1));
        return;
      case 'Home':
      case 'End':
        handled();
        focusAt(at.stageId, event.key === 'Home' ? 0 : Number.MAX_SAFE_INTEGER);
        return;
      case 'ArrowLeft':
      case 'ArrowRight': {
        handled();
        const dir = event.key === 'ArrowLeft' ? -1 : 1;
        for (let c = column + dir; c >= 0 && c < order.length; c += dir) if (focusAt(order[c]!.id, at.index)) return;
        return;
      }
      case 'Enter':
        handled();
        o.onOpenDeal?.(dealId, at.deal);
        return;
      case ' ':
        if (!o.canMove) return;
        handled();
        {
          const move = pickUp(dealId, { stageId: at.stageId, index: at.index });
          o.setDrag({ ...move, mode: 'keyboard' });
          say('board.dnd.picked', move, at.deal.name);
        }
        return;
      case 'F10':
      case 'ContextMenu':
        if (event.key === 'F10' && !event.shiftKey) return;
        handled();
        card.querySelector<HTMLElement>('[data-pb-menu]')?.click();
        return;
    }
  };

  /** Leaving the card while it is picked up cancels the move. */
  const onBlur = (event: { target: EventTarget; relatedTarget: EventTarget | null }) => {
    const drag = o.drag;
    if (drag?.mode !== 'keyboard' || drag.dropped) return;
    const card = (event.target as HTMLElement).closest?.('[data-deal-id]') as HTMLElement | null;
    if (card?.dataset.dealId === drag.dealId && !card.contains(event.relatedTarget as Node | null)) o.cancel();
  };

  return { onKeyDown, onBlur };
}
