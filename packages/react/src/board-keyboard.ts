/** A place on a board: a stage, and a position among its deals counted without the deal being moved (0 = top). */
export interface BoardPosition {
  stageId: string;
  index: number;
}

/** A column as a move sees it: its stage and how many deals it holds (all of them, not just the loaded ones). */
export interface BoardColumn {
  stageId: string;
  count: number;
}

/** A deal being moved without a pointer: where it was picked up and where it would be dropped now. */
export interface KeyboardMove {
  dealId: string;
  origin: BoardPosition;
  target: BoardPosition;
}

/** A step of a keyboard move: within the column, to the neighbouring column, or to the column's top or end. */
export type MoveStep = 'up' | 'down' | 'left' | 'right' | 'top' | 'end';

/**
 * The last position of a column for a deal: its end, which is one less in the deal's own column (the deal is not
 * counted there).
 */
export function lastIndex(column: BoardColumn, origin: BoardPosition): number {
  return Math.max(0, column.count - (column.stageId === origin.stageId ? 1 : 0));
}

/**
 * Picks a deal up: the move starts where the deal is.
 *
 * @example
 * let move = pickUp('dea_1', { stageId: 'stg_lead', index: 3 });
 */
export function pickUp(dealId: string, origin: BoardPosition): KeyboardMove {
  return { dealId, origin, target: origin };
}

/**
 * The move after one step. Up and down move within the column (stopping at its top and end), left and right move to
 * the neighbouring column at the same position or its end if it holds fewer deals (stopping at the first and last
 * columns), top and end jump within the column. `columns` are in board order; stages not in it are skipped.
 *
 * @example
 * move = stepMove(move, 'right', [{ stageId: 'stg_lead', count: 12 }, { stageId: 'stg_won', count: 3 }]);
 * move.target; // { stageId: 'stg_won', index: 3 }
 */
export function stepMove(move: KeyboardMove, step: MoveStep, columns: readonly BoardColumn[]): KeyboardMove {
  const at = columns.findIndex((c) => c.stageId === move.target.stageId);
  const column = columns[at];
  if (!column) return move;
  const { index } = move.target;
  const clamp = (c: BoardColumn, i: number) => Math.max(0, Math.min(i, lastIndex(c, move.origin)));
  let target: BoardPosition = move.target;
  if (step === 'up') target = { stageId: column.stageId, index: clamp(column, index - 1) };
  else if (step === 'down') target = { stageId: column.stageId, index: clamp(column, index + 1) };
  else if (step === 'top') target = { stageId: column.stageId, index: 0 };
  else if (step === 'end') target = { stageId: column.stageId, index: lastIndex(column, move.origin) };
  else {
    const next = columns[at + (step === 'left' ? -1 : 1)];
    if (next) target = { stageId: next.stageId, index: clamp(next, index) };
  }
  return target.stageId === move.target.stageId && target.index === move.target.index ? move : { ...move, target };
}

/** Whether a move would leave the deal where it is. */
export function isInPlace(move: KeyboardMove): boolean {
  return move.target.stageId === move.origin.stageId && move.target.index === move.origin.index;
}

/** The arrow and navigation keys of a keyboard move, as steps (undefined for other keys). */
export function stepOfKey(key: string): MoveStep | undefined {
  return (
    {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
      Home: 'top',
      End: 'end',
    } as const
  )[key];
}
