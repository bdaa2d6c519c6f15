import { CrmError, type RecordOf } from '@crmkit/client';
import { type BoardPosition, type Neighbours, neighboursAt, useMoveDeal } from '@crmkit/react';
import { type RefObject, useCallback, useState } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import type { ColumnApi } from '../column/Column.js';
import type { BoardDeal, BoardStage } from '../column/deal-facts.js';

/** The columns of a board by stage id, as they register themselves. */
export type ColumnRegistry = Map<string, RefObject<ColumnApi | null>>;

/** Where a deal is on the board. */
export interface Located {
  deal: BoardDeal;
  stageId: string;
  index: number;
}

/** Finds a loaded deal in the board's columns. */
export function locate(columns: ColumnRegistry, dealId: string): Located | undefined {
  for (const [stageId, ref] of columns) {
    const index = ref.current?.items.findIndex((d) => d.id === dealId) ?? -1;
    if (index >= 0) return { deal: ref.current!.items[index]!, stageId, index };
  }
  return undefined;
}

/** Deals in a column as a move counts them: the whole column, the moving deal included once. */
export function countWith(columns: ColumnRegistry, stageId: string, from: string): number {
  const total = columns.get(stageId)?.current?.total ?? 0;
  return stageId === from ? total : total + 1;
}

/** A move waiting for its lost reason. */
export interface LostPrompt {
  deal: BoardDeal;
  target: BoardPosition;
}

interface Options {
  columns: ColumnRegistry;
  stages: readonly BoardStage[];
  t: Translate;
  announce: (message: string, politeness?: 'polite' | 'assertive') => void;
  onDealMoved?: (deal: RecordOf<'deals'>) => void;
  /** A move of `dealId` is over, accepted or not. */
  onSettled?: (dealId: string) => void;
}

/**
 * What the board does when a deal is dropped, whatever moved it (pointer, keyboard or the "Move…" menu): nothing when
 * it lands where it was; a lost reason first when it lands on a lost stage (nothing is written if the user cancels);
 * otherwise one optimistic `move` between its new neighbours — loading the target column's pages first when the
 * neighbours are not loaded yet. A refusal rolls back and says why; a 412 becomes the move's `conflict`.
 */
export function useBoardMoves({ columns, stages, t, announce, onDealMoved, onSettled }: Options) {
  const mover = useMoveDeal();
  const { move } = mover;
  const [lostPrompt, setLostPrompt] = useState<LostPrompt | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  /** The neighbours of a position as far as the column has loaded (null when they are not loaded yet). */
  const known = useCallback(
    (dealId: string, target: BoardPosition): Neighbours | null => {
      const column = columns.get(target.stageId)?.current;
      if (!column) return { afterId: null, beforeId: null };
      const own = column.items.some((d) => d.id === dealId) ? 1 : 0;
      const found = neighboursAt(column.items, dealId, target.index, column.total - own);
      return found ?? (column.complete ? { afterId: column.items.at(-1)?.id ?? null, beforeId: null } : null);
    },
    [columns],
  );
  /** The neighbours of a position, loading the column's pages until they are known. */
  const neighbours = useCallback(
    async (dealId: string, target: BoardPosition) => {
      for (;;) {
        const found = known(dealId, target);
        if (found) return found;
        await columns.get(target.stageId)?.current?.fetchNextPage();
      }
    },
    [columns, known],
  );

  const run = useCallback(
    async (deal: BoardDeal, target: BoardPosition, lostReason?: string) => {
      setNotice(null);
      const stage = stages.find((s) => s.id === target.stageId);
      // Known neighbours move at once (no await: the card lands in this task); unknown ones load first.
      const { afterId = null, beforeId = null } = known(deal.id, target) ?? (await neighbours(deal.id, target));
      move(
        { id: deal.id, stageId: target.stageId, afterId, beforeId, ...(lostReason ? { lostReason } : {}) },
        {
          onSuccess: (moved) => onDealMoved?.(moved),
          onSettled: () => onSettled?.(deal.id),
          onError: (error) => {
            if (error instanceof CrmError && error.status === 412) return;
            // The server's reason, for a refusal (a 4xx); a network or server failure just says it failed.
            const refused = error instanceof CrmError && error.status >= 400 && error.status < 500;
            const reason = refused ? (error.errors[0]?.message ?? error.detail ?? error.title) : undefined;
            const message = reason
              ? t('board.dnd.refused', { name: deal.name, reason })
              : t('board.dnd.failed', { name: deal.name });
            setNotice(message);
            announce(message, 'assertive');
          },
        },
      );
      announce(
        t('board.dnd.dropped', {
          name: deal.name,
          stage: stage?.name ?? '',
          position: target.index + 1,
          count: countWith(columns, target.stageId, deal.stageId),
        }),
      );
    },
    [stages, known, neighbours, move, onDealMoved, onSettled, t, announce, columns],
  );

  /**
   * Drops `dealId` at `target`: `none` when that is where it is, `prompt` when a lost reason is asked first (nothing is
   * written until it is given), `moved` when the move is on its way.
   */
  const commit = useCallback(
    (dealId: string, target: BoardPosition): 'none' | 'prompt' | 'moved' => {
      const at = locate(columns, dealId);
      if (!at || (at.stageId === target.stageId && at.index === target.index)) return 'none';
      const stage = stages.find((s) => s.id === target.stageId);
      if (stage?.kind === 'lost' && at.stageId !== target.stageId) {
        setLostPrompt({ deal: at.deal, target });
        return 'prompt';
      }
      void run(at.deal, target);
      return 'moved';
    },
    [columns, stages, run],
  );

  return {
    commit,
    lostPrompt,
    /** Moves the prompted deal with `reason`, or (without one) cancels: nothing is written. */
    resolveLost: (reason: string | null) => {
      const prompt = lostPrompt;
      setLostPrompt(null);
      if (prompt && reason) void run(prompt.deal, prompt.target, reason);
    },
    notice,
    dismissNotice: () => setNotice(null),
    conflict: mover.conflict,
    isPending: mover.isPending,
  };
}
