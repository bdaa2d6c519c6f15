import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { ThemeName } from '../src/index.js';
import { Gallery } from './gallery.js';
import { renderUi } from './harness.js';

async function violations(root: Element) {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(['light', 'dark', 'high-contrast'] as ThemeName[])('axe finds no violation in the %s theme', (theme) => {
  it.each(['en-US', 'vi-VN', 'th-TH'])('in %s, with the menu open', async (locale) => {
    const { container } = await renderUi(<Gallery menuOpen />, { locale, appearance: { theme } });
    const menu = await screen.findByRole('menu');
    // The menu fades in: contrast is judged on what stays on screen, not on a frame of the fade (axe read one once).
    await Promise.all(menu.getAnimations({ subtree: true }).map((a) => a.finished));
    // The page around the widget: the gallery and the portal root of the open menu.
    expect(await violations(container)).toEqual([]);
    expect(await violations(screen.getByRole('menu').closest('.crm-root')!)).toEqual([]);
  });
});

describe('the axe check itself', () => {
  it('catches a contrast failure and an unnamed button (so the passes above mean something)', async () => {
    const { container } = await renderUi(
      <div style={{ background: '#fff' }}>
        <p style={{ color: '#bbb' }}>Low contrast text</p>
        <button type="button" />
      </div>,
    );
    const found = await violations(container);
    expect(found.some((v) => v.startsWith('color-contrast'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
  });
});
