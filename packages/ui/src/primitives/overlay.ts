import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), ' +
  'textarea:not(:disabled), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The keyboard-focusable, rendered elements inside `root`, in tab order of the DOM. */
export function focusables(root: HTMLElement | null): HTMLElement[] {
  if (!root) return [];
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** The focused element of the document or shadow root `node` lives in. */
export function activeElement(node: Node | null): Element | null {
  const root = node?.getRootNode() as Document | ShadowRoot | undefined;
  return root?.activeElement ?? null;
}

/** An open state that is controlled (`open` + `onOpenChange`) or not (`defaultOpen`). */
export function useOpenState(open?: boolean, defaultOpen = false, onOpenChange?: (open: boolean) => void) {
  const [own, setOwn] = useState(defaultOpen);
  const value = open ?? own;
  const set = useCallback(
    (next: boolean) => {
      if (open === undefined) setOwn(next);
      onOpenChange?.(next);
    },
    [open, onOpenChange],
  );
  return [value, set] as const;
}

/** Where a floating element goes relative to its anchor (`start`/`end` follow the writing direction). */
export type Placement = 'bottom-start' | 'bottom-end';

/**
 * Keeps `floating` (position: fixed) next to `anchor`: below it, or above when there is no room below, inside the
 * viewport; follows scrolling and resizing while `open`.
 */
export function useAnchoredPosition(
  anchor: RefObject<HTMLElement | null>,
  floating: RefObject<HTMLElement | null>,
  open: boolean,
  placement: Placement,
) {
  useLayoutEffect(() => {
    if (!open) return;
    let frame = 0;
    const update = () => {
      const a = anchor.current;
      const f = floating.current;
      if (!a || !f) return;
      const r = a.getBoundingClientRect();
      const { clientWidth: vw, clientHeight: vh } = document.documentElement;
      const { offsetWidth: w, offsetHeight: h } = f;
      const gap = 4;
      const margin = 8;
      let top = r.bottom + gap;
      if (top + h > vh - margin && r.top - gap - h >= margin) top = r.top - gap - h;
      const rtl = getComputedStyle(a).direction === 'rtl';
      const end = (placement === 'bottom-end') !== rtl;
      const left = Math.max(margin, Math.min(end ? r.right - w : r.left, vw - w - margin));
      f.style.top = `${Math.round(top)}px`;
      f.style.left = `${Math.round(left)}px`;
    };
    update();
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
    };
  }, [anchor, floating, open, placement]);
}

/**
 * Calls `onOutside` on a pointer press outside `refs` while `open`. A press inside a popup nested in React (a menu
 * opened from a popover renders in a portal of its own) counts as inside: the popup's React `onPointerDown` sets
 * `inside.current` before the press reaches the document.
 */
export function usePointerOutside(
  refs: RefObject<HTMLElement | null>[],
  open: boolean,
  onOutside: () => void,
  inside: { current: boolean },
) {
  const latest = useRef(onOutside);
  latest.current = onOutside;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refs are stable objects
  useEffect(() => {
    if (!open) return;
    const listener = (event: PointerEvent) => {
      const nested = inside.current;
      inside.current = false;
      const path = event.composedPath();
      if (!nested && !refs.some((r) => r.current && path.includes(r.current))) latest.current();
    };
    document.addEventListener('pointerdown', listener);
    return () => document.removeEventListener('pointerdown', listener);
  }, [open]);
}
