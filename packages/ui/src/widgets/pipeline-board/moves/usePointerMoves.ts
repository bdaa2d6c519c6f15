import { pickUp } from '@crmkit/react';
import { type RefObject, useEffect, useState } from 'react';
import type { Announce } from '../../../context/ui.js';
import type { Translate } from '../../../i18n/translate.js';
import { type DragPoint, useBoardDrag } from './useBoardDrag.js';
import { locate } from './useBoardMoves.js';
import type { BoardState } from './useBoardState.js';

interface Options {
  state: BoardState;
  /** The columns' horizontal scroller. */
  scroller: RefObject<HTMLElement | null>;
  preview: RefObject<HTMLElement | null>;
  rowHeight: number;
  counts: (stageId: string) => number;
  canMove: boolean;
  t: Translate;
  announce: Announce;
}

/**
 * Pointer drags on the board (see `useBoardDrag`): where a point would drop — the column under it, and the row by
 * arithmetic on one row height, only between loaded deals or at the very end — and the drag's start, moves, drop and
 * cancel as board state. Returns the pointer-down handler and where the drag preview is while dragging.
 */
export function usePointerMoves({ state, scroller, preview, rowHeight, counts, canMove, t, announce }: Options) {
  const { columns, dragRef, setDrag } = state;
  const [point, setPoint] = useState<DragPoint | null>(null);
  const { onPointerDown } = useBoardDrag(
    scroller,
    preview,
    {
      targetAt: (x, y) => {
        const d = dragRef.current;
        const column = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-pb-column]');
        if (!d || !column || !scroller.current?.contains(column)) return null;
        const stageId = column.dataset.pbColumn!;
        const list = column.querySelector<HTMLElement>('[data-pb-list]');
        const api = columns.get(stageId)?.current;
        if (!list || !api) return { stageId, index: 0 };
        const own = api.items.findIndex((i) => i.id === d.dealId);
        const row = Math.floor((y - list.getBoundingClientRect().top) / rowHeight + 0.5);
        const index = own >= 0 && row > own ? row - 1 : row;
        const max = (api.complete ? api.total : api.items.length) - (own >= 0 ? 1 : 0);
        return { stageId, index: Math.max(0, Math.min(index, max)) };
      },
      onStart: (dealId, p) => {
        const at = locate(columns, dealId);
        if (!at) return;
        setDrag({ ...pickUp(dealId, { stageId: at.stageId, index: at.index }), mode: 'pointer' });
        setPoint({ ...p });
        const position = at.index + 1;
        const count = counts(at.stageId);
        announce(t('board.dnd.picked', { name: at.deal.name, stage: state.stageName(at.stageId), position, count }));
      },
      onTarget: (target) => {
        const d = dragRef.current;
        if (d) setDrag({ ...d, target: target ?? d.origin });
      },
      onDrop: (target) => {
        const d = dragRef.current;
        if (d) state.drop(target ?? d.origin);
      },
      onCancel: state.cancel,
    },
    canMove,
  );
  const mode = state.drag?.mode;
  useEffect(() => {
    if (mode !== 'pointer') setPoint(null);
  }, [mode]);
  return { onPointerDown, point };
}
