import { useT } from '../../../context/i18n.js';
import * as icons from '../../../primitives/icons.js';
import { Menu, MenuItem, MenuSeparator } from '../../../primitives/Menu.js';
import type { MoveMenuProps } from '../column/card-context.js';
import { MenuButton } from '../column/MenuButton.js';

/**
 * A card's "Move…" menu: one place up or down in its stage, or to the top of another stage (the current stage shown
 * checked). The way to move a deal without dragging (WCAG 2.5.7).
 */
export function MoveMenu({ deal, context: c, tabbable, defaultOpen, autoFocus }: MoveMenuProps) {
  const t = useT();
  const index = c.stages.findIndex((s) => s.id === deal.stageId);
  return (
    <Menu
      label={t('board.card.moveMenu', { name: deal.name })}
      placement="bottom-end"
      defaultOpen={defaultOpen}
      trigger={<MenuButton name={deal.name} t={c.t} tabbable={tabbable} autoFocus={autoFocus} />}
    >
      <MenuItem icon={icons.arrowUp} onSelect={() => c.onMoveTo(deal.id, 'up')}>
        {t('board.card.moveUp')}
      </MenuItem>
      <MenuItem icon={icons.arrowDown} onSelect={() => c.onMoveTo(deal.id, 'down')}>
        {t('board.card.moveDown')}
      </MenuItem>
      <MenuSeparator />
      {c.stages.map((s, i) => (
        <MenuItem
          key={s.id}
          icon={i < index ? icons.chevronLeft : i > index ? icons.chevronRight : icons.check}
          disabled={s.id === deal.stageId}
          onSelect={() => c.onMoveTo(deal.id, s.id)}
        >
          {s.id === deal.stageId
            ? t('board.card.current', { stage: s.name })
            : t('board.card.moveTo', { stage: s.name })}
        </MenuItem>
      ))}
    </Menu>
  );
}
