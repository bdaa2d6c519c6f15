import { type RefObject, useCallback, useEffect, useState } from 'react';

/** Options of {@link useWindow}. */
export interface WindowOptions {
  /** Rows in the list. */
  count: number;
  /** Fixed height of a row, in pixels. */
  rowHeight: number;
  /** The scrolling element. */
  scroller: RefObject<HTMLElement | null>;
  /** Rows rendered above and below the viewport (default 8). */
  overscan?: number;
  /** Height of sticky content above the rows (a table header), in pixels. */
  offset?: number;
}

/** What {@link useWindow} returns: the rows to render and the space the others take. */
export interface WindowRange {
  start: number;
  end: number;
  /** Height of the rows above `start`. */
  before: number;
  /** Height of the rows from `end` on. */
  after: number;
  /** Scrolls as little as needed for row `index` to be fully visible below the sticky header. */
  scrollToIndex: (index: number) => void;
  /** The scroller's inner width (0 until measured): rows may take another height on a narrow one. */
  width: number;
}

/** Rows rendered before the scroller's size is known (the first render, and on the server). */
const INITIAL_VIEWPORT = 640;

/**
 * Windowing for a list of fixed-height rows: only the rows in view (plus `overscan`) are rendered, and spacers keep
 * the scroll height. Follows scrolling and resizing of `scroller`, also when it mounts after the first render.
 *
 * @example
 * const { start, end, before, after } = useWindow({ count: rows.length, rowHeight: 44, scroller });
 */
export function useWindow({ count, rowHeight, scroller, overscan = 8, offset = 0 }: WindowOptions): WindowRange {
  const [view, setView] = useState({ top: 0, height: INITIAL_VIEWPORT, width: 0 });
  // The scroller may mount after the list's first render (a list that shows its loading state first) or be replaced:
  // follow the element, not the ref object, which never changes.
  const [el, setEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (scroller.current !== el) setEl(scroller.current);
  });
  useEffect(() => {
    if (!el) return;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setView((v) =>
          v.top === el.scrollTop && v.height === el.clientHeight && v.width === el.clientWidth
            ? v
            : { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth },
        ),
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [el]);

  const first = Math.floor(Math.max(0, view.top - offset) / rowHeight);
  const last = Math.ceil((view.top + view.height) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = offset + index * rowHeight;
      if (top - offset < el.scrollTop) el.scrollTop = top - offset;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [scroller, rowHeight, offset],
  );

  return {
    start,
    end,
    before: start * rowHeight,
    after: (count - end) * rowHeight,
    scrollToIndex,
    width: view.width,
  };
}
