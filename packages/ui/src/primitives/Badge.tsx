import type { HTMLAttributes } from 'react';
import { usePart } from '../context/parts.js';
import { Icon, type IconPath } from './Icon.js';

/** Props of {@link Badge}. */
export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** Colour by meaning (default `neutral`); the text says the meaning too, colour is never the only cue. */
  tone?: 'neutral' | 'primary' | 'success' | 'warning' | 'danger';
  icon?: IconPath;
  /** A small dot in the tone's colour before the text. */
  dot?: boolean;
}

/**
 * A short status or category label (lifecycle stage, tag, "Overdue").
 *
 * @example
 * <Badge tone="success" dot>{t('lifecycle.loyal')}</Badge>
 * <Badge icon={icons.tag}>VIP</Badge>
 */
export function Badge({ tone = 'neutral', icon, dot, className, style, children, ...rest }: BadgeProps) {
  return (
    <span data-tone={tone} {...rest} {...usePart('badge', { className, style })}>
      {dot && <span className="crm-badge-dot" aria-hidden="true" />}
      {icon && <Icon icon={icon} />}
      {children}
    </span>
  );
}
