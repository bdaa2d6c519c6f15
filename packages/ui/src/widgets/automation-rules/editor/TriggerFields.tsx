import { useT } from '../../../context/i18n.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import { useFilterFields } from '../../shared/filters/fields.js';
import { eventText, type SummaryContext } from '../summary/summary.js';
import { ENTITY_OF_RESOURCE, RESOURCE_EVENTS, type Resource, type Trigger, triggerOf } from './draft.js';
import { NumberField } from './NumberField.js';

/** Props of {@link TriggerFields}. */
export interface TriggerFieldsProps {
  resource: Resource;
  value: Trigger;
  onChange: (trigger: Trigger) => void;
  /** The server's messages by the trigger's field (`events`, `field`, `cron`…; `''` for the trigger as a whole). */
  errors: ReadonlyMap<string, string>;
  ctx: SummaryContext;
}

const KINDS = ['event', 'date', 'schedule', 'manual'] as const;

/** The date fields a date trigger can count from: the record's creation and its date fields, custom ones included. */
function useDateFields(resource: Resource) {
  const t = useT();
  const entity = resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[resource];
  const fields = useFilterFields(entity ?? 'contact');
  const dates = entity ? fields.filter((f) => f.kind === 'date') : [];
  return [
    { value: 'createdAt', label: t('rules.field.createdAt') },
    ...dates.map((f) => ({ value: f.name, label: f.label })),
  ];
}

/** What starts the rule: an event (any of the resource's change-feed events), a date, a schedule, or a manual run. */
export function TriggerFields({ resource, value, onChange, errors, ctx }: TriggerFieldsProps) {
  const t = useT();
  const dateFields = useDateFields(resource);
  return (
    <fieldset className="crm-are-trigger">
      <legend className="crm-are-legend">{t('ruleEditor.trigger')}</legend>
      <Select
        label={t('ruleEditor.triggerKind')}
        options={KINDS.map((k) => ({ value: k, label: t(`ruleEditor.triggerKind.${k}`) }))}
        value={value.type}
        error={errors.get('type') ?? errors.get('')}
        onChange={(e) => onChange(triggerOf(e.target.value as Trigger['type'], value, resource))}
      />
      {value.type === 'event' && (
        <fieldset className="crm-are-events">
          <legend>{t('ruleEditor.events')}</legend>
          {[...new Set([...RESOURCE_EVENTS[resource], ...value.events])].map((e) => (
            <Checkbox
              key={e}
              label={eventText(resource, e, value.changed, ctx)}
              checked={value.events.includes(e)}
              onChange={(ev) =>
                onChange({
                  ...value,
                  events: ev.target.checked ? [...value.events, e] : value.events.filter((x) => x !== e),
                })
              }
            />
          ))}
          {errors.get('events') && (
            <p className="crm-are-error" role="alert">
              {errors.get('events')}
            </p>
          )}
        </fieldset>
      )}
      {value.type === 'date' && (
        <>
          <Select
            label={t('ruleEditor.dateField')}
            options={
              dateFields.some((f) => f.value === value.field)
                ? dateFields
                : [...dateFields, { value: value.field, label: value.field }]
            }
            value={value.field}
            error={errors.get('field')}
            onChange={(e) => onChange({ ...value, field: e.target.value })}
          />
          <NumberField
            label={t('ruleEditor.offsetDays')}
            description={t('ruleEditor.offsetHelp')}
            value={value.offsetDays}
            error={errors.get('offsetDays')}
            onChange={(n) => n !== undefined && onChange({ ...value, offsetDays: Math.trunc(n) })}
          />
          <TextField
            label={t('ruleEditor.at')}
            type="time"
            value={value.at}
            error={errors.get('at')}
            onChange={(e) => onChange({ ...value, at: e.target.value.slice(0, 5) })}
          />
          <Checkbox
            label={t('ruleEditor.yearly')}
            checked={value.repeat === 'yearly'}
            onChange={(e) => onChange({ ...value, repeat: e.target.checked ? 'yearly' : 'once' })}
          />
        </>
      )}
      {value.type === 'schedule' && (
        <TextField
          label={t('ruleEditor.cron')}
          description={t('ruleEditor.cronHelp')}
          value={value.cron}
          error={errors.get('cron')}
          onChange={(e) => onChange({ ...value, cron: e.target.value })}
        />
      )}
    </fieldset>
  );
}
