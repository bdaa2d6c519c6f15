import { useId } from 'react';
import { useT } from '../../../context/i18n.js';
import { usePart } from '../../../context/parts.js';
import { Checkbox } from '../../../primitives/Field.js';
import { EVENT_GROUPS, type EventType } from './event-types.js';

/** Props of {@link EventTypesField}. */
export interface EventTypesFieldProps {
  /** The chosen types; `[]` is every event (the contract's meaning). */
  value: readonly EventType[];
  /** Every event is chosen (then `value` is empty). */
  every: boolean;
  onChange: (value: EventType[], every: boolean) => void;
  error?: string;
}

/**
 * Which events an endpoint gets: "every event" (including event types added later), or the ones checked, grouped by
 * what they are about (their names are the contract's, as the receiver sees them in `type`).
 */
export function EventTypesField({ value, every, onChange, error }: EventTypesFieldProps) {
  const t = useT();
  const id = useId();
  const errorPart = usePart('fieldError');
  const chosen = new Set(value);
  const toggle = (type: EventType) =>
    onChange(chosen.has(type) ? value.filter((v) => v !== type) : [...value, type], false);
  return (
    <fieldset
      className="crm-wh-events"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t('webhooks.eventTypes')}</legend>
      <Checkbox label={t('webhooks.everyEvent')} checked={every} onChange={(e) => onChange([], e.target.checked)} />
      {!every && (
        <div className="crm-wh-event-groups">
          {EVENT_GROUPS.map(([group, types]) => (
            <fieldset key={group} className="crm-wh-event-group">
              <legend>
                <code>{group}</code>
              </legend>
              {types.map((type) => (
                <Checkbox
                  key={type}
                  label={<code>{type}</code>}
                  checked={chosen.has(type)}
                  onChange={() => toggle(type)}
                />
              ))}
            </fieldset>
          ))}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} {...errorPart}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
