import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MessagesScope } from '../src/context/scope.js';
import { tableMessages } from '../src/i18n/messages/contacts-table/index.js';
import { vi as viCatalog } from '../src/i18n/vi.js';
import {
  Button,
  CrmRoot,
  resolveAppearance,
  StateView,
  type ThemeName,
  themes,
  useAppearance,
  useEntityLabel,
  useMessages,
  usePart,
  useT,
} from '../src/index.js';
import { renderUi, sandbox } from './harness.js';

const cssVar = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

function PartProbe() {
  const part = usePart('cardTitle', { className: 'own', style: { color: 'red', margin: 0 } });
  return <h2 {...part}>Probe</h2>;
}

function AppearanceProbe() {
  const a = useAppearance();
  return (
    <p>
      {a.theme} {a.colorScheme} {a.variables.colorPrimary} {a.variables.spacingUnit}
    </p>
  );
}

function TextsInScope() {
  const t = useT();
  const { locale } = useMessages();
  return (
    <CrmRoot data-testid="root">
      <p>{locale}</p>
      <p>{t('action.save')}</p>
      <p>{t('action.cancel')}</p>
      <p>{t('table.selected', { count: 3 })}</p>
    </CrmRoot>
  );
}

/** Core messages and a widget's (the table's part). */
function Texts() {
  return (
    <MessagesScope part={tableMessages}>
      <TextsInScope />
    </MessagesScope>
  );
}

function Labels() {
  return (
    <ul>
      <li>{useEntityLabel('contact', 'plural')}</li>
      <li>{useEntityLabel('contact', 'singular')}</li>
      <li>{useEntityLabel('deal', 'plural')}</li>
      <li>{useEntityLabel('company', 'plural')}</li>
    </ul>
  );
}

describe('appearance', () => {
  it('maps the theme and variables to --crm-* custom properties on the root', async () => {
    await renderUi(
      <CrmRoot data-testid="root">
        <Button variant="primary">Save</Button>
      </CrmRoot>,
      {
        appearance: {
          theme: 'dark',
          variables: { colorPrimary: '#0f766e', fontSize: 15, borderRadius: '12px', density: 'compact' },
        },
      },
    );
    const root = screen.getByTestId('root');
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(root.getAttribute('data-density')).toBe('compact');
    expect(cssVar(root, '--crm-color-primary')).toBe('#0f766e');
    expect(cssVar(root, '--crm-color-background')).toBe(themes.dark.variables.colorBackground);
    expect(cssVar(root, '--crm-font-size')).toBe('15px');
    expect(cssVar(root, '--crm-border-radius')).toBe('12px');
    expect(getComputedStyle(root).colorScheme).toBe('dark');
    // The stylesheet turns them into real styles: the primary button's fill, 15 px text, 9 px control radius,
    // and the compact control height (7 × 4 px).
    const button = screen.getByRole('button', { name: 'Save' });
    const style = getComputedStyle(button);
    expect(style.backgroundColor).toBe('rgb(15, 118, 110)');
    expect(style.fontSize).toBe('15px');
    expect(style.borderTopLeftRadius).toBe('9px');
    expect(style.height).toBe('28px');
  });

  it('accepts a custom ThemeDefinition', async () => {
    const brand = {
      ...themes.light,
      name: 'brand',
      variables: { ...themes.light.variables, colorBackground: '#fffdf7' },
    };
    await renderUi(<CrmRoot data-testid="root" />, { appearance: { theme: brand } });
    const root = screen.getByTestId('root');
    expect(root.getAttribute('data-theme')).toBe('brand');
    expect(cssVar(root, '--crm-color-background')).toBe('#fffdf7');
  });

  it.each(Object.keys(themes) as ThemeName[])(
    'takes the %s theme’s values from the stylesheet, and only the host’s variables inline',
    async (theme) => {
      await renderUi(<CrmRoot data-testid="root" />, { appearance: { theme, variables: { fontSize: 15 } } });
      const root = screen.getByTestId('root');
      // Every variable of the theme, as the stylesheet sets it by `data-theme`, with the host's on top.
      for (const [name, value] of Object.entries(resolveAppearance({ theme, variables: { fontSize: 15 } }).style)) {
        if (name.startsWith('--')) expect(cssVar(root, name), name).toBe(value);
      }
      expect(getComputedStyle(root).colorScheme).toBe(themes[theme].colorScheme);
      expect(root.getAttribute('style')).toBe('--crm-font-size: 15px;');
    },
  );

  it('applies elements overrides: class names and styles, on every instance of the part', async () => {
    const style = document.createElement('style');
    style.textContent = '.host-pill { border-radius: 999px; }';
    document.head.append(style);
    await renderUi(
      <CrmRoot data-testid="root">
        <Button>One</Button>
        <Button variant="primary">Two</Button>
        <PartProbe />
      </CrmRoot>,
      {
        appearance: {
          elements: {
            button: 'host-pill',
            root: { padding: '3px' },
            cardTitle: { color: 'rgb(1, 2, 3)', letterSpacing: '1px' },
          },
        },
      },
    );
    for (const name of ['One', 'Two']) {
      const button = screen.getByRole('button', { name });
      expect(button.classList.contains('crm-button')).toBe(true);
      expect(button.classList.contains('host-pill')).toBe(true);
      // A host class of one class selector, loaded after our stylesheet, wins without !important.
      expect(getComputedStyle(button).borderTopLeftRadius).toBe('999px');
    }
    expect(getComputedStyle(screen.getByTestId('root')).paddingTop).toBe('3px');
    const probe = screen.getByRole('heading', { name: 'Probe' });
    expect(probe.className).toBe('crm-card-title own');
    // The host's style wins over the component's own; the component's other styles stay.
    expect(probe.style.color).toBe('rgb(1, 2, 3)');
    expect(probe.style.letterSpacing).toBe('1px');
    expect(probe.style.margin).toBe('0px');
    style.remove();
  });

  it('useAppearance returns the resolved appearance', async () => {
    await renderUi(<AppearanceProbe />, { appearance: { theme: 'high-contrast', variables: { spacingUnit: 5 } } });
    expect(screen.getByText(`high-contrast dark ${themes['high-contrast'].variables.colorPrimary} 5`)).toBeTruthy();
  });
});

describe('messages', () => {
  it('loads the built-in catalog of the locale (the root stays hidden and busy meanwhile)', async () => {
    await renderUi(<Texts />, { locale: 'th-TH' });
    const root = screen.getByTestId('root');
    await waitFor(() => expect(screen.getByText('บันทึก')).toBeTruthy());
    expect(screen.getByText('เลือกแล้ว 3 รายการ')).toBeTruthy();
    expect(root.hasAttribute('data-pending')).toBe(false);
    expect(root.getAttribute('lang')).toBe('th-TH');
    expect(getComputedStyle(root).visibility).toBe('visible');
  });

  it('applies host overrides per language and per locale, over the built-in catalog', async () => {
    await renderUi(<Texts />, {
      locale: 'vi-VN',
      messages: { vi: { 'action.save': 'Lưu lại' }, 'vi-VN': { 'action.cancel': 'Thôi' } },
    });
    expect(await screen.findByText('Đã chọn 3')).toBeTruthy();
    expect(screen.getByText('Lưu lại')).toBeTruthy();
    expect(screen.getByText('Thôi')).toBeTruthy();
  });

  it('renders a complete catalog passed in messages at once, without a loading step', async () => {
    await renderUi(<Texts />, { locale: 'vi-VN', messages: { vi: viCatalog } });
    // Synchronously present: no waiting.
    expect(screen.getByText('Lưu')).toBeTruthy();
    expect(screen.getByTestId('root').hasAttribute('data-pending')).toBe(false);
  });

  it('gives the core’s messages everywhere, and a widget’s part only inside its scope', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderUi(<TextsInScope />, { locale: 'vi-VN' });
    expect(await screen.findByText('Lưu')).toBeTruthy();
    expect(screen.getByText('table.selected')).toBeTruthy();
    expect(error).toHaveBeenCalledWith('crmkit: no message "table.selected" in vi-VN here');
    error.mockRestore();
  });

  it('falls back to English for a language without a catalog, with the host’s messages on top', async () => {
    await renderUi(<Texts />, { locale: 'fr-FR', messages: { fr: { 'action.save': 'Enregistrer' } } });
    expect(screen.getByText('Enregistrer')).toBeTruthy();
    expect(screen.getByText('Cancel')).toBeTruthy();
  });
});

describe('entity labels from the workspace schema', () => {
  beforeAll(async () => {
    await sandbox('fitness');
  });

  it.each([
    ['en-US', ['Members', 'Member', 'Renewals']],
    ['vi-VN', ['Hội viên', 'Hội viên', 'Gia hạn']],
    ['th-TH', ['สมาชิก', 'สมาชิก', 'การต่ออายุ']],
  ])('a fitness club sees its own labels in %s', async (locale, expected) => {
    const client = (await sandbox('fitness')).client({ role: 'viewer' });
    await renderUi(<Labels />, { client, locale });
    for (const label of expected) expect(await screen.findAllByText(label)).not.toHaveLength(0);
  });

  it('the catalog labels show where the workspace keeps the defaults, and in empty states', async () => {
    const client = (await sandbox()).client();
    await renderUi(
      <>
        <Labels />
        <StateView entity="contact" />
      </>,
      { client },
    );
    await waitFor(() => expect(screen.getByText('Contacts')).toBeTruthy());
    expect(screen.getByRole('status', { name: 'No contacts yet' })).toBeTruthy();
  });

  it('names empty states after the workspace’s entity', async () => {
    const client = (await sandbox('fitness')).client();
    await renderUi(<StateView entity="contact" />, { client, locale: 'vi-VN' });
    expect(await screen.findByRole('status', { name: 'Chưa có hội viên nào' })).toBeTruthy();
  });
});
