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
  | 'pipelineCard'
  | 'ticketInbox'
  | 'notificationsMenu'
  | 'tasksList'
  | 'segmentBuilder'
  | 'segmentsList'
  | 'automationRules'
  | 'campaignReport'
  | 'campaignComposer'
  | 'webhooks';

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
