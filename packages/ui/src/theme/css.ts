import { themes } from './appearance.js';
import { variableStyle } from './root.js';
import type { ThemeDefinition } from './types.js';

/**
 * The ready themes as CSS — the light theme's variables on every root, the others' by `data-theme` — which the widgets
 * then do not carry in their code. `generated/themes.css` is this text: `pnpm --filter @crmkit/ui themes` writes it, and a unit
 * test fails while it differs (so `themes` in `appearance.ts` stays the one home of the values).
 *
 * @example
 * writeFileSync('src/theme/generated/themes.css', themesCss());
 */
export function themesCss(): string {
  const light = variableStyle(themes.light.variables) as Record<string, string>;
  /** The theme's colour scheme and its variables (only those that differ from the light theme's, but for light). */
  const block = (selector: string, theme: ThemeDefinition) =>
    [
      `${selector} {`,
      `  color-scheme: ${theme.colorScheme};`,
      ...Object.entries(variableStyle(theme.variables) as Record<string, string>)
        .filter(([name, value]) => theme === themes.light || light[name] !== value)
        .map(([name, value]) => `  ${name}: ${value};`),
      '}',
    ].join('\n');
  return `${[
    `/*
 * The ready themes (generated from \`themes\` in appearance.ts by \`pnpm --filter @crmkit/ui themes\`: do not edit).
 * Every root has the light theme; \`data-theme\` picks another. A custom theme and the host’s \`variables\` are set
 * inline on the root, over these.
 */`,
    block('.crm-root', themes.light),
    block('.crm-root:where([data-theme="dark"])', themes.dark),
    block('.crm-root:where([data-theme="high-contrast"])', themes['high-contrast']),
  ].join('\n\n')}\n`;
}
