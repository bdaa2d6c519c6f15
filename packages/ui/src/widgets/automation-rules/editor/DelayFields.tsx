import { useMessages, useT } from '../../../context/i18n.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import type { Step } from './draft.js';
import { NumberField } from './NumberField.js';

type Delay = Extract<Step, { type: 'delay' }>;
type Window = NonNullable<Delay['until']>;

/** Monday first, as calendars in en, vi and th start the week; `0` is Sunday in the contract. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** Props of {@link DelayFields}. */
export interface DelayFieldsProps {
  step: Delay;
  onChange: (step: Step) => void;
  errors: ReadonlyMap<string, string>;
}

/**
 * A wait: a number of hours, then (optionally) until a window opens — a time of day on chosen weekdays, in the
 * contact's time zone (its `timeZone` custom field, else the workspace's) or the workspace's.
 */
export function DelayFields({ step, onChange, errors }: DelayFieldsProps) {
  const t = useT();
  const { locale } = useMessages();
  const dayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const until = step.until;
  const setUntil = (next: Window | undefined) => onChange({ ...step, until: next });
  const days = until?.weekdays ?? [...WEEK];
  const toggleDay = (day: number, on: boolean) => {
    if (!until) return;
    const chosen = WEEK.filter((d) => (d === day ? on : days.includes(d)));
    // Every day is no restriction: saved without a list.
    setUntil({ ...until, weekdays: chosen.length === 7 ? undefined : chosen });
  };
  return (
    <>
      <NumberField
        label={t('ruleEditor.delayHours')}
        description={t('ruleEditor.delayHoursHelp')}
        value={step.minutes === undefined ? undefined : step.minutes / 60}
        error={errors.get('minutes') ?? errors.get('')}
        onChange={(hours) => {
          const minutes = hours === undefined ? 0 : Math.round(hours * 60);
          onChange({ ...step, minutes: minutes > 0 ? minutes : undefined });
        }}
      />
      <Checkbox
        label={t('ruleEditor.window')}
        checked={until !== undefined}
        onChange={(e) => setUntil(e.target.checked ? { time: '09:00', zone: 'contact' } : undefined)}
      />
      {until && (
        <fieldset className="crm-are-window">
          <legend className="crm-are-sublegend">{t('ruleEditor.windowLegend')}</legend>
          <TextField
            label={t('ruleEditor.windowTime')}
            type="time"
            required
            value={until.time}
            error={errors.get('until.time')}
            onChange={(e) => e.target.value && setUntil({ ...until, time: e.target.value.slice(0, 5) })}
          />
          <Select
            label={t('ruleEditor.zone')}
            options={(['contact', 'workspace'] as const).map((z) => ({ value: z, label: t(`ruleEditor.zone.${z}`) }))}
            value={until.zone}
            error={errors.get('until.zone')}
            onChange={(e) => setUntil({ ...until, zone: e.target.value as Window['zone'] })}
          />
          <fieldset className="crm-are-weekdays">
            <legend>{t('ruleEditor.weekdays')}</legend>
            {WEEK.map((d) => (
              <Checkbox
                key={d}
                // 2023-01-01 was a Sunday.
                label={dayName.format(Date.UTC(2023, 0, 1 + d))}
                checked={days.includes(d)}
                onChange={(e) => toggleDay(d, e.target.checked)}
              />
            ))}
            {(errors.get('until.weekdays') ?? errors.get('until')) && (
              <p className="crm-are-error" role="alert">
                {errors.get('until.weekdays') ?? errors.get('until')}
              </p>
            )}
          </fieldset>
        </fieldset>
      )}
    </>
  );
}
