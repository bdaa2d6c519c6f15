import { forwardRef } from 'react';
import type { Translate } from '../../../i18n/translate.js';
import { IconButton, type IconButtonProps } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';

/** Props of {@link MenuButton}: the deal's name, the board's translator, and what the menu adds as its trigger. */
export interface MenuButtonProps extends Omit<IconButtonProps, 'icon' | 'aria-label'> {
  name: string;
  t: Translate;
  tabbable?: boolean;
}

/**
 * The button of a card's "Move…" menu (`data-pb-menu`: the keyboard's M opens it). Rendered by the menu as its
 * trigger (which adds its handlers, ARIA and ref: passed on here), and by the card on its own while the menu's chunk
 * loads.
 */
export const MenuButton = forwardRef<HTMLButtonElement, MenuButtonProps>(function MenuButton(
  { name, t, tabbable, ...trigger },
  ref,
) {
  return (
    <IconButton
      ref={ref}
      size="sm"
      variant="ghost"
      className="crm-pb-card-menu"
      aria-haspopup="menu"
      tabIndex={tabbable ? 0 : -1}
      data-pb-menu=""
      {...trigger}
      icon={icons.more}
      aria-label={t('board.card.moveMenu', { name })}
    />
  );
});
