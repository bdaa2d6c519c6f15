import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { storyCheck } from '../../../../.storybook/widget-stories.js';
import { useT } from '../context/i18n.js';
import { MessagesScope } from '../context/scope.js';
import { timelineMessages } from '../i18n/messages/activity-timeline/index.js';
import { cardMessages } from '../i18n/messages/cards/index.js';
import { tableMessages } from '../i18n/messages/contacts-table/index.js';
import { editingMessages } from '../i18n/messages/editing/index.js';
import type { Translate } from '../i18n/translate.js';
import { CrmRoot } from './CrmRoot.js';
import { Checkbox, Field, Select, TextField, type TextFieldProps } from './Field.js';
import * as icons from './icons.js';

const STAGES = ['potential', 'active', 'loyal', 'lost'] as const;

/** Consent per channel: when it was granted, if it was. */
const CONSENT = [
  ['email', '12/03/2026'],
  ['sms', null],
  ['phone', null],
] as const;

/** Text fields of a contact form: required, with help text, with an error, and a search box with a hidden label. */
const textFields = (t: Translate) =>
  [
    { label: t('field.firstName'), required: true, defaultValue: 'Mai Anh' },
    { label: t('field.email'), type: 'email', description: t('validation.email'), defaultValue: 'mai.anh@example.vn' },
    { label: t('field.phone'), type: 'tel', required: true, error: t('validation.phone'), defaultValue: '090 12' },
    { label: t('table.search'), type: 'search', hideLabel: true, icon: icons.search, placeholder: t('table.search') },
  ] satisfies (TextFieldProps & { label: string })[];

/** `TextField` (with help text, an error, an icon, multiline), `Select`, `Checkbox` and a custom control in `Field`. */
function Fields() {
  const t = useT();
  const [stage, setStage] = useState('loyal');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 420 }}>
      {textFields(t).map((props) => (
        <TextField key={props.label} {...props} />
      ))}
      <Select
        label={t('field.lifecycleStage')}
        options={STAGES.map((s) => ({ value: s, label: t(`lifecycle.${s}`) }))}
        value={stage}
        onChange={(e) => setStage(e.target.value)}
      />
      <TextField label={t('timeline.body')} multiline placeholder={t('timeline.notePlaceholder')} />
      <fieldset style={{ border: 0, margin: 0, padding: 0, display: 'grid', gap: 8 }}>
        <legend>{t('consent.title')}</legend>
        {CONSENT.map(([channel, granted]) => (
          <Checkbox
            key={channel}
            label={t(`consent.${channel}`)}
            description={granted ? t('consent.grantedOn', { date: granted }) : undefined}
            defaultChecked={!!granted}
          />
        ))}
        <Checkbox label={t('action.selectAll')} indeterminate readOnly />
      </fieldset>
      <Field label={t('field.birthday')}>{(control) => <input type="date" {...control} />}</Field>
    </div>
  );
}

const meta = {
  title: 'Primitives/Fields',
  component: Fields,
  // No data: no sandbox.
  parameters: { crmkit: { seed: 'none' } },
  decorators: [
    (Story) => (
      <MessagesScope part={[cardMessages, tableMessages, timelineMessages, editingMessages]}>
        <CrmRoot style={{ padding: 16 }}>{Story()}</CrmRoot>
      </MessagesScope>
    ),
  ],
} satisfies Meta<typeof Fields>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Labels name the controls; help text and errors describe them; an error makes the field invalid. The play function
 * types, picks a stage and toggles the checkboxes.
 */
export const Default: Story = {
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    await expect(canvas.getByRole('textbox', { name: t('field.firstName') })).toBeRequired();
    const email = canvas.getByRole('textbox', { name: t('field.email') });
    await expect(email).toHaveAccessibleDescription(t('validation.email'));
    await expect(email).toBeValid();

    const phone = canvas.getByRole('textbox', { name: t('field.phone') });
    await expect(phone).toBeInvalid();
    await expect(phone).toBeRequired();
    await expect(phone).toHaveAccessibleDescription(t('validation.phone'));

    const search = canvas.getByRole('searchbox', { name: t('table.search') });
    await userEvent.type(search, 'Nguyễn');
    await expect(search).toHaveValue('Nguyễn');

    const note = canvas.getByRole('textbox', { name: t('timeline.body') });
    await userEvent.type(note, 'Line one{Enter}Line two');
    await expect(note).toHaveValue('Line one\nLine two');

    const stage = canvas.getByRole('combobox', { name: t('field.lifecycleStage') });
    await userEvent.selectOptions(stage, t('lifecycle.active'));
    await expect(stage).toHaveValue('active');

    const marketing = canvas.getByRole('checkbox', { name: t('consent.email') });
    await expect(marketing).toBeChecked();
    await userEvent.click(canvas.getByText(t('consent.email')));
    await expect(marketing).not.toBeChecked();
    const sms = canvas.getByRole('checkbox', { name: t('consent.sms') });
    sms.focus();
    await userEvent.keyboard(' ');
    await expect(sms).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: t('action.selectAll') })).toBePartiallyChecked();
    await expect(canvas.getByRole('group', { name: t('consent.title') })).toContainElement(sms);

    await expect(canvas.getByLabelText(t('field.birthday'))).toHaveAttribute('type', 'date');
  },
};

/** Thai, high contrast: the error still reads, by text and icon, not by colour alone. */
export const ThaiHighContrast: Story = {
  globals: { locale: 'th-TH', theme: 'high-contrast' },
  play: async (context) => {
    const { canvas, t } = storyCheck(context);
    const phone = await canvas.findByRole('textbox', { name: t('field.phone') });
    await expect(phone).toHaveAccessibleDescription(t('validation.phone'));
    await expect(phone.closest('[data-theme]')).toHaveAttribute('data-theme', 'high-contrast');
  },
};
