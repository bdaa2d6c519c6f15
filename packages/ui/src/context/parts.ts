import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { type ResolvedAppearance, resolveAppearance } from '../theme/appearance.js';
import { partClass } from '../theme/root.js';
import type { ElementPart } from '../theme/types.js';
import { useUi } from './ui.js';

/**
 * The resolved appearance: theme name, color scheme, every variable, `elements` and the `--crm-*` style of roots.
 *
 * @example
 * const { theme, variables } = useAppearance();
 * const isDark = useAppearance().colorScheme === 'dark';
 */
export function useAppearance(): ResolvedAppearance {
  const { appearanceInput } = useUi();
  return useMemo(() => resolveAppearance(appearanceInput), [appearanceInput]);
}

/**
 * The density of the appearance (`comfortable` or `compact`), without resolving the rest of it.
 *
 * @example
 * const rowHeight = useDensity() === 'compact' ? 36 : 44;
 */
export function useDensity(): 'comfortable' | 'compact' {
  return useUi().appearance.density;
}

/**
 * Joins class names, skipping falsy ones.
 *
 * @example
 * cx('crm-button', loading && 'is-loading', className); // 'crm-button custom'
 */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

/** Class name and style of a part, as {@link usePart} returns them. */
export interface PartProps {
  className: string;
  style: CSSProperties | undefined;
}

/**
 * The class name and style of a part: `crm-<part>`, the component's own class and style, then the host's
 * `appearance.elements[part]` (a class name, or styles that win over the component's).
 *
 * @example
 * function Header({ className }: { className?: string }) {
 *   return <header {...usePart('cardHeader', { className })} />;
 * }
 */
export function usePart(part: ElementPart, own: { className?: string; style?: CSSProperties } = {}): PartProps {
  const host = useUi().appearance.elements[part];
  const hostClass = typeof host === 'string' ? host : undefined;
  const hostStyle = typeof host === 'object' ? host : undefined;
  return {
    className: cx(partClass(part), own.className, hostClass),
    style: hostStyle || own.style ? { ...own.style, ...hostStyle } : undefined,
  };
}
