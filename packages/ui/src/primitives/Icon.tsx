import type { SVGAttributes } from 'react';
import { usePart } from '../context/parts.js';
import type * as icons from './icons.js';
import type { IconPath } from './icons.js';

export type { IconPath } from './icons.js';

/** The name of an icon of the set (`phone`, `chevronDown`, ...): its export in `@crmkit/ui/icons`. */
export type IconName = keyof typeof icons;

/** Props of {@link Icon}. */
export interface IconProps extends SVGAttributes<SVGSVGElement> {
  /** The icon: an export of `@crmkit/ui/icons` (`icons.phone`). */
  icon: IconPath;
  /** Pixels, or a CSS length; default 1.15em (16 px at 14 px text). */
  size?: number | string;
}

/**
 * An inline SVG icon, hidden from assistive technology (put the meaning in text or the button's `aria-label`). Icons
 * are imported one by one, so a widget carries only its own.
 *
 * @example
 * import * as icons from '@crmkit/ui/icons';
 * <Icon icon={icons.phone} />
 * <Icon icon={icons.cake} size={20} />
 */
export function Icon({ icon, size, className, style, ...rest }: IconProps) {
  const part = usePart('icon', {
    className,
    style: size === undefined ? style : { width: size, height: size, ...style },
  });
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
      {...part}
    >
      <path d={icon} />
    </svg>
  );
}
