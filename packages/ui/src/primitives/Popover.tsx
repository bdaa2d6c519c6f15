import {
  type CSSProperties,
  cloneElement,
  createContext,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefObject,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { Portal } from '../root.js';
import { usePart } from '../theme/parts.js';
import { Icon, type IconName } from './Icon.js';
import {
  activeElement,
  focusables,
  type Placement,
  useAnchoredPosition,
  useOpenState,
  usePointerOutside,
} from './overlay.js';

type TriggerProps = {
  ref?: Ref<HTMLElement>;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
};

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * The trigger element with the popup's ARIA and handlers added (its own ref and handlers kept; a React 19 `ref`
 * prop is kept, an element `ref` under React 18 is not).
 */
function withTrigger(
  trigger: ReactElement,
  anchor: RefObject<HTMLElement | null>,
  extra: Record<string, unknown>,
  handlers: { onClick: () => void; onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void },
) {
  const props = trigger.props as TriggerProps;
  return cloneElement(trigger as ReactElement<Record<string, unknown>>, {
    ...extra,
    ref: (node: HTMLElement | null) => {
      anchor.current = node;
      setRef(props.ref, node);
    },
    onClick: (event: MouseEvent<HTMLElement>) => {
      props.onClick?.(event);
      if (!event.defaultPrevented) handlers.onClick();
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      props.onKeyDown?.(event);
      if (!event.defaultPrevented) handlers.onKeyDown?.(event);
    },
  });
}

interface FloatingProps extends HTMLAttributes<HTMLDivElement> {
  part: 'popover' | 'menu';
  anchor: RefObject<HTMLElement | null>;
  floating: RefObject<HTMLDivElement | null>;
  placement: Placement;
  /** Moves focus in, once mounted. */
  focusIn: (node: HTMLDivElement) => void;
  /** Set by a pointer press inside (see `usePointerOutside`). */
  inside: { current: boolean };
  /** Focus moved out of the popup and of the popups nested in it. */
  onFocusLeave?: () => void;
}

/**
 * The positioned box of a popover or menu; mounted while open. Pointer presses and focus inside it — including inside
 * popups nested in it through their own portals, as React events follow the component tree — count as inside.
 */
function Floating({
  part,
  anchor,
  floating,
  placement,
  focusIn,
  inside,
  onFocusLeave,
  className,
  style,
  ...rest
}: FloatingProps) {
  useAnchoredPosition(anchor, floating, true, placement);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on open
  useEffect(() => focusIn(floating.current!), []);
  const leaving = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(leaving.current), []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the role (dialog or menu) comes with the props
    <div
      ref={floating}
      {...rest}
      {...usePart(part, { className, style })}
      onPointerDown={() => {
        inside.current = true;
      }}
      onFocus={() => clearTimeout(leaving.current)}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        // Focus that goes nowhere (a click on plain text) is left to the pointer handling.
        if (!onFocusLeave || !next || floating.current?.contains(next) || anchor.current?.contains(next)) return;
        // Moving into a nested popup refocuses inside (React's onFocus above) before this runs.
        leaving.current = setTimeout(onFocusLeave);
      }}
    />
  );
}

/** Props shared by {@link Popover} and {@link Menu}. */
interface PopupProps {
  /** The element that opens it: a `Button`, an `IconButton` or a `<button>`. */
  trigger: ReactElement;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Default `bottom-start`. */
  placement?: Placement;
  className?: string;
  style?: CSSProperties;
}

/**
 * What a popover and a menu share: the open state, closing (focus back to the trigger unless told otherwise), a
 * pointer press outside closing it, the trigger with its ARIA, and the props of their {@link Floating} box.
 */
function usePopup(props: PopupProps & { label?: string | undefined }, role: 'dialog' | 'menu') {
  const [open, setOpen] = useOpenState(props.open, props.defaultOpen, props.onOpenChange);
  const id = useId();
  const anchor = useRef<HTMLElement>(null);
  const floating = useRef<HTMLDivElement>(null);
  const inside = useRef(false);
  const close = (focusTrigger = true) => {
    setOpen(false);
    if (focusTrigger) anchor.current?.focus();
  };
  usePointerOutside([anchor, floating], open, () => close(false), inside);
  const triggerId = `${id}-trigger`;
  const aria = { id: triggerId, 'aria-haspopup': role, 'aria-expanded': open, 'aria-controls': open ? id : undefined };
  return {
    open,
    setOpen,
    close,
    floating,
    /** The trigger element, with `handlers` added to its own. */
    trigger: (handlers: Parameters<typeof withTrigger>[3]) => withTrigger(props.trigger, anchor, aria, handlers),
    floatingProps: {
      id,
      role,
      'aria-label': props.label,
      'aria-labelledby': props.label ? undefined : triggerId,
      tabIndex: -1,
      anchor,
      floating,
      inside,
      placement: props.placement ?? 'bottom-start',
      className: props.className,
      style: props.style,
    },
  };
}

/** Props of {@link Popover}. */
export interface PopoverProps extends PopupProps {
  /** The content, or a function of `close` (e.g. to close after Apply). */
  children: ReactNode | ((close: () => void) => ReactNode);
  /** The popover's accessible name (default: named by the trigger). */
  label?: string;
}

/**
 * A non-modal popup anchored to its trigger (filters, column chooser): a `role="dialog"` in the portal container;
 * focus moves in on open; Escape closes and returns focus to the trigger; a click outside or tabbing away closes it.
 *
 * @example
 * <Popover trigger={<Button icon="filter">{t('table.filter')}</Button>}>
 *   {(close) => <FilterForm onApply={close} />}
 * </Popover>
 */
export function Popover(props: PopoverProps) {
  const { open, setOpen, close, trigger, floatingProps } = usePopup(props, 'dialog');
  const element = trigger({ onClick: () => (open ? close() : setOpen(true)) });
  return (
    <>
      {element}
      {open && (
        <Portal>
          <Floating
            part="popover"
            {...floatingProps}
            focusIn={(node) => (focusables(node)[0] ?? node).focus()}
            onFocusLeave={() => close(false)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                close();
              }
            }}
          >
            {typeof props.children === 'function' ? props.children(() => close()) : props.children}
          </Floating>
        </Portal>
      )}
    </>
  );
}

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
 * <Menu trigger={<IconButton icon="more" aria-label={t('action.more')} />}>
 *   <MenuItem icon="pencil" onSelect={edit}>{t('action.edit')}</MenuItem>
 *   <MenuSeparator />
 *   <MenuItem icon="trash" tone="danger" onSelect={remove}>{t('action.delete')}</MenuItem>
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
  icon?: IconName;
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
 * <MenuItem icon="user" onSelect={() => setAssignOpen(true)}>{t('table.assignOwner')}</MenuItem>
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
        <Icon name="check" className="crm-menu-check" data-checked={checked || undefined} />
      ) : (
        icon && <Icon name={icon} />
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
