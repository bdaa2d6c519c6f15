import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { storyCheck } from '../../../../.storybook/widget-stories.js';
import { useT } from '../context/i18n.js';
import type { MessageKey } from '../i18n/translate.js';
import { Button } from './Button.js';
import { Card } from './Card.js';
import { CrmRoot } from './CrmRoot.js';
import * as icons from './icons.js';
import { StateView, type ViewState } from './StateView.js';

/** An error as `@crmkit/client` throws it: a name, a status and the request id of the response. */
const serverError = Object.assign(new Error('boom'), { name: 'ServerError', status: 500, requestId: 'req_01J9X2K4' });

/** Every state of `StateView`, each in a card; errors and offline with a retry. */
function States({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}>
      <Card>
        <StateView state="loading" entity="contact" />
      </Card>
      <Card>
        <StateView entity="contact" action={<Button icon={icons.plus}>{t('action.add')}</Button>} />
      </Card>
      <Card>
        <StateView state="no-results" />
      </Card>
      <Card>
        <StateView error={serverError} onRetry={onRetry} />
      </Card>
      <Card>
        <StateView error={{ name: 'ForbiddenError', status: 403 }} onRetry={onRetry} />
      </Card>
      <Card>
        <StateView state="not-found" />
      </Card>
      <Card>
        <StateView error={{ name: 'NetworkError', status: 0 }} onRetry={onRetry} />
      </Card>
      <Card>
        <StateView state="forbidden" compact />
      </Card>
    </div>
  );
}

const meta = {
  title: 'Primitives/StateView',
  component: States,
  // No data: no sandbox.
  parameters: { crmkit: { seed: 'none' } },
  args: { onRetry: fn() },
  decorators: [(Story) => <CrmRoot style={{ padding: 16 }}>{Story()}</CrmRoot>],
} satisfies Meta<typeof States>;
export default meta;
type Story = StoryObj<typeof meta>;

const TITLES = [
  ['no-results', 'status', 'state.noResults.title'],
  ['error', 'alert', 'state.error.title'],
  ['not-found', 'alert', 'state.notFound.title'],
  ['offline', 'alert', 'state.offline.title'],
] as const satisfies readonly (readonly [ViewState, 'status' | 'alert', MessageKey])[];

/**
 * Loading and empty are a status, the failures an alert, each named by its title; the state follows the error (403 →
 * forbidden, NetworkError → offline); only error and offline offer "Try again"; an error shows its request id.
 */
export const AllStates: Story = {
  play: async (context) => {
    const { canvas, t, like } = storyCheck(context);
    const loading = canvas.getByRole('status', { name: like('state.loadingOf', 'entities') });
    await expect(loading).toHaveAttribute('aria-busy', 'true');
    const empty = canvas.getByRole('status', { name: like('state.empty.titleOf', 'entities') });
    await expect(empty).toHaveAttribute('data-state', 'empty');
    await expect(within(empty).getByRole('button', { name: t('action.add') })).toBeVisible();
    for (const [state, role, key] of TITLES) {
      await expect(canvas.getByRole(role, { name: t(key) })).toHaveAttribute('data-state', state);
    }
    const forbidden = canvas.getAllByRole('alert', { name: t('state.forbidden.title') });
    await expect(forbidden).toHaveLength(2);
    for (const alert of forbidden) await expect(within(alert).queryByRole('button')).toBeNull();

    const error = canvas.getByRole('alert', { name: t('state.error.title') });
    await expect(within(error).getByText(t('state.error.reference', { id: 'req_01J9X2K4' }))).toBeVisible();
    await userEvent.click(within(error).getByRole('button', { name: t('action.retry') }));
    const offline = canvas.getByRole('alert', { name: t('state.offline.title') });
    await userEvent.click(within(offline).getByRole('button', { name: t('action.retry') }));
    await expect(context.args.onRetry).toHaveBeenCalledTimes(2);
  },
};

/** Vietnamese, dark. */
export const VietnameseDark: Story = {
  globals: { locale: 'vi-VN', theme: 'dark' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const alert = await canvas.findByRole('alert', { name: t('state.error.title') });
    await expect(alert).toHaveAccessibleName('Đã xảy ra lỗi');
    await expect(within(alert).getByRole('button', { name: 'Thử lại' })).toBeVisible();
    await expect(alert.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  },
};

/** Thai, high contrast. */
export const ThaiHighContrast: Story = {
  globals: { locale: 'th-TH', theme: 'high-contrast' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const alert = await canvas.findByRole('alert', { name: t('state.notFound.title') });
    await expect(alert).toHaveAccessibleName('ไม่พบข้อมูล');
    await expect(alert.closest('[data-theme]')).toHaveAttribute('data-theme', 'high-contrast');
  },
};
