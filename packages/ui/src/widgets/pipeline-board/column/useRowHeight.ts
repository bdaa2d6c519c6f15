import { type RefObject, useLayoutEffect, useState } from 'react';
import { useAppearance } from '../../../context/parts.js';

/** Space between two cards of a column, in pixels. */
export const CARD_GAP = 8;

/**
 * The height of a column's row: a card (every card of a board has the same lines, so the same height) plus the gap.
 * Measured on the first card rendered, and again whenever a card's size changes (fonts loading, another density or
 * font size); estimated from the density until then.
 *
 * @example
 * const rowHeight = useRowHeight(rootRef);
 */
export function useRowHeight(root: RefObject<HTMLElement | null>): number {
  const density = useAppearance().variables.density;
  const [height, setHeight] = useState<number | null>(null);
  useLayoutEffect(() => {
    const node = root.current;
    if (!node || typeof ResizeObserver !== 'function') return;
    let observed: Element | null = null;
    const resize = new ResizeObserver(([entry]) => {
      const h = Math.ceil(entry!.borderBoxSize?.[0]?.blockSize ?? (entry!.target as HTMLElement).offsetHeight);
      if (h > 0) setHeight(h + CARD_GAP);
    });
    const watch = () => {
      const card = node.querySelector('.crm-pb-row .crm-pb-card');
      if (card && card !== observed) {
        if (observed) resize.unobserve(observed);
        observed = card;
        resize.observe(card);
      }
    };
    watch();
    const mutations = new MutationObserver(() => {
      if (!observed?.isConnected) watch();
    });
    mutations.observe(node, { childList: true, subtree: true });
    return () => {
      resize.disconnect();
      mutations.disconnect();
    };
  }, [root]);
  return height ?? (density === 'compact' ? 137 : 153);
}
