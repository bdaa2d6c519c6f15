/**
 * The widgets' section of `packages/ui/README.md` — the one source of each widget's summary, install line and usage
 * snippet, which the Storybook's docs pages show and the test command type-checks.
 *
 * @example
 * const { install, snippet } = widgetSetups(readme).ContactsTable!;
 */

/** What the README says about one widget. */
export interface WidgetSetup {
  /** The widget's export name (the section's heading). */
  name: string;
  /** What it is for: the section's first paragraph. */
  summary: string;
  /** The install command, including the peers the widget needs. */
  install: string;
  /** The usage snippet (TSX). */
  snippet: string;
}

const SECTION = /^## Widgets\n([\s\S]*?)(?=^## )/m;

/** Every widget of the README's `## Widgets` section, by name (throws when a widget lacks a part). */
export function widgetSetups(readme: string): Record<string, WidgetSetup> {
  const section = SECTION.exec(readme)?.[1];
  if (!section) throw new Error('The README has no "## Widgets" section.');
  const setups: Record<string, WidgetSetup> = {};
  for (const part of section.split(/^### /m).slice(1)) {
    const [heading = '', ...rest] = part.split('\n');
    const body = rest.join('\n');
    const name = heading.trim();
    const summary = /^\s*([^`#][\s\S]*?)\n\n/
      .exec(body)?.[1]
      ?.replace(/\s*\n\s*/g, ' ')
      .trim();
    const install = /```sh\n([^\n]+)\n```/.exec(body)?.[1]?.trim();
    const snippet = /```tsx\n([\s\S]*?)```/.exec(body)?.[1];
    if (!summary || !install || !snippet)
      throw new Error(`The README's section on ${name} lacks a summary, an install line or a tsx snippet.`);
    setups[name] = { name, summary, install, snippet };
  }
  return setups;
}
