import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import type { FilterField } from './fields.js';
import { opLabelKey, opsOf, rowOnField } from './operators.js';
import { FieldSelect, RowFrame, type RowProps } from './RowParts.js';
import { BARE_OPS, type ConditionDraft, DAY_OPS, type EditorOp } from './tree.js';
import { useValueLabel, ValueInput } from './ValueInput.js';

type ConditionRowProps = RowProps<ConditionDraft>;

/** An operator's label, its `…` replaced by the days when they are known. */
function useOpLabel() {
  const t = useT();
  return (op: EditorOp, kind: FilterField['kind'], days?: string) => {
    const label = t(opLabelKey(op, kind));
    return days === undefined ? label : label.replace('…', days || '…');
  };
}

/**
 * One condition of a filter tree: the field (the schema's, custom fields included), the comparison its type allows
 * and the value — or, read-only, the condition as a sentence. Its error (the server's, or "incomplete") is shown
 * under it and describes its group.
 */
export function ConditionRow(props: ConditionRowProps) {
  const { row, n, fields, relativeDates, error, readOnly, place, actions } = props;
  const t = useT();
  const opLabel = useOpLabel();
  const valueLabel = useValueLabel();
  const field = fields.find((f) => f.name === row.field);
  const name = field ? t('filters.condition', { n, field: field.label }) : t('filters.newCondition', { n });
  const frame = { name, error, readOnly, end: { id: row.id, n, place, actions } };

  if (readOnly) {
    const op = row.op || undefined;
    const value = op && !BARE_OPS.includes(op) && !DAY_OPS.includes(op) ? row.values : [];
    return (
      <RowFrame {...frame}>
        <strong>{field?.label ?? row.field}</strong>{' '}
        <span>{op && field && opLabel(op, field.kind, DAY_OPS.includes(op) ? row.days : undefined)}</span>{' '}
        {field && value.length > 0 && <span>{value.map((v) => valueLabel(field, v)).join(', ')}</span>}
      </RowFrame>
    );
  }

  const setField = (name: string) => {
    const next = rowOnField(row.id, name, fields, relativeDates);
    if (next.kind === 'activity') actions.convert(next);
    else actions.change(next);
  };
  const setOp = (op: EditorOp) => {
    const keepValues = DAY_OPS.includes(op) === DAY_OPS.includes(row.op as EditorOp);
    actions.change({ ...row, op, values: keepValues ? row.values : [], days: keepValues ? row.days : '' });
  };

  return (
    <RowFrame {...frame}>
      <FieldSelect fields={fields} value={row.field} activityFacts={props.activityFacts} onChange={setField} />
      {field && (
        <Select
          label={t('filters.operator')}
          hideLabel
          options={opsOf(field, relativeDates).map((op) => ({ value: op, label: opLabel(op, field.kind) }))}
          value={row.op}
          onChange={(e) => setOp(e.target.value as EditorOp)}
        />
      )}
      {field && row.op && !BARE_OPS.includes(row.op) && (
        <ValueInput
          field={field}
          op={row.op}
          values={row.values}
          days={row.days}
          onChange={(change) => actions.change({ ...row, ...change })}
        />
      )}
    </RowFrame>
  );
}
