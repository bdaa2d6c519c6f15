import type { CSSProperties, HTMLAttributes } from 'react';
import type { Politeness } from '../context/ui.js';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * Content for screen readers only, hidden by inline styles (so no stylesheet, and no host rule, can reveal it).
 *
 * @example
 * <button><Icon icon={icons.x} /><VisuallyHidden>Remove tag VIP</VisuallyHidden></button>
 */
export function VisuallyHidden({ children, ...rest }: HTMLAttributes<HTMLSpanElement>) {
  return (
    <span {...rest} style={{ ...HIDDEN, ...rest.style }}>
      {children}
    </span>
  );
}

/** Props of {@link LiveRegion}. */
export interface LiveRegionProps extends HTMLAttributes<HTMLDivElement> {
  /** `polite` (role `status`, default) or `assertive` (role `alert`). */
  politeness?: Politeness;
  /** Hide it visually (default `true`). */
  visuallyHidden?: boolean;
}

/**
 * A live region: screen readers read changes of its content. The provider renders one for `useAnnounce()`; render
 * your own for a visible status line such as a result count.
 *
 * @example
 * <LiveRegion visuallyHidden={false}>{t('table.results', { count })}</LiveRegion>
 */
export function LiveRegion({ politeness = 'polite', visuallyHidden = true, style, ...rest }: LiveRegionProps) {
  return (
    <div
      role={politeness === 'assertive' ? 'alert' : 'status'}
      aria-live={politeness}
      aria-atomic="true"
      {...rest}
      style={visuallyHidden ? { ...HIDDEN, ...style } : style}
    />
  );
}
