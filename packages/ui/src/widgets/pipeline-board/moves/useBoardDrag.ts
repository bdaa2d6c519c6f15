import type { BoardPosition } from '@crmkit/react';
import { type PointerEvent as ReactPointerEvent, type RefObject, useCallback, useEffect, useRef } from 'react';

/** Where the grabbed card is: the pointer, and the card's box relative to it. */
export interface DragPoint {
  x: number;
  y: number;
  /** The pointer's offset from the card's top left corner when it was grabbed. */
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
}

/** What the board does with a pointer drag. */
export interface DragHandlers {
  /** Where the grabbed card would land with its centre at (x, y); null outside every column. */
  targetAt(x: number, y: number): BoardPosition | null;
  onStart(dealId: string, point: DragPoint): void;
  onTarget(target: BoardPosition | null): void;
  onDrop(target: BoardPosition | null): void;
  onCancel(): void;
}

interface Session extends DragPoint {
  pointerId: number;
  touch: boolean;
  dealId: string;
  startX: number;
  startY: number;
  active: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  frame: number;
  target: BoardPosition | null;
}

/** Mouse and pen drags start after this many pixels of movement (a click stays a click). */
const MOVE_THRESHOLD = 5;
/** Touch drags start after a press this long without moving (a swipe stays a scroll). */
const TOUCH_DELAY = 280;
const TOUCH_SLOP = 8;
/** Auto-scroll zone at the edges of a column and of the board, and its fastest speed per frame. */
const EDGE = 56;
const MAX_SPEED = 22;

const speed = (distance: number) => (distance < EDGE ? Math.ceil(((EDGE - distance) / EDGE) * MAX_SPEED) : 0);
const same = (a: BoardPosition | null, b: BoardPosition | null) =>
  a === b || (!!a && !!b && a.stageId === b.stageId && a.index === b.index);

/**
 * Pointer drag and drop of cards — mouse, pen and touch (a long press on touch, so swipes still scroll) — written for
 * virtualized columns: nothing is measured per card (the board maps a point to a position by arithmetic), the grabbed
 * card may scroll out of its column and unmount without ending the drag (listeners are on the window, not on it), the
 * preview follows the pointer through a style transform without rendering React, columns and the board scroll at their
 * edges, and Escape cancels. React renders only when the drop position changes.
 *
 * @example
 * const { onPointerDown } = useBoardDrag(boardRef, previewRef, handlers, canMove);
 * <div ref={boardRef} onPointerDown={onPointerDown}>…</div>
 */
export function useBoardDrag(
  board: RefObject<HTMLElement | null>,
  preview: RefObject<HTMLElement | null>,
  handlers: DragHandlers,
  enabled: boolean,
) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const session = useRef<Session | null>(null);
  const teardown = useRef<() => void>(() => {});
  useEffect(() => () => teardown.current(), []);
  // Once a touch drag is on, the finger moves the card, not the page. The browser decides whether a touch may scroll
  // when it starts, from the listeners in place then: so this one is always there (and blocks only during a drag).
  useEffect(() => {
    const node = board.current;
    if (!node || !enabled) return;
    const touchmove = (e: TouchEvent) => {
      if (session.current?.active && e.cancelable) e.preventDefault();
    };
    node.addEventListener('touchmove', touchmove, { passive: false });
    return () => node.removeEventListener('touchmove', touchmove);
  }, [board, enabled]);

  const place = useCallback(() => {
    const s = session.current;
    const node = preview.current;
    if (s && node) node.style.transform = `translate3d(${s.x - s.offsetX}px, ${s.y - s.offsetY}px, 0)`;
  }, [preview]);

  /** One frame of an active drag: scroll near edges, then find the drop position of the card's centre. */
  const tick = useCallback(() => {
    const s = session.current;
    if (!s?.active) return;
    const scroll = board.current;
    if (scroll) {
      const r = scroll.getBoundingClientRect();
      scroll.scrollLeft += speed(r.right - s.x) - speed(s.x - r.left);
    }
    const column = document.elementFromPoint(s.x, s.y)?.closest<HTMLElement>('[data-pb-column]');
    const list =
      column && board.current?.contains(column) ? column.querySelector<HTMLElement>('[data-pb-scroll]') : null;
    if (list) {
      const r = list.getBoundingClientRect();
      list.scrollTop += speed(r.bottom - s.y) - speed(s.y - r.top);
    }
    const target = latest.current.targetAt(s.x - s.offsetX + s.width / 2, s.y - s.offsetY + s.height / 2);
    if (!same(target, s.target)) {
      s.target = target;
      latest.current.onTarget(target);
    }
    place();
    s.frame = requestAnimationFrame(tick);
  }, [board, place]);

  const end = useCallback((drop: boolean) => {
    const s = session.current;
    teardown.current();
    if (!s?.active) return;
    if (drop) {
      latest.current.onDrop(latest.current.targetAt(s.x - s.offsetX + s.width / 2, s.y - s.offsetY + s.height / 2));
      // The click that follows the release is not a click on the card.
      const swallow = (e: MouseEvent) => {
        e.stopPropagation();
        e.preventDefault();
      };
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    } else latest.current.onCancel();
  }, []);

  const activate = useCallback(() => {
    const s = session.current;
    if (!s || s.active) return;
    s.active = true;
    latest.current.onStart(s.dealId, s);
    s.frame = requestAnimationFrame(tick);
  }, [tick]);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent) => {
      if (!enabled || session.current || !event.isPrimary) return;
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      const element = event.target as Element;
      const card = element.closest<HTMLElement>('[data-deal-id]');
      if (!card || element.closest('button, a, input, select, textarea')) return;
      const rect = card.getBoundingClientRect();
      const touch = event.pointerType === 'touch';
      const s: Session = {
        pointerId: event.pointerId,
        touch,
        dealId: card.dataset.dealId!,
        startX: event.clientX,
        startY: event.clientY,
        x: event.clientX,
        y: event.clientY,
        offsetX: event.clientX - rect.left,
        offsetY: event.clientY - rect.top,
        width: rect.width,
        height: rect.height,
        active: false,
        timer: touch ? setTimeout(() => activate(), TOUCH_DELAY) : undefined,
        frame: 0,
        target: null,
      };
      session.current = s;
      const move = (e: PointerEvent) => {
        if (e.pointerId !== s.pointerId) return;
        s.x = e.clientX;
        s.y = e.clientY;
        if (s.active) return place();
        const distance = Math.hypot(s.x - s.startX, s.y - s.startY);
        if (s.touch && distance > TOUCH_SLOP) teardown.current();
        else if (!s.touch && distance > MOVE_THRESHOLD) activate();
      };
      const up = (e: PointerEvent) => e.pointerId === s.pointerId && end(true);
      const cancel = (e: PointerEvent) => e.pointerId === s.pointerId && end(false);
      const key = (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || !s.active) return;
        e.preventDefault();
        e.stopPropagation();
        end(false);
      };
      const menu = (e: Event) => (s.active || s.touch) && e.preventDefault();
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', key, true);
      window.addEventListener('contextmenu', menu);
      teardown.current = () => {
        clearTimeout(s.timer);
        cancelAnimationFrame(s.frame);
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', key, true);
        window.removeEventListener('contextmenu', menu);
        if (session.current === s) session.current = null;
        teardown.current = () => {};
      };
    },
    [enabled, activate, end, place],
  );

  return { onPointerDown, place };
}
