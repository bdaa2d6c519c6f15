import type { Appearance } from '@crmkit/ui';

/** The club's colours (the same values as `@theme` in app/globals.css). */
export const lotus = {
  50: '#fdf2f7',
  100: '#fce7f1',
  200: '#fbcfe4',
  700: '#b41c5c',
  800: '#951a4e',
  950: '#4b0724',
} as const;

/** The club's sans-serif stack (Tailwind's `--font-sans` in app/globals.css). */
export const fontSans = "'Noto Sans', 'Noto Sans Thai', ui-sans-serif, system-ui, sans-serif";

/**
 * The widgets dressed in the club's palette through crmkit's typed `appearance` API: the light theme with the club's
 * accent, warm stone neutrals, its type and rounder corners. Each colour pair keeps WCAG AA contrast
 * (`contrastRatio` from `@crmkit/ui` checks them; see test/club.e2e.test.ts).
 */
export const clubAppearance: Appearance = {
  theme: 'light',
  variables: {
    colorPrimary: lotus[700],
    colorFocusRing: lotus[700],
    colorText: '#1c1917',
    colorTextMuted: '#57534e',
    colorBackground: '#ffffff',
    colorBackgroundMuted: '#faf7f5',
    colorBorder: '#ece4e0',
    colorInputBorder: '#8a817c',
    fontFamily: fontSans,
    borderRadius: 14,
    shadow: '0 1px 2px rgb(75 7 36 / 0.04), 0 4px 16px -6px rgb(75 7 36 / 0.10)',
  },
};
