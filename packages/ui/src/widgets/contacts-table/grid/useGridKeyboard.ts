/**
 * Keyboard navigation of the contacts table's data grid (the WAI-ARIA grid pattern): one Tab stop (a roving
 * tabindex), arrow keys between cells, Home/End, Page Up/Down, Enter to open a row, Space and Shift+Space to select,
 * Shift+Arrow Up/Down to extend the selection. Cells carry `data-cell`, `data-row` (`-1`: the header) and `data-col`.
 */
import { type FocusEvent, type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** Where focus is in the grid: row `-1` is the header row. */
interface Cell {
  row: number;
  col: number;
}

/** Focus and keys of a grid of `rowCount` rows (and a header row) by `colCount` columns. */
export function useGridKeyboard({
  grid,
  scroller,
  rowCount,
  colCount,
  rowHeight,
  scrollToIndex,
  selectable,
  onOpen,
  onToggle,
  onExtend,
}: {
  grid: RefObject<HTMLTableElement | null>;
  /** The scrolling area: its height makes a page for Page Up/Down. */
  scroller: RefObject<HTMLDivElement | null>;
  rowCount: number;
  colCount: number;
  rowHeight: number;
  /** Scrolls row `index` into view (it may be virtualized away). */
  scrollToIndex: (index: number) => void;
  /** Whether rows can be selected (Space, Shift+Space, Shift+Arrow). */
  selectable: boolean;
  /** Enter on row `index`. */
  onOpen: (index: number) => void;
  /** Space on row `index`; Shift+Space with `extend`. */
  onToggle: (index: number, extend: boolean) => void;
  /** Shift+Arrow from row `from` to row `to`. */
  onExtend: (from: number, to: number) => void;
}) {
  const [active, setActive] = useState<Cell>({ row: -1, col: 0 });
  const pendingFocus = useRef(false);
  const maxRow = rowCount - 1;
  const cell: Cell = { row: Math.min(active.row, maxRow), col: Math.min(active.col, colCount - 1) };

  const moveTo = useCallback(
    (next: Cell) => {
      const target = {
        row: Math.max(-1, Math.min(maxRow, next.row)),
        col: Math.max(0, Math.min(colCount - 1, next.col)),
      };
      if (target.row >= 0) scrollToIndex(target.row);
      pendingFocus.current = true;
      setActive(target);
    },
    [maxRow, colCount, scrollToIndex],
  );

  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = grid.current?.querySelector<HTMLElement>(`[data-row="${cell.row}"][data-col="${cell.col}"]`);
    if (!el) return; // Not rendered yet (scrolling): the next render focuses it.
    pendingFocus.current = false;
    (el.querySelector<HTMLElement>('[data-focus-target]') ?? el).focus({ preventScroll: true });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLElement;
    const el = target.closest<HTMLElement>('[data-cell]');
    if (!el) return;
    const here = { row: Number(el.dataset.row), col: Number(el.dataset.col) };
    const ctrl = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1);
    let next: Cell | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { ...here, col: here.col + 1 };
        break;
      case 'ArrowLeft':
        next = { ...here, col: here.col - 1 };
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        next = { ...here, row: here.row + (event.key === 'ArrowUp' ? -1 : 1) };
        if (event.shiftKey && selectable && here.row >= 0 && next.row >= 0 && next.row < rowCount)
          onExtend(here.row, next.row);
        break;
      case 'Home':
        next = ctrl ? { row: rowCount ? 0 : -1, col: 0 } : { ...here, col: 0 };
        break;
      case 'End':
        next = ctrl ? { row: maxRow, col: colCount - 1 } : { ...here, col: colCount - 1 };
        break;
      case 'PageDown':
        next = { ...here, row: Math.max(0, here.row + page) };
        break;
      case 'PageUp':
        next = { ...here, row: Math.max(0, here.row - page) };
        break;
      case 'Enter':
        // Links and buttons in cells do their own thing; anywhere else in a row, Enter opens the contact.
        if (here.row >= 0 && !target.matches('a, button')) {
          event.preventDefault();
          onOpen(here.row);
        }
        return;
      case ' ':
        // On the checkbox, Space is the checkbox's own; Shift+Space extends from anywhere in the row.
        if (here.row >= 0 && selectable && (event.shiftKey || !target.matches('input, button, a'))) {
          event.preventDefault();
          onToggle(here.row, event.shiftKey);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const el = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!el) return;
    const here = { row: Number(el.dataset.row), col: Number(el.dataset.col) };
    if (here.row !== active.row || here.col !== active.col) setActive(here);
  };

  /** The roving tabindex: `0` for the active cell, `-1` for the others. */
  const tabIndexOf = (row: number, col: number) => (row === cell.row && col === cell.col ? 0 : -1);

  return { onKeyDown, onFocus, tabIndexOf };
}
