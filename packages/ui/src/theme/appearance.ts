import { definedVariables, variableStyle } from './root.js';
import type { Appearance, ResolvedAppearance, ThemeDefinition, ThemeName } from './types.js';

export { partClass } from './root.js';
export type {
  Appearance,
  ElementPart,
  Elements,
  ResolvedAppearance,
  ThemeDefinition,
  ThemeName,
  Variables,
} from './types.js';

const SYSTEM_FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Noto Sans Thai', " +
  "'Leelawadee UI', Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji'";

const BASE = {
  fontFamily: SYSTEM_FONT,
  fontFamilyMono: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  fontSize: '14px',
  fontWeightMedium: 500,
  fontWeightBold: 600,
  borderRadius: '8px',
  borderWidth: '1px',
  spacingUnit: '4px',
  density: 'comfortable',
} as const;

/**
 * The ready themes. Each meets WCAG 2.2 AA: text and muted text ≥ 4.5:1 on both backgrounds, control boundaries and
 * the focus ring ≥ 3:1 (checked by a unit test).
 *
 * @example
 * const brand: ThemeDefinition = { ...themes.light, name: 'brand', variables: { ...themes.light.variables, colorPrimary: '#0f766e' } };
 */
// Built in a call marked pure: a bundler drops it from pages that do not use it (an object spread alone it keeps).
export const themes: Record<ThemeName, ThemeDefinition> = /* @__PURE__ */ (() => ({
  light: {
    name: 'light',
    colorScheme: 'light',
    variables: {
      ...BASE,
      colorPrimary: '#4f46e5',
      colorTextOnPrimary: '#ffffff',
      colorBackground: '#ffffff',
      colorBackgroundMuted: '#f6f7f9',
      colorText: '#1a1d23',
      colorTextMuted: '#5b6270',
      colorBorder: '#e4e7ec',
      colorInputBorder: '#858b97',
      colorFocusRing: '#4f46e5',
      colorDanger: '#b91c1c',
      colorSuccess: '#15803d',
      colorWarning: '#a65308',
      colorOverlay: 'rgb(16 19 26 / 0.45)',
      shadow: '0 1px 2px rgb(16 24 40 / 0.05)',
      shadowOverlay: '0 12px 32px -4px rgb(16 24 40 / 0.16), 0 4px 8px -2px rgb(16 24 40 / 0.08)',
    },
  },
  dark: {
    name: 'dark',
    colorScheme: 'dark',
    variables: {
      ...BASE,
      colorPrimary: '#8b93f8',
      colorTextOnPrimary: '#0f1115',
      colorBackground: '#16181d',
      colorBackgroundMuted: '#1f2228',
      colorText: '#eceef2',
      colorTextMuted: '#a0a6b1',
      colorBorder: '#2c3038',
      colorInputBorder: '#6e7582',
      colorFocusRing: '#8b93f8',
      colorDanger: '#f87171',
      colorSuccess: '#4ade80',
      colorWarning: '#fbbf24',
      colorOverlay: 'rgb(0 0 0 / 0.6)',
      shadow: '0 1px 2px rgb(0 0 0 / 0.3)',
      shadowOverlay: '0 16px 40px -4px rgb(0 0 0 / 0.55), 0 4px 8px -2px rgb(0 0 0 / 0.35)',
    },
  },
  'high-contrast': {
    name: 'high-contrast',
    colorScheme: 'dark',
    variables: {
      ...BASE,
      borderWidth: '2px',
      fontWeightMedium: 600,
      fontWeightBold: 700,
      colorPrimary: '#ffe14d',
      colorTextOnPrimary: '#000000',
      colorBackground: '#000000',
      colorBackgroundMuted: '#1a1a1a',
      colorText: '#ffffff',
      colorTextMuted: '#d9d9d9',
      colorBorder: '#bfbfbf',
      colorInputBorder: '#ffffff',
      colorFocusRing: '#4de8ff',
      colorDanger: '#ff8080',
      colorSuccess: '#66ff99',
      colorWarning: '#ffb84d',
      colorOverlay: 'rgb(0 0 0 / 0.8)',
      shadow: 'none',
      shadowOverlay: 'none',
    },
  },
}))();

/**
 * Decides every variable of an appearance and maps them to `--crm-*` custom properties. Pure: usable on a server to
 * inline the same values. (The widgets themselves set only what differs from the ready theme, whose values are in the
 * stylesheet: see `rootAppearance`.)
 *
 * @example
 * resolveAppearance({ theme: 'dark', variables: { fontSize: 15 } }).style['--crm-font-size']; // '15px'
 */
export function resolveAppearance(appearance: Appearance = {}): ResolvedAppearance {
  const { theme = 'light', variables = {}, elements = {} } = appearance;
  const base = typeof theme === 'string' ? (themes[theme] ?? themes.light) : theme;
  const merged = { ...base.variables, ...definedVariables(variables) };
  return {
    theme: base.name,
    colorScheme: base.colorScheme,
    variables: merged,
    elements,
    style: { colorScheme: base.colorScheme, ...variableStyle(merged) },
  };
}
