import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Button, CrmRoot } from '../src/index.js';
import foundation from '../src/styles/foundation.css?raw';
import themes from '../src/theme/generated/themes.css?raw';

describe('opt-in cascade layer', () => {
  it('`@import "@crmkit/ui/styles.css" layer(crmkit)` lets later layers (Tailwind v4 utilities) win, earlier ones not', () => {
    const style = document.createElement('style');
    // What `@import '@crmkit/ui/styles.css' layer(crmkit);` between Tailwind v4's base and utilities layers gives.
    style.textContent = `
      @layer theme, base, crmkit, components, utilities;
      @layer base { button { padding: 20px; background: red; border-radius: 0; } }
      @layer crmkit { ${foundation} ${themes} }
      @layer utilities { .rounded-full { border-radius: 9999px; } .bg-brand { background-color: rgb(1, 2, 3); } }
    `;
    document.head.append(style);
    // Outside a provider the primitives use the defaults: English and the light theme.
    render(
      <CrmRoot>
        <Button className="rounded-full bg-brand">Utility</Button>
        <Button>Plain</Button>
      </CrmRoot>,
    );
    const utility = getComputedStyle(screen.getByRole('button', { name: 'Utility' }));
    expect(utility.borderTopLeftRadius).toBe('9999px');
    expect(utility.backgroundColor).toBe('rgb(1, 2, 3)');
    const plain = getComputedStyle(screen.getByRole('button', { name: 'Plain' }));
    expect(plain.paddingTop).toBe('0px');
    expect(plain.paddingLeft).toBe('12px');
    expect(plain.borderTopLeftRadius).toBe('6px');
    expect(plain.backgroundColor).toBe('rgb(255, 255, 255)');
    style.remove();
  });
});
