import {
  type CSSProperties,
  cloneElement,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement,
  type Ref,
  type RefObject,
  useEffect,
  useId,
  useRef,
} from 'react';
import { usePart } from '../context/parts.js';
import { type Placement, useAnchoredPosition, useOpenState, usePointerOutside } from './overlay.js';

/**
 * What a `Popover` and a `Menu` share: the trigger with the popup's ARIA, the open state and closing, and
 * the positioned box ({@link Floating}) they render in the portal container.
 */

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
export function Floating({
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

/** Props shared by `Popover` and `Menu`. */
export interface PopupProps {
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
export function usePopup(props: PopupProps & { label?: string | undefined }, role: 'dialog' | 'menu') {
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
