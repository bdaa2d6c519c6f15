import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS } from '../src/primitives/Avatar.js';
import { type ThemeName, themes } from '../src/theme/appearance.js';
import { contrastRatio, mix } from '../src/theme/contrast.js';
import { themesCss } from '../src/theme/css.js';
import stylesheetThemes from '../src/theme/generated/themes.css?raw';

/** Solid colours only: the overlay and shadows are not text or boundaries. */
const TEXT = 4.5;
const UI = 3;

describe.each(Object.keys(themes) as ThemeName[])('the %s theme meets WCAG 2.2 AA', (name) => {
  const v = themes[name].variables;
  const surfaces = { background: v.colorBackground, 'muted background': v.colorBackgroundMuted };

  it.each(Object.entries(surfaces))('text and muted text on the %s ≥ 4.5:1', (_, surface) => {
    expect(contrastRatio(v.colorText, surface)).toBeGreaterThanOrEqual(TEXT);
    expect(contrastRatio(v.colorTextMuted, surface)).toBeGreaterThanOrEqual(TEXT);
  });

  it.each(Object.entries(surfaces))('control boundaries and the focus ring on the %s ≥ 3:1', (_, surface) => {
    expect(contrastRatio(v.colorInputBorder, surface)).toBeGreaterThanOrEqual(UI);
    expect(contrastRatio(v.colorFocusRing, surface)).toBeGreaterThanOrEqual(UI);
    // A checked checkbox and a primary button are told apart from the surface by their fill.
    expect(contrastRatio(v.colorPrimary, surface)).toBeGreaterThanOrEqual(UI);
  });

  it('status colours read as text on the background (links, errors, badges) ≥ 4.5:1', () => {
    for (const c of [v.colorPrimary, v.colorDanger, v.colorSuccess, v.colorWarning]) {
      expect(contrastRatio(c, v.colorBackground), c).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('badge text on its own tint (8% of the tone over the background, as the stylesheet mixes it) ≥ 4.5:1', () => {
    for (const c of [v.colorText, v.colorPrimary, v.colorDanger, v.colorSuccess, v.colorWarning]) {
      expect(contrastRatio(c, mix(c, v.colorBackground, 0.08)), c).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('text on primary and danger fills (buttons) ≥ 4.5:1, also at their hover mix', () => {
    for (const fill of [v.colorPrimary, v.colorDanger]) {
      expect(contrastRatio(v.colorTextOnPrimary, fill), fill).toBeGreaterThanOrEqual(TEXT);
      expect(contrastRatio(v.colorTextOnPrimary, mix(fill, v.colorText, 0.86)), fill).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('the error icon on its tint in state views ≥ 3:1', () => {
    expect(contrastRatio(v.colorDanger, mix(v.colorDanger, v.colorBackground, 0.12))).toBeGreaterThanOrEqual(UI);
  });

  it('muted text on hover and fill backgrounds (menus, ghost buttons) ≥ 4.5:1', () => {
    for (const weight of [0.05, 0.07]) {
      const fill = mix(v.colorText, v.colorBackground, weight);
      expect(contrastRatio(v.colorTextMuted, fill)).toBeGreaterThanOrEqual(TEXT);
      expect(contrastRatio(v.colorDanger, fill)).toBeGreaterThanOrEqual(TEXT);
    }
  });
});

describe('avatar colours', () => {
  it.each(AVATAR_COLORS.map(([bg, fg]) => [bg, fg]))('initials on %s ≥ 4.5:1', (bg, fg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(TEXT);
  });
});

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });
});

describe('the ready themes in the stylesheet', () => {
  it('are the values of `themes` (run `pnpm --filter @crmkit/ui themes` after changing them)', () => {
    expect(stylesheetThemes).toBe(themesCss());
  });
});
