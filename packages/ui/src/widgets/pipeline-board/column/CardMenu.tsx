import { Suspense, useState } from 'react';
import type { MoveMenuProps } from './card-context.js';
import { MenuButton } from './MenuButton.js';

/**
 * A card's "Move…" menu, and its button alone while the menu's chunk loads. What the user did to that button carries
 * over to the menu's own once it is there: a press opens the menu (no dead click), and focus stays on the button (the
 * swap would otherwise drop it to the page).
 */
export function CardMenu({ deal, context: c, tabbable }: MoveMenuProps) {
  const [pressed, setPressed] = useState(false);
  const [focused, setFocused] = useState(false);
  const placeholder = (
    <MenuButton
      name={deal.name}
      t={c.t}
      tabbable={tabbable}
      onClick={() => setPressed(true)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <c.MoveMenu deal={deal} context={c} tabbable={tabbable} defaultOpen={pressed} autoFocus={focused} />
    </Suspense>
  );
}
