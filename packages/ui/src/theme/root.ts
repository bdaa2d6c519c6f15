import type { CSSProperties } from 'react';
import type { Appearance, ElementPart, Elements, ThemeName, Variables } from './types.js';

/**
 * What a widget root needs of an appearance — without the ready themes' values, which are in the stylesheet
 * (`generated/themes.css`, by `data-theme`), so the widgets do not carry them.
 */
export interface RootAppearance {
  /** `data-theme` of the root: a ready theme's name, or a custom theme's. */
  theme: string;
  /** `data-density` of the root. */
  density: Variables['density'];
  elements: Elements;
  /** The `--crm-*` custom properties set inline on the root: a custom theme's and the host's variables. */
  style: CSSProperties;
}

const READY: readonly ThemeName[] = ['light', 'dark', 'high-contrast'];
const PX = new Set<string>(['fontSize', 'borderRadius', 'borderWidth', 'spacingUnit']);
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The CSS class of a part: `crm-` and the part in kebab case.
 *
 * @example
 * partClass('cardHeader'); // 'crm-card-header'
 */
export function partClass(part: ElementPart): string {
  return `crm-${kebab(part)}`;
}

/**
 * The variables a host set: without those left `undefined`, `null` or empty (which keep the theme's value).
 *
 * @example
 * definedVariables({ colorPrimary: '', fontSize: 15 }); // { fontSize: 15 }
 */
export function definedVariables(variables: Partial<Variables>): Partial<Variables> {
  return Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/**
 * Variables as `--crm-*` custom properties (`colorPrimary` → `--crm-color-primary`; numbers of sizes in pixels);
 * `density` is an attribute of the root instead.
 *
 * @example
 * variableStyle({ fontSize: 15 }); // { '--crm-font-size': '15px' }
 */
export function variableStyle(variables: Partial<Variables>): CSSProperties {
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(variables)) {
    if (key !== 'density')
      style[`--crm-${kebab(key)}`] = typeof value === 'number' && PX.has(key) ? `${value}px` : `${value}`;
  }
  return style as CSSProperties;
}

/**
 * The root's theme, density, part overrides and inline variables for an appearance: a ready theme by name (its values
 * come from the stylesheet), a custom theme's variables and colour scheme inline, the host's variables on top.
 *
 * @example
 * rootAppearance({ theme: 'dark', variables: { colorPrimary: '#0f766e' } });
 * // { theme: 'dark', density: 'comfortable', elements: {}, style: { '--crm-color-primary': '#0f766e' } }
 */
export function rootAppearance({ theme = 'light', variables = {}, elements = {} }: Appearance = {}): RootAppearance {
  const custom = typeof theme === 'object' ? theme : undefined;
  const merged = { ...custom?.variables, ...definedVariables(variables) };
  return {
    theme: typeof theme === 'object' ? theme.name : READY.includes(theme) ? theme : 'light',
    density: merged.density ?? 'comfortable',
    elements,
    style: { ...(custom && { colorScheme: custom.colorScheme }), ...variableStyle(merged) },
  };
}
