import type { CSSProperties } from 'react';

/** The names of the ready themes. */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

/**
 * The design tokens. Each becomes a CSS custom property on every widget root: `colorPrimary` → `--crm-color-primary`,
 * `fontSize` → `--crm-font-size` (numbers are pixels). `density` becomes `data-density` on the root instead.
 */
export interface Variables {
  /** Accent: primary buttons, links, selection, checked controls. Text on it is `colorTextOnPrimary`. */
  colorPrimary: string;
  /** Text and icons on `colorPrimary` and `colorDanger` fills. */
  colorTextOnPrimary: string;
  /** The widget surface. */
  colorBackground: string;
  /** Subtle fills: hover, table headers, skeletons, secondary surfaces. */
  colorBackgroundMuted: string;
  colorText: string;
  /** Secondary text (still AA on both backgrounds). */
  colorTextMuted: string;
  /** Decorative dividers and card outlines. */
  colorBorder: string;
  /** Boundaries of controls (inputs, checkboxes, secondary buttons): ≥ 3:1 against the backgrounds. */
  colorInputBorder: string;
  /** The `:focus-visible` ring: ≥ 3:1 against the backgrounds. */
  colorFocusRing: string;
  colorDanger: string;
  colorSuccess: string;
  colorWarning: string;
  /** The dialog backdrop. */
  colorOverlay: string;
  fontFamily: string;
  fontFamilyMono: string;
  /** Base size; smaller and larger text is derived from it (default `14px`). */
  fontSize: string | number;
  fontWeightMedium: string | number;
  fontWeightBold: string | number;
  /** Base radius of cards and popovers; controls use ¾ of it, dialogs 1½ (default `8px`). */
  borderRadius: string | number;
  borderWidth: string | number;
  /** The spacing grid: paddings and gaps are multiples of it (default `4px`). */
  spacingUnit: string | number;
  /** Elevation of cards. */
  shadow: string;
  /** Elevation of popovers, menus and dialogs. */
  shadowOverlay: string;
  /** Control heights and paddings. */
  density: 'compact' | 'comfortable';
}

/** A complete theme: a ready one (see `themes`) or a host's own, usually a ready one with some variables changed. */
export interface ThemeDefinition {
  name: string;
  /** Sets CSS `color-scheme` on the root, so native controls and scrollbars match. */
  colorScheme: 'light' | 'dark';
  variables: Variables;
}

/**
 * The styleable parts. Each renders with the class `crm-<kebab-case part>` (`cardHeader` → `crm-card-header`), and
 * `appearance.elements[part]` adds a class name or inline styles to it.
 */
export type ElementPart =
  | 'root'
  | 'card'
  | 'cardHeader'
  | 'cardTitle'
  | 'cardActions'
  | 'cardBody'
  | 'section'
  | 'sectionTitle'
  | 'button'
  | 'iconButton'
  | 'icon'
  | 'badge'
  | 'avatar'
  | 'field'
  | 'fieldLabel'
  | 'fieldDescription'
  | 'fieldError'
  | 'input'
  | 'select'
  | 'checkbox'
  | 'skeleton'
  | 'spinner'
  | 'dialogOverlay'
  | 'dialog'
  | 'dialogTitle'
  | 'dialogDescription'
  | 'dialogBody'
  | 'dialogFooter'
  | 'popover'
  | 'menu'
  | 'menuItem'
  | 'stateView'
  | 'stateViewTitle'
  | 'stateViewDescription'
  | 'contactCard'
  | 'companyCard'
  | 'contactsTable'
  | 'activityTimeline'
  | 'pipelineBoard'
  | 'pipelineColumn'
  | 'pipelineCard';

/** Per-part overrides: a class name (e.g. Tailwind utilities) or inline styles. */
export type Elements = { [part in ElementPart]?: string | CSSProperties };

/**
 * How the widgets look, modelled on Clerk's `appearance` and Stripe's Appearance API: a ready or custom `theme`,
 * `variables` changed on top of it, and per-part `elements` overrides.
 *
 * @example
 * const appearance: Appearance = {
 *   theme: 'dark',
 *   variables: { colorPrimary: '#0f766e', borderRadius: 12, density: 'compact' },
 *   elements: { button: 'rounded-full', cardTitle: { letterSpacing: '-0.01em' } },
 * };
 */
export interface Appearance {
  /** Default `light`. */
  theme?: ThemeName | ThemeDefinition;
  variables?: Partial<Variables>;
  elements?: Elements;
}

/** An appearance with every variable decided: what {@link useAppearance} returns. */
export interface ResolvedAppearance {
  theme: string;
  colorScheme: 'light' | 'dark';
  variables: Variables;
  elements: Elements;
  /** The `--crm-*` custom properties (and `color-scheme`) set on each widget root. */
  style: CSSProperties;
}

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
export const themes: Record<ThemeName, ThemeDefinition> = {
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
};

const PX = new Set<keyof Variables>(['fontSize', 'borderRadius', 'borderWidth', 'spacingUnit']);
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
 * Decides every variable of an appearance and maps them to `--crm-*` custom properties. Pure: usable on a server to
 * inline the same values.
 *
 * @example
 * resolveAppearance({ theme: 'dark', variables: { fontSize: 15 } }).style['--crm-font-size']; // '15px'
 */
export function resolveAppearance(appearance: Appearance = {}): ResolvedAppearance {
  const { theme = 'light', variables = {}, elements = {} } = appearance;
  const base = typeof theme === 'string' ? (themes[theme] ?? themes.light) : theme;
  const merged = { ...base.variables } as Variables;
  for (const [key, value] of Object.entries(variables)) {
    if (value !== undefined && value !== null && value !== '')
      (merged as unknown as Record<string, unknown>)[key] = value;
  }
  const style: Record<string, string> = { colorScheme: base.colorScheme };
  for (const [key, value] of Object.entries(merged)) {
    if (key === 'density') continue;
    style[`--crm-${kebab(key)}`] =
      typeof value === 'number' && PX.has(key as keyof Variables) ? `${value}px` : String(value);
  }
  return {
    theme: base.name,
    colorScheme: base.colorScheme,
    variables: merged,
    elements,
    style: style as CSSProperties,
  };
}
