import type { HTMLAttributes } from 'react';
import { useT } from '../context/i18n.js';
import { usePart } from '../context/parts.js';

/** Props of {@link Spinner}. */
export interface SpinnerProps extends HTMLAttributes<HTMLSpanElement> {
  /** The accessible name (default the catalog's "Loading…"). */
  label?: string;
  /** Purely visual (e.g. inside a busy button that says so itself): no role, hidden from assistive technology. */
  decorative?: boolean;
  /** Pixels or a CSS length (default 1.15em). */
  size?: number | string;
}

/**
 * An indeterminate progress indicator: `role="status"` named "Loading…" unless `decorative`. Motion stops under
 * `prefers-reduced-motion`.
 *
 * @example
 * <Spinner />
 * <Spinner label={t('state.saving')} />
 */
export function Spinner({ label, decorative, size, className, style, ...rest }: SpinnerProps) {
  const t = useT();
  const part = usePart('spinner', {
    className,
    style: size === undefined ? style : { width: size, height: size, ...style },
  });
  const a11y = decorative ? { 'aria-hidden': true } : { role: 'status', 'aria-label': label ?? t('state.loading') };
  return (
    <span {...a11y} {...rest} {...part}>
      <svg
        className="crm-spinner-svg"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="12" cy="12" r="9" opacity="0.25" />
        <path d="M21 12a9 9 0 0 0-9-9" />
      </svg>
    </span>
  );
}
