import type { RecordOf } from '@crmkit/client';
import { type BoardPosition, holdLive } from '@crmkit/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Announce } from '../../../context/ui.js';
import type { Translate } from '../../../i18n/translate.js';
import type { ColumnApi } from '../column/Column.js';
import type { BoardStage } from '../column/deal-facts.js';
import type { BoardDrag } from './useBoardKeyboard.js';
import { type ColumnRegistry, locate, useBoardMoves } from './useBoardMoves.js';

interface Options {
  stages: readonly BoardStage[];
  t: Translate;
  announce: Announce;
  onDealMoved?: (deal: RecordOf<'deals'>) => void;
}

/**
 * The board's moving parts, whatever moves a deal (pointer, keyboard, the "Move…" menu): the columns' registry, the
 * move in progress (while there is one, the change feed is held: nothing shifts under the user's hands), dropping
 * and cancelling it, and the focus that follows a card to its new place.
 */
export function useBoardState({ stages, t, announce, onDealMoved }: Options) {
  const queryClient = useQueryClient();
  const columns = useRef<ColumnRegistry>(new Map()).current;
  const register = useCallback(
    (stageId: string, api: { current: ColumnApi | null } | null) => {
      if (api) columns.set(stageId, api);
      else columns.delete(stageId);
    },
    [columns],
  );
  const [drag, setDragState] = useState<BoardDrag | null>(null);
  // The move as handlers see it, ahead of renders.
  const dragRef = useRef(drag);
  const hold = useRef<(() => void) | null>(null);
  const setDrag = useCallback(
    (next: BoardDrag | null) => {
      if (next && !hold.current) hold.current = holdLive(queryClient);
      if (!next) {
        hold.current?.();
        hold.current = null;
      }
      dragRef.current = next;
      setDragState(next);
    },
    [queryClient],
  );
  useEffect(() => () => hold.current?.(), []);

  // A move that never shows where it was dropped (refused, or its neighbours were not loaded) ends when it settles.
  const onSettled = useCallback(
    (dealId: string) => {
      if (dragRef.current?.dropped && dragRef.current.dealId === dealId) setDrag(null);
    },
    [setDrag],
  );
  const moves = useBoardMoves({ columns, stages, t, announce, onDealMoved, onSettled });

  const [focusId, setFocusId] = useState<string | null>(null);
  const pendingFocus = useRef<{ dealId: string; stageId: string } | null>(null);
  /** Focuses a deal's card in a column as soon as it shows there (its column may have to scroll or load first). */
  const focus = useCallback((dealId: string, stageId: string) => {
    setFocusId(dealId);
    pendingFocus.current = { dealId, stageId };
  }, []);

  const stageName = useCallback((id: string) => stages.find((s) => s.id === id)?.name ?? '', [stages]);
  const cancel = useCallback(() => {
    const d = dragRef.current;
    if (!d) return;
    const at = locate(columns, d.dealId);
    setDrag(null);
    if (at) announce(t('board.dnd.cancelled', { name: at.deal.name, stage: stageName(at.stageId) }));
  }, [columns, setDrag, announce, t, stageName]);

  const { commit } = moves;
  const drop = useCallback(
    (target: BoardPosition) => {
      const d = dragRef.current;
      if (!d) return;
      const deal = locate(columns, d.dealId)?.deal;
      const result = commit(d.dealId, target);
      if (result === 'moved') {
        // The deal shows where it landed in this render; the move ends once the data has it there (`onLanded`).
        setDrag({ ...d, target, dropped: deal });
        if (d.mode === 'keyboard') focus(d.dealId, target.stageId);
      } else if (result === 'none') cancel();
      else setDrag(null);
    },
    [columns, commit, setDrag, focus, cancel],
  );
  /** A column shows the moving deal where it would land: once dropped, the move is over. */
  const onLanded = useCallback(() => {
    if (dragRef.current?.dropped) setDrag(null);
  }, [setDrag]);

  /** The "Move…" menu: up, down, or to the top of another stage. */
  const onMoveTo = useCallback(
    (dealId: string, to: string) => {
      const at = locate(columns, dealId);
      if (!at) return;
      const total = columns.get(at.stageId)?.current?.total ?? 0;
      const target =
        to === 'up' || to === 'down'
          ? { stageId: at.stageId, index: Math.max(0, Math.min(total - 1, at.index + (to === 'up' ? -1 : 1))) }
          : { stageId: to, index: 0 };
      if (commit(dealId, target) === 'moved') focus(dealId, target.stageId);
    },
    [columns, commit, focus],
  );

  return {
    columns,
    register,
    drag,
    dragRef,
    setDrag,
    moves,
    focusId,
    pendingFocus,
    focus,
    stageName,
    cancel,
    drop,
    onLanded,
    onMoveTo,
  };
}

/** What {@link useBoardState} returns. */
export type BoardState = ReturnType<typeof useBoardState>;
