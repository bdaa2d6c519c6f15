import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { storyCheck } from '../../../../.storybook/widget-stories.js';
import { useT } from '../context/i18n.js';
import { MessagesScope } from '../context/scope.js';
import { cardMessages } from '../i18n/messages/cards/index.js';
import { Avatar } from './Avatar.js';
import { Badge, type BadgeProps } from './Badge.js';
import { Button } from './Button.js';
import { Card, Section } from './Card.js';
import { CrmRoot } from './CrmRoot.js';
import { Icon } from './Icon.js';
import { IconButton } from './IconButton.js';
import * as icons from './icons.js';
import { Skeleton } from './Skeleton.js';
import { Spinner } from './Spinner.js';

/** People of the three locales, one per avatar size. */
const PEOPLE = [
  ['Trần Văn Bình', 'sm'],
  ['Somchai Jaidee', 'md'],
  ['เกศินี วงศ์ใหญ่', 'lg'],
  ['Alice Walker', 'xl'],
] as const;

/** Lifecycle stages and the tone of their badge. */
const STAGES = [
  ['potential', 'primary'],
  ['active', 'success'],
  ['loyal', 'warning'],
  ['lost', 'neutral'],
] as const satisfies readonly (readonly [string, BadgeProps['tone']])[];

/** `Card` and `Section` holding `Badge`s, `Avatar`s, `Icon`s, `Skeleton`s and a `Spinner`. */
function Display() {
  const t = useT();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 20 }}>
      <Card
        title="Nguyễn Thị Mai Anh"
        header={<Avatar name="Nguyễn Thị Mai Anh" size="lg" />}
        actions={<IconButton icon={icons.pencil} aria-label={t('action.edit')} />}
        footer={<Button icon={icons.phone}>{t('action.call')}</Button>}
      >
        <Section title={t('field.lifecycleStage')}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
            {STAGES.map(([stage, tone]) => (
              <Badge key={stage} tone={tone} dot>
                {t(`lifecycle.${stage}`)}
              </Badge>
            ))}
            <Badge tone="danger" icon={icons.alert}>
              {t('card.slaBreached')}
            </Badge>
            <Badge icon={icons.tag}>VIP</Badge>
          </div>
        </Section>
      </Card>
      <Card title={t('field.owner')} headingLevel={3}>
        <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
          {PEOPLE.map(([name, size]) => (
            <Avatar key={name} name={name} size={size} />
          ))}
          <Avatar name="Lê Hoàng" label />
        </div>
      </Card>
      <Card>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
          <Skeleton shape="circle" width={32} height={32} />
          <div style={{ flex: 1 }}>
            <Skeleton lines={3} />
          </div>
          <Spinner />
        </div>
      </Card>
      <Card>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, color: 'var(--crm-color-text-muted)' }}>
          {Object.entries(icons).map(([name, icon]) => (
            <Icon key={name} icon={icon} size={18} data-icon={name} />
          ))}
        </div>
      </Card>
    </div>
  );
}

const meta = {
  title: 'Primitives/Display',
  component: Display,
  // No data: no sandbox.
  parameters: { crmkit: { seed: 'none' } },
  decorators: [
    (Story) => (
      <MessagesScope part={[cardMessages]}>
        <CrmRoot style={{ padding: 16 }}>{Story()}</CrmRoot>
      </MessagesScope>
    ),
  ],
} satisfies Meta<typeof Display>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A titled card is a region named by its heading, a section too; avatars show initials (Thai leading vowels skipped)
 * and are hidden unless labelled; skeletons are hidden; the spinner is a status named "Loading…".
 */
export const Default: Story = {
  play: async (context) => {
    const { canvas, canvasElement, t } = storyCheck(context);
    const card = canvas.getByRole('region', { name: 'Nguyễn Thị Mai Anh' });
    await expect(within(card).getByRole('heading', { level: 2 })).toBeVisible();
    const stage = within(card).getByRole('region', { name: t('field.lifecycleStage') });
    await expect(within(stage).getByRole('heading', { level: 3 })).toBeVisible();
    await expect(within(stage).getByText('VIP')).toBeVisible();
    await expect(within(card).getByRole('button', { name: t('action.call') })).toBeVisible();
    await expect(canvas.getByRole('heading', { level: 3, name: t('field.owner') })).toBeVisible();

    // Decorative avatars are hidden from assistive technology; a labelled one is an image.
    await expect(canvas.getByRole('img', { name: t('avatar.of', { name: 'Lê Hoàng' }) })).toHaveTextContent('LH');
    await expect(canvas.getByText('NA')).toHaveAttribute('aria-hidden', 'true');
    await expect(canvas.getByText('กว')).toBeVisible();

    await expect(canvas.getByRole('status', { name: t('state.loading') })).toBeVisible();
    for (const skeleton of canvasElement.querySelectorAll('.crm-skeleton, .crm-skeleton-lines')) {
      await expect(skeleton.closest('[aria-hidden="true"]')).not.toBeNull();
    }
  },
};

/** Thai in the dark theme: initials of Thai names, light text on the dark surface. */
export const ThaiDark: Story = {
  globals: { locale: 'th-TH', theme: 'dark' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const spinner = await canvas.findByRole('status', { name: t('state.loading') });
    await expect(spinner.closest('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await expect(canvas.getByRole('region', { name: t('field.lifecycleStage') })).toBeVisible();
  },
};
