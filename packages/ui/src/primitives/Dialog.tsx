import {
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
} from 'react';
import { useT } from '../context/i18n.js';
import { usePart } from '../context/parts.js';
import { Portal } from './CrmRoot.js';
import { IconButton } from './IconButton.js';
import * as icons from './icons.js';
import { activeElement, focusables } from './overlay.js';

/** Props of {@link Dialog}. */
export interface DialogProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title' | 'role'> {
  open: boolean;
  /** Called with `false` on Escape, a backdrop click or the close button. */
  onOpenChange: (open: boolean) => void;
  /** The heading, and the dialog's accessible name. */
  title: ReactNode;
  /** Linked with `aria-describedby`. */
  description?: ReactNode;
  /** Buttons at the bottom, e.g. Cancel and Save. */
  footer?: ReactNode;
  /** What to focus on open (default the first control after the header, else the dialog). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Width: `sm` 400 px, `md` 520 px (default), `lg` 720 px, at most the viewport. */
  size?: 'sm' | 'md' | 'lg';
  /** `alertdialog` for confirmations that interrupt (e.g. the conflict prompt). */
  role?: 'dialog' | 'alertdialog';
  /** Escape and a click on the backdrop close it (default `true`). */
  dismissible?: boolean;
}

/**
 * A modal dialog in the provider's `portalContainer`: `aria-modal`, named by its title, focus moved in and trapped
 * (Tab and Shift+Tab cycle), Escape closes, and focus returns to where it was on close.
 *
 * @example
 * <Dialog
 *   open={open}
 *   onOpenChange={setOpen}
 *   title={t('timeline.addNote')}
 *   footer={<><Button onClick={() => setOpen(false)}>{t('action.cancel')}</Button><Button variant="primary">{t('action.save')}</Button></>}
 * >
 *   <TextField label={t('timeline.body')} multiline />
 * </Dialog>
 */
export function Dialog(props: DialogProps) {
  if (!props.open) return null;
  return (
    <Portal>
      <DialogContent {...props} />
    </Portal>
  );
}

function DialogContent({
  onOpenChange,
  title,
  description,
  footer,
  initialFocus,
  size = 'md',
  role = 'dialog',
  dismissible = true,
  className,
  style,
  children,
  open: _open,
  onKeyDown,
  ...rest
}: DialogProps) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const header = useRef<HTMLDivElement>(null);
  const overlay = usePart('dialogOverlay');
  const part = usePart('dialog', { className, style });
  const titlePart = usePart('dialogTitle');
  const descriptionPart = usePart('dialogDescription');
  const bodyPart = usePart('dialogBody');
  const footerPart = usePart('dialogFooter');

  // Once per opening: focus moves in on open and back to where it was on close.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately only on mount and unmount
  useEffect(() => {
    const node = dialog.current!;
    const previous = activeElement(node) as HTMLElement | null;
    const first = initialFocus?.current ?? focusables(node).find((el) => !header.current?.contains(el)) ?? node;
    first.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape' && dismissible) {
      event.stopPropagation();
      onOpenChange(false);
    } else if (event.key === 'Tab') {
      const items = focusables(dialog.current);
      const active = activeElement(dialog.current);
      if (!items.length) return event.preventDefault();
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (event.shiftKey && (active === first || active === dialog.current)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      } else if (!dialog.current?.contains(active)) {
        // Focus went astray (e.g. into a closed popover): bring it back in.
        event.preventDefault();
        first.focus();
      }
    }
  };

  return (
    // A click on the backdrop is a pointer convenience; keyboard users have Escape and the close button.
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is not a control
    <div
      {...overlay}
      onMouseDown={(event) => {
        if (dismissible && event.target === event.currentTarget) onOpenChange(false);
      }}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: role is dialog or alertdialog */}
      <div
        ref={dialog}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
        data-size={size}
        onKeyDown={handleKeyDown}
        {...rest}
        {...part}
      >
        <div ref={header} className="crm-dialog-header">
          <h2 id={`${id}-title`} {...titlePart}>
            {title}
          </h2>
          {dismissible && (
            <IconButton icon={icons.x} size="sm" aria-label={t('dialog.close')} onClick={() => onOpenChange(false)} />
          )}
        </div>
        {description && (
          <p id={`${id}-description`} {...descriptionPart}>
            {description}
          </p>
        )}
        {children && <div {...bodyPart}>{children}</div>}
        {footer && <div {...footerPart}>{footer}</div>}
      </div>
    </div>
  );
}
