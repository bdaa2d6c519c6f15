/** What a column's row shows: one of its deals (by index), the gap where a moving deal would land, or that deal. */
export type Row = { kind: 'item'; index: number } | { kind: 'gap' } | { kind: 'dropped' };

/** A column's rows during a move: its deals with one left out and/or one row put in. */
export interface RowLayout {
  count: number;
  at(row: number): Row;
  /** The row of the deal at `index` (or -1 when it is left out). */
  rowOf(index: number): number;
}

/** What a move does to a column: where it comes from and where it would land (or has just been dropped). */
export interface ColumnMove {
  /** Deals in the column (loaded or not), the moving one included when it is here. */
  total: number;
  /** The moving deal's index here, when it is in this column's deals. */
  origin: number | undefined;
  /** Where it would land here, counted without it, when this column is the target. */
  target: number | undefined;
  /** Dropped: the deal is shown where it landed (and no longer where it was) until the data says so too. */
  dropped: boolean;
}

/**
 * The rows of a column during a move. While dragging, the moving deal stays where it was (faded) and a gap shows where
 * it would land. Once dropped, it shows where it landed and is left out where it was — at once, before the optimistic
 * update of the data reaches the columns — so a drop costs one render of the two columns it touches.
 *
 * @example
 * const rows = layoutRows({ total: 10, origin: 2, target: 5, dropped: false });
 * rows.at(6); // { kind: 'gap' }
 */
export function layoutRows({ total, origin, target, dropped }: ColumnMove): RowLayout {
  let skip: number | undefined;
  let insert: number | undefined;
  let kind: 'gap' | 'dropped' = 'gap';
  if (dropped) {
    if (origin !== undefined && origin !== target) skip = origin;
    if (target !== undefined && origin !== target) {
      insert = target;
      kind = 'dropped';
    }
  } else if (target !== undefined && target !== origin) {
    insert = origin === undefined || target < origin ? target : target + 1;
  }
  const count = total - (skip === undefined ? 0 : 1) + (insert === undefined ? 0 : 1);
  return {
    count,
    at(row) {
      if (row === insert) return { kind };
      const base = insert !== undefined && row > insert ? row - 1 : row;
      return { kind: 'item', index: skip !== undefined && base >= skip ? base + 1 : base };
    },
    rowOf(index) {
      if (index === skip) return -1;
      const base = skip !== undefined && index > skip ? index - 1 : index;
      return insert !== undefined && base >= insert ? base + 1 : base;
    },
  };
}
