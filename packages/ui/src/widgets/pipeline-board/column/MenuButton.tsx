import type { Translate } from '../../../i18n/translate.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';

/**
 * The button of a card's "Move…" menu (`data-pb-menu`: the keyboard's M opens it). Rendered by the menu as its
 * trigger, and by the card on its own while the menu's chunk loads.
 */
export function MenuButton({ name, t, tabbable }: { name: string; t: Translate; tabbable?: boolean }) {
  return (
    <IconButton
      icon={icons.more}
      size="sm"
      variant="ghost"
      className="crm-pb-card-menu"
      aria-label={t('board.card.moveMenu', { name })}
      aria-haspopup="menu"
      tabIndex={tabbable ? 0 : -1}
      data-pb-menu=""
    />
  );
}
