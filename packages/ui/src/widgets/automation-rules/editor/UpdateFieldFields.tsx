import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { codecOf, type FilterField, useFilterFields } from '../../shared/filters/fields.js';
import { ValueInput } from '../../shared/filters/ValueInput.js';
import { ENTITY_OF_RESOURCE, type Resource, type Step } from './draft.js';
import { withStored } from './options.js';

type Update = Extract<Step, { type: 'update_field' }>;

/** Props of {@link UpdateFieldFields}. */
export interface UpdateFieldFieldsProps {
  resource: Resource;
  step: Update;
  onChange: (step: Step) => void;
  errors: ReadonlyMap<string, string>;
}

/** The record's own timestamps (`createdAt`, `lastContactedAt`…) are the server's to set; custom dates are the user's. */
const settable = (f: FilterField) => f.name.startsWith('customFields.') || !(f.kind === 'date' && /At$/.test(f.name));
const isList = (f: FilterField) => f.kind === 'many' || f.kind === 'tags';

/** The value a field is cleared to, or starts from when chosen. */
const emptyOf = (f: FilterField): Update['value'] => (isList(f) ? [] : f.kind === 'boolean' ? false : null);

/**
 * Sets a field of the record: the field from the workspace's schema (custom fields included), then a value typed by
 * it — a choice from its options, several for a multi-select or tags, yes / no, a number, an amount in its currency, a
 * date, a user, or text. An empty value clears the field.
 */
export function UpdateFieldFields({ resource, step, onChange, errors }: UpdateFieldFieldsProps) {
  const t = useT();
  const entity = resource === 'activities' ? undefined : ENTITY_OF_RESOURCE[resource];
  const fields = useFilterFields(entity ?? 'contact').filter(settable);
  const field = entity ? fields.find((f) => f.name === step.field) : undefined;
  const codec = codecOf(field);
  const options = withStored(
    fields.map((f) => ({ value: f.name, label: f.label })),
    step.field,
  );
  const values = Array.isArray(step.value)
    ? step.value
    : step.value === null || step.value === undefined
      ? []
      : [codec.decode(step.value)];
  return (
    <>
      {entity ? (
        <Select
          label={t('ruleEditor.updateField')}
          required
          placeholder=""
          options={options}
          value={step.field}
          error={errors.get('field')}
          onChange={(e) => {
            const next = fields.find((f) => f.name === e.target.value);
            onChange({ ...step, field: e.target.value, value: next ? emptyOf(next) : null });
          }}
        />
      ) : (
        <TextField
          label={t('ruleEditor.updateField')}
          required
          maxLength={80}
          value={step.field}
          error={errors.get('field')}
          onChange={(e) => onChange({ ...step, field: e.target.value.trim() })}
        />
      )}
      {(field || (!entity && step.field)) && (
        <div className="crm-are-value">
          <ValueInput
            label={t('ruleEditor.newValue')}
            field={field ?? { name: step.field, label: step.field, kind: 'text', required: false }}
            op={field && isList(field) ? 'in' : 'eq'}
            values={values}
            days=""
            onChange={({ values: typed = [] }) => {
              if (field && isList(field)) return onChange({ ...step, value: typed });
              const text = typed[0] ?? '';
              const value = text.trim() === '' ? (field ? emptyOf(field) : null) : codec.encode(text);
              onChange({ ...step, value: value === undefined ? null : (value as Update['value']) });
            }}
          />
          {errors.get('value') && (
            <p className="crm-are-error" role="alert">
              {errors.get('value')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
