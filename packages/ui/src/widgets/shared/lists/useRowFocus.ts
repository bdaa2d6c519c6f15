import { type FocusEvent, type KeyboardEvent, useEffect, useRef } from 'react';

const rowsOf = (list: HTMLElement | null) => [...(list?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
/** What a row focuses: its element marked `data-primary` (a checkbox, a link), else the row (`tabIndex={-1}`). */
const focusTarget = (row: HTMLElement) => row.querySelector<HTMLElement>('[data-primary]') ?? row;

/**
 * Keyboard and focus of a list of rows (`<ul>` of `<li tabIndex={-1}>`, spread `listProps` on the list): Arrow Up /
 * Down, Home and End move between rows; when the row holding focus leaves the list (a completed task refetched away),
 * focus goes to the row now in its place rather than the page. `count` is the number of rows.
 *
 * @example
 * const rows = useRowFocus(items.length);
 * <ul {...rows.listProps}>{items.map((i) => <li key={i.id} tabIndex={-1}>…</li>)}</ul>
 */
export function useRowFocus(count: number) {
  const list = useRef<HTMLUListElement | null>(null);
  const focused = useRef(-1);

  // biome-ignore lint/correctness/useExhaustiveDependencies: on every change of the rows
  useEffect(() => {
    const rows = rowsOf(list.current);
    const active = document.activeElement;
    if (focused.current < 0 || !rows.length || (active && active !== document.body)) return;
    focusTarget(rows[Math.min(focused.current, rows.length - 1)]!).focus();
  }, [count]);

  return {
    listProps: {
      ref: list,
      onFocus: (event: FocusEvent<HTMLUListElement>) => {
        focused.current = rowsOf(event.currentTarget).findIndex((row) => row.contains(event.target));
      },
      onBlur: (event: FocusEvent<HTMLUListElement>) => {
        // Focus moved elsewhere on purpose (not lost with its row): forget the row.
        if (event.relatedTarget) focused.current = -1;
      },
      onKeyDown: (event: KeyboardEvent<HTMLUListElement>) => {
        const rows = rowsOf(event.currentTarget);
        const current = rows.findIndex((row) => row.contains(event.target as Node));
        const index = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: rows.length - 1 }[event.key];
        // Menus handle their own arrows (they live in a portal, but React events bubble through it).
        if (index === undefined || current < 0 || (event.target as HTMLElement).closest('[role="menu"]')) return;
        const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
        if (!row) return;
        event.preventDefault();
        focusTarget(row).focus();
      },
    },
  };
}
