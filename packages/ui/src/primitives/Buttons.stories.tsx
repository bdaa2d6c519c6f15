import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent } from 'storybook/test';
import { storyCheck } from '../../../../.storybook/widget-stories.js';
import { useT } from '../context/i18n.js';
import type { MessageKey } from '../i18n/translate.js';
import { Button, type ButtonProps } from './Button.js';
import { CrmRoot } from './CrmRoot.js';
import type { IconPath } from './Icon.js';
import { IconButton } from './IconButton.js';
import * as icons from './icons.js';

/** One button per variant: its label and icon (each variant says what it is for). */
const VARIANTS: [NonNullable<ButtonProps['variant']>, MessageKey, IconPath | undefined][] = [
  ['primary', 'action.save', icons.check],
  ['secondary', 'action.cancel', undefined],
  ['ghost', 'action.more', icons.more],
  ['danger', 'action.delete', icons.trash],
];

/** Every variant of `Button` and `IconButton`, then the sizes and states (busy, disabled), in the story's locale. */
function Buttons({ onClick }: { onClick: () => void }) {
  const t = useT() as (key: MessageKey) => string;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {VARIANTS.map(([variant, label, icon]) => (
          <Button key={variant} variant={variant} icon={icon} onClick={onClick}>
            {t(label)}
          </Button>
        ))}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        {VARIANTS.map(([variant, label, icon]) => (
          <IconButton key={variant} variant={variant} icon={icon ?? icons.x} aria-label={t(label)} size="sm" />
        ))}
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <Button size="sm" variant="primary" loading onClick={onClick}>
          {t('state.saving')}
        </Button>
        <Button size="sm" iconEnd={icons.chevronDown} disabled>
          {t('action.loadMore')}
        </Button>
        <IconButton icon={icons.refresh} aria-label={t('action.retry')} variant="secondary" loading onClick={onClick} />
      </div>
    </div>
  );
}

const meta = {
  title: 'Primitives/Buttons',
  component: Buttons,
  // No data: no sandbox.
  parameters: { crmkit: { seed: 'none' } },
  args: { onClick: fn() },
  decorators: [(Story) => <CrmRoot style={{ padding: 16 }}>{Story()}</CrmRoot>],
} satisfies Meta<typeof Buttons>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Buttons click and are `type="button"` (they never submit a host's form); icon buttons are named by their
 * `aria-label`; a busy button says so, keeps the focus and ignores clicks; a disabled one is disabled.
 */
export const Variants: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const { args } = context;
    for (const [, label] of VARIANTS) {
      // The button with a label, then the icon button named the same.
      const [button, icon] = canvas.getAllByRole('button', { name: t(label as 'action.save') });
      await expect(button).toHaveAttribute('type', 'button');
      await expect(icon).toHaveAttribute('type', 'button');
      await userEvent.click(button!);
    }
    await expect(args.onClick).toHaveBeenCalledTimes(VARIANTS.length);

    const busy = [t('state.saving'), t('action.retry')].map((name) => canvas.getByRole('button', { name }));
    for (const button of busy) {
      await expect(button).toHaveAttribute('aria-busy', 'true');
      await userEvent.click(button);
      await expect(button).toHaveFocus();
    }
    await expect(args.onClick).toHaveBeenCalledTimes(VARIANTS.length);
    await expect(canvas.getByRole('button', { name: t('action.loadMore') })).toBeDisabled();
  },
};

/** The same in Vietnamese, dark. */
export const VietnameseDark: Story = {
  globals: { locale: 'vi-VN', theme: 'dark' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const [save] = await canvas.findAllByRole('button', { name: t('action.save') });
    await expect(save).toHaveTextContent('Lưu');
    await expect(save!.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  },
};
