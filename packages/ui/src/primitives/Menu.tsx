import { createContext, type HTMLAttributes, type KeyboardEvent, type ReactNode, useContext, useState } from 'react';
import { usePart } from '../context/parts.js';
import { Portal } from './CrmRoot.js';
import { Icon, type IconPath } from './Icon.js';
import * as icons from './icons.js';
import { activeElement } from './overlay.js';
import { Floating, type PopupProps, usePopup } from './popup.js';

const MenuContext = /* @__PURE__ */ createContext<{ close: () => void } | null>(null);

/** Props of {@link Menu}. */
export interface MenuProps extends PopupProps {
  /** `MenuItem`s and `MenuSeparator`s. */
  children: ReactNode;
  /** The menu's accessible name (default: named by the trigger). */
  label?: string;
}

const ITEM = '[role^="menuitem"]:not([aria-disabled="true"])';

/**
 * A menu button: the trigger gets `aria-haspopup="menu"`; Enter, Space or ArrowDown open it on the first item,
 * ArrowUp on the last; in the menu ArrowUp/ArrowDown move (wrapping), Home/End jump, typing a letter jumps to the next
 * item starting with it, Enter/Space choose, Escape closes and returns focus to the trigger, Tab closes and moves on.
 *
 * @example
 * <Menu trigger={<IconButton icon={icons.more} aria-label={t('action.more')} />}>
 *   <MenuItem icon={icons.pencil} onSelect={edit}>{t('action.edit')}</MenuItem>
 *   <MenuSeparator />
 *   <MenuItem icon={icons.trash} tone="danger" onSelect={remove}>{t('action.delete')}</MenuItem>
 * </Menu>
 */
export function Menu(props: MenuProps) {
  const { open, setOpen, close, floating, trigger, floatingProps } = usePopup(props, 'menu');
  const [focusLast, setFocusLast] = useState(false);
  const openAt = (last: boolean) => {
    setFocusLast(last);
    setOpen(true);
  };
  const element = trigger({
    onClick: () => (open ? close() : openAt(false)),
    onKeyDown: (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        openAt(event.key === 'ArrowUp');
      }
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(floating.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const index = items.indexOf(activeElement(floating.current) as HTMLElement);
    const move = (i: number) => {
      event.preventDefault();
      items[(i + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index < 0 ? -1 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(-1);
    else if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') close();
    else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const key = event.key.toLocaleLowerCase();
      const order = [...items.slice(index + 1), ...items.slice(0, index + 1)];
      const match = order.find((el) => el.textContent?.trim().toLocaleLowerCase().startsWith(key));
      if (match) {
        event.preventDefault();
        match.focus();
      }
    }
  };

  return (
    <>
      {element}
      {open && (
        <Portal>
          <MenuContext.Provider value={{ close: () => close() }}>
            <Floating
              part="menu"
              {...floatingProps}
              focusIn={(node) => {
                const items = node.querySelectorAll<HTMLElement>(ITEM);
                (items[focusLast ? items.length - 1 : 0] ?? node).focus();
              }}
              onKeyDown={onKeyDown}
            >
              {props.children}
            </Floating>
          </MenuContext.Provider>
        </Portal>
      )}
    </>
  );
}

/** Props of {@link MenuItem}. */
export interface MenuItemProps extends Omit<HTMLAttributes<HTMLButtonElement>, 'onSelect'> {
  /** Chosen with a click, Enter or Space. The menu closes after, except for checkbox items. */
  onSelect?: () => void;
  icon?: IconPath;
  /** Makes it a `menuitemcheckbox` with this state (a check mark shows when true). */
  checked?: boolean;
  disabled?: boolean;
  /** `danger` for destructive items. */
  tone?: 'default' | 'danger';
}

/**
 * An item of a {@link Menu}.
 *
 * @example
 * <MenuItem icon={icons.user} onSelect={() => setAssignOpen(true)}>{t('table.assignOwner')}</MenuItem>
 * <MenuItem checked={visible.email} onSelect={() => toggle('email')}>{t('field.email')}</MenuItem>
 */
export function MenuItem({
  onSelect,
  icon,
  checked,
  disabled,
  tone = 'default',
  className,
  style,
  children,
  ...rest
}: MenuItemProps) {
  const menu = useContext(MenuContext);
  const checkable = checked !== undefined;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is menuitemcheckbox when aria-checked is set
    <button
      type="button"
      role={checkable ? 'menuitemcheckbox' : 'menuitem'}
      aria-checked={checkable ? checked : undefined}
      aria-disabled={disabled || undefined}
      tabIndex={-1}
      data-tone={tone}
      {...rest}
      {...usePart('menuItem', { className, style })}
      onClick={() => {
        if (disabled) return;
        onSelect?.();
        if (!checkable) menu?.close();
      }}
    >
      {checkable ? (
        <Icon icon={icons.check} className="crm-menu-check" data-checked={checked || undefined} />
      ) : (
        icon && <Icon icon={icon} />
      )}
      <span className="crm-menu-item-label">{children}</span>
    </button>
  );
}

/**
 * A line between groups of menu items.
 *
 * @example
 * <MenuSeparator />
 */
export function MenuSeparator() {
  return <hr className="crm-menu-separator" />;
}
