import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import bootstrap from 'bootstrap/dist/css/bootstrap.min.css?raw';
import tailwindBase from 'tailwindcss/preflight.css?raw';
import tailwindTheme from 'tailwindcss/theme.css?raw';
import { afterEach, describe, expect, it } from 'vitest';
import { Avatar, Badge, Button, Card, Checkbox, CrmRoot, IconButton, Select, TextField } from '../src/index.js';
import * as icons from '../src/primitives/icons.js';
import { renderUi } from './harness.js';

/**
 * Careless host rules of element and universal selectors (and a blanket `all: unset`), loaded after our stylesheet:
 * the worst case for them.
 */
const ELEMENT_RULES = `
  *, *::before, *::after { box-sizing: content-box; border: 0 solid #e5e7eb; }
  body { font-family: "Comic Sans MS", serif; font-size: 22px; line-height: 3; color: #f0f; letter-spacing: 3px;
    text-transform: uppercase; text-align: center; }
  button { all: unset; font-size: 40px; background: red; padding: 20px; border: 5px dashed green; width: 300px;
    height: 80px; border-radius: 0; margin: 10px; text-transform: uppercase; cursor: crosshair; }
  button:focus, :focus { outline: none; }
  input, select, textarea { border: 4px solid blue; padding: 15px; height: 60px; width: 50%; margin: 10px;
    font: inherit; color: inherit; background-color: transparent; }
  label { display: block; font-weight: 700; margin-bottom: 20px; }
  h2, h3, p { margin: 30px 0; font-size: 32px; font-weight: 300; }
  section, div { padding: 7px; margin: 3px; line-height: 4; }
  span { display: block; padding: 2px; }
  img, svg, video { display: block; vertical-align: middle; width: 100px; height: 100px; fill: red; }
  svg, path { stroke: red; stroke-width: 4; }
  a { color: lime; }
`;

/**
 * Global resets as Bootstrap 5's reboot, normalize.css and Tailwind v3's preflight write them, with attribute
 * selectors of class specificity: loaded before our stylesheet, as resets are.
 */
const RESETS = `
  button, [type="button"], [type="reset"], [type="submit"] { -webkit-appearance: button; background-color: transparent;
    background-image: none; }
  [type="button"]:not(:disabled), button:not(:disabled) { cursor: pointer; }
  [type="checkbox"], [type="radio"] { box-sizing: border-box; padding: 0; }
  [type="search"] { -webkit-appearance: textfield; outline-offset: -2px; }
  [hidden] { display: none !important; }
  abbr[title] { text-decoration: underline dotted; }
`;

const PROPS = [
  'display',
  'box-sizing',
  'width',
  'height',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'background-color',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-align',
  'cursor',
  'fill',
  'stroke',
];

function Probe() {
  return (
    <>
      {/* The host decides the space a widget gets: a fixed box here, so only our own styles are compared. */}
      <CrmRoot data-testid="root" style={{ width: 640 }}>
        <Card title="Contact" actions={<IconButton icon={icons.pencil} aria-label="Edit" />}>
          <Button variant="primary" icon={icons.check}>
            Save
          </Button>
          <Button>Cancel</Button>
          <TextField label="Email" description="Work address" icon={icons.search} />
          <Select label="Stage" options={[{ value: 'loyal', label: 'Loyal' }]} />
          <Checkbox label="Email marketing" defaultChecked />
          <Badge tone="success" dot>
            Loyal
          </Badge>
          <Avatar name="Nguyễn Văn An" />
        </Card>
      </CrmRoot>
      <button type="button" data-testid="host-button">
        Host button
      </button>
      <input data-testid="host-input" aria-label="Host input" />
    </>
  );
}

/** Computed styles of every element under the root (and of the root). */
function measure(root: HTMLElement): Record<string, string>[] {
  return [root, ...root.querySelectorAll<HTMLElement>('*')].map((el) => {
    const style = getComputedStyle(el);
    return Object.fromEntries([
      ['element', `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`],
      ...PROPS.map((p) => [p, style.getPropertyValue(p)]),
    ]);
  });
}

let sheets: HTMLStyleElement[] = [];
afterEach(() => {
  for (const sheet of sheets) sheet.remove();
  sheets = [];
});

/** Adds the host's stylesheets: resets before ours, careless element rules after. */
function hostile() {
  const resets = document.createElement('style');
  resets.textContent = RESETS;
  document.head.prepend(resets);
  const rules = document.createElement('style');
  rules.textContent = ELEMENT_RULES;
  document.head.append(rules);
  sheets = [resets, rules];
}

describe('host CSS cannot break a widget', () => {
  it('every element keeps its computed styles under hostile element and universal rules', async () => {
    await renderUi(<Probe />);
    const root = screen.getByTestId('root');
    const before = measure(root);
    hostile();
    const after = measure(root);
    const changed = before.flatMap((styles, i) =>
      PROPS.filter((p) => after[i]![p] !== styles[p]).map(
        (p) => `${styles.element} ${p}: ${styles[p]} → ${after[i]![p]}`,
      ),
    );
    expect(changed).toEqual([]);

    // Spot checks that the baseline is ours, not the browser's defaults.
    const save = screen.getByRole('button', { name: 'Save' });
    expect(getComputedStyle(save).fontSize).toBe('14px');
    expect(getComputedStyle(save).height).toBe('32px');
    expect(getComputedStyle(save.querySelector('svg')!).width).toBe('16px');
    expect(getComputedStyle(root).fontFamily).toContain('Noto Sans');
  });

  it('keeps focus rings visible despite `:focus { outline: none }`', async () => {
    await renderUi(<Probe />);
    hostile();
    await userEvent.setup().tab();
    const focused = document.activeElement as HTMLElement;
    expect(focused.getAttribute('aria-label')).toBe('Edit');
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).toBe('solid');
    expect(style.outlineWidth).toBe('2px');
  });

  it('never styles the host: its own elements outside the roots keep the host rules', async () => {
    await renderUi(<Probe />);
    hostile();
    const button = getComputedStyle(screen.getByTestId('host-button'));
    expect(button.borderTopStyle).toBe('dashed');
    expect(button.paddingTop).toBe('20px');
    expect(button.fontSize).toBe('40px');
    const input = getComputedStyle(screen.getByTestId('host-input'));
    expect(input.borderTopWidth).toBe('4px');
    expect(input.borderTopColor).toBe('rgb(0, 0, 255)');
  });
});

describe('real host frameworks, loaded before our stylesheet as global CSS is', () => {
  const FRAMEWORKS = {
    'Bootstrap 5.3': bootstrap,
    'Tailwind v4 (theme + preflight layers)': `@layer theme, base, components, utilities;\n${tailwindTheme}\n${tailwindBase}`,
  };
  for (const [name, css] of Object.entries(FRAMEWORKS)) {
    it(`${name}: every element of a widget keeps its computed styles, and the host keeps its own`, async () => {
      await renderUi(<Probe />);
      const root = screen.getByTestId('root');
      const before = measure(root);
      const host = getComputedStyle(screen.getByTestId('host-button')).fontFamily;
      const sheet = document.createElement('style');
      sheet.textContent = css;
      document.head.prepend(sheet);
      sheets = [sheet];
      const after = measure(root);
      const changed = before.flatMap((styles, i) =>
        PROPS.filter((p) => after[i]![p] !== styles[p]).map(
          (p) => `${styles.element} ${p}: ${styles[p]} → ${after[i]![p]}`,
        ),
      );
      expect(changed).toEqual([]);
      // The framework did reach the host's own button: we never undo it.
      expect(getComputedStyle(screen.getByTestId('host-button')).fontFamily).not.toBe(host);
    });
  }
});
