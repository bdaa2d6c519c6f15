import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { usePart } from '../context/parts.js';
import { ButtonBase } from './Button.js';
import { Icon, type IconPath } from './Icon.js';
import { Spinner } from './Spinner.js';

/** Props of {@link IconButton}: the accessible name is required, as there is no visible text. */
export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon: IconPath;
  'aria-label': string;
  /** Default `ghost`. */
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md';
  loading?: boolean;
}

/**
 * A square button with an icon and an `aria-label` (required by its type).
 *
 * @example
 * <IconButton icon={icons.pencil} aria-label={t('action.edit')} onClick={edit} />
 */
export const IconButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, variant = 'ghost', size = 'md', loading, className, style, ...rest },
  ref,
) {
  const part = usePart('iconButton', { className, style });
  return (
    <ButtonBase ref={ref} partProps={part} variant={variant} size={size} loading={loading} {...rest}>
      {loading ? <Spinner decorative /> : <Icon icon={icon} />}
    </ButtonBase>
  );
});
