import { type ButtonHTMLAttributes, forwardRef, type MouseEvent } from 'react';
import { type PartProps, usePart } from '../context/parts.js';
import { Icon, type IconPath } from './Icon.js';
import { Spinner } from './Spinner.js';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` (the main action), `secondary` (default), `ghost` (toolbar, low emphasis), `danger` (destructive). */
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  /** `md` (default) or `sm`; heights follow the density. */
  size?: 'sm' | 'md';
  /** Busy: shows a spinner, sets `aria-busy` and ignores clicks, but stays focusable (focus is not lost). */
  loading?: boolean;
  /** An icon before the label. */
  icon?: IconPath;
  /** An icon after the label (e.g. `chevron-down` for a menu). */
  iconEnd?: IconPath;
}

/**
 * A button: `type="button"` unless told otherwise, so it never submits a host's form by accident.
 *
 * @example
 * <Button variant="primary" loading={saving} onClick={save}>{t('action.save')}</Button>
 * <Button icon={icons.plus} size="sm">{t('timeline.addNote')}</Button>
 */
export const Button = /* @__PURE__ */ forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', loading, icon, iconEnd, className, style, children, onClick, ...rest },
  ref,
) {
  const part = usePart('button', { className, style });
  return (
    <ButtonBase ref={ref} partProps={part} variant={variant} size={size} loading={loading} onClick={onClick} {...rest}>
      {loading ? <Spinner decorative /> : icon && <Icon icon={icon} />}
      {children}
      {iconEnd && <Icon icon={iconEnd} />}
    </ButtonBase>
  );
});

interface ButtonBaseProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  partProps: PartProps;
  variant: string;
  size: string;
  loading: boolean | undefined;
}

/** The shared `<button>` of {@link Button} and `IconButton`. */
export const ButtonBase = /* @__PURE__ */ forwardRef<HTMLButtonElement, ButtonBaseProps>(function ButtonBase(
  { partProps, variant, size, loading, onClick, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      data-variant={variant}
      data-size={size}
      data-loading={loading || undefined}
      aria-busy={loading || undefined}
      aria-disabled={loading || rest['aria-disabled'] || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (loading) event.preventDefault();
        else onClick?.(event);
      }}
      {...rest}
      {...partProps}
    />
  );
});
