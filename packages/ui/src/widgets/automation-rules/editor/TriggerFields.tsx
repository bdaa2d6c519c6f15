import { useT } from '../../../context/i18n.js';
import { Checkbox, Select, type SelectOption, TextField } from '../../../primitives/Field.js';
import { useFilterFields } from '../../shared/filters/fields.js';
import { ValueInput } from '../../shared/filters/ValueInput.js';
import { eventText, type SummaryContext } from '../summary/summary.js';
import { ENTITY_OF_RESOURCE, RESOURCE_EVENTS, type Resource, type Trigger, triggerOf } from './draft.js';
import { NumberField } from './NumberField.js';
import { withStored } from './options.js';

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

/** The resource's fields (custom ones included) as options: all of them, and the date fields a date trigger counts from. */
function useFieldOptions(resource: Resource) {
  const t = useT();
  const entity = resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[resource];
  const fields = useFilterFields(entity ?? 'contact');
  const options = (entity ? fields : []).map((f) => ({ value: f.name, label: f.label }));
  const dates = (entity ? fields : []).filter((f) => f.kind === 'date');
  return {
    all: options,
    dates: [
      { value: 'createdAt', label: t('rules.field.createdAt') },
      ...dates.map((f) => ({ value: f.name, label: f.label })),
    ],
  };
}

type EventTrigger = Extract<Trigger, { type: 'event' }>;

/** The trigger with other events: "only when these changed" goes with the last update event. */
const withEvents = (value: EventTrigger, events: EventTrigger['events']): EventTrigger =>
  events.some((e) => e.endsWith('.updated')) ? { ...value, events } : { type: 'event', events };

/** Props of {@link ChangedFields}. */
interface ChangedFieldsProps {
  value: EventTrigger;
  onChange: (trigger: Trigger) => void;
  options: SelectOption[];
  error: string | undefined;
}

/** "Only when one of these fields changed", for update events: fields picked as chips; none means any change. */
function ChangedFields({ value, onChange, options, error }: ChangedFieldsProps) {
  const t = useT();
  const changed = value.changed ?? [];
  // A field the schema no longer offers stays listed (by its path) until removed.
  const all = [
    ...options,
    ...changed.filter((c) => !options.some((o) => o.value === c)).map((c) => ({ value: c, label: c })),
  ];
  return (
    <div className="crm-are-changed">
      <ValueInput
        label={t('ruleEditor.changed')}
        field={{ name: 'changed', label: t('ruleEditor.changed'), kind: 'many', required: false, options: all }}
        op="in"
        values={changed}
        days=""
        onChange={({ values = [] }) => onChange({ ...value, changed: values.length ? values : undefined })}
      />
      <p className="crm-are-help">{t('ruleEditor.changedHelp')}</p>
      {error && (
        <p className="crm-are-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** What starts the rule: an event (any of the resource's change-feed events), a date, a schedule, or a manual run. */
export function TriggerFields({ resource, value, onChange, errors, ctx }: TriggerFieldsProps) {
  const t = useT();
  const fields = useFieldOptions(resource);
  const dateFields = fields.dates;
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
                onChange(
                  withEvents(value, ev.target.checked ? [...value.events, e] : value.events.filter((x) => x !== e)),
                )
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
      {value.type === 'event' && value.events.some((e) => e.endsWith('.updated')) && fields.all.length > 0 && (
        <ChangedFields value={value} onChange={onChange} options={fields.all} error={errors.get('changed')} />
      )}
      {value.type === 'date' && (
        <>
          <Select
            label={t('ruleEditor.dateField')}
            options={withStored(dateFields, value.field)}
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
