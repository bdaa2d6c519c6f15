import { useSchema } from '@crmkit/react';
import { useId } from 'react';
import { useT } from '../../context/i18n.js';
import { Select, TextField } from '../../primitives/Field.js';
import type { Draft, FieldErrors } from './draft.js';

/** Props of {@link ScheduleFields}. */
export interface ScheduleFieldsProps {
  draft: Draft;
  errors: FieldErrors;
  onChange: (patch: Partial<Draft>) => void;
}

/** When the campaign goes: now, or at a wall time in the workspace's or each recipient's time zone; and a throttle. */
export function ScheduleFields({ draft, errors, onChange }: ScheduleFieldsProps) {
  const t = useT();
  const id = useId();
  const zone = useSchema().data?.workspace.timeZone ?? '';
  return (
    <fieldset className="crm-cc-schedule" aria-labelledby={`${id}-legend`}>
      <legend id={`${id}-legend`} className="crm-cc-legend">
        {t('composer.when')}
      </legend>
      <Select
        label={t('composer.when')}
        hideLabel
        value={draft.when}
        onChange={(e) => onChange({ when: e.target.value as Draft['when'] })}
        options={[
          { value: 'now', label: t('composer.sendNow') },
          { value: 'later', label: t('composer.sendLater') },
        ]}
      />
      {draft.when === 'later' && (
        <>
          <TextField
            label={t('composer.localTime')}
            type="datetime-local"
            required
            value={draft.localTime}
            error={errors.localTime}
            onChange={(e) => onChange({ localTime: e.target.value })}
          />
          <Select
            label={t('composer.timeZone')}
            value={draft.timeZone}
            error={errors.timeZone}
            onChange={(e) => onChange({ timeZone: e.target.value as Draft['timeZone'] })}
            options={[
              { value: 'workspace', label: t('composer.timeZone.workspace', { zone }) },
              { value: 'recipient', label: t('composer.timeZone.recipient') },
            ]}
          />
        </>
      )}
      <TextField
        label={t('composer.throttle')}
        description={t('composer.throttleHelp')}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={draft.throttle}
        error={errors.throttle}
        onChange={(e) => onChange({ throttle: e.target.value })}
      />
    </fieldset>
  );
}
