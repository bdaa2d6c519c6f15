import type { ReactNode } from 'react';
import { Portal } from './CrmRoot.js';
import { focusables } from './overlay.js';
import { Floating, type PopupProps, usePopup } from './popup.js';

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
 * <Popover trigger={<Button icon={icons.filter}>{t('table.filter')}</Button>}>
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
