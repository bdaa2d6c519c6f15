import { useId } from 'react';
import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import type { FilterField } from './fields.js';
import { opLabelKey, opsOf, rowOnField } from './operators.js';
import { FieldSelect, type RowActions, RowEnd, RowError, type RowPlace } from './RowParts.js';
import { BARE_OPS, type ConditionDraft, DAY_OPS, type EditorOp } from './tree.js';
import { useValueLabel, ValueInput } from './ValueInput.js';

/** Props of {@link ConditionRow}. */
interface ConditionRowProps {
  row: ConditionDraft;
  /** Its number in reading order (1-based), for names like "Condition 2". */
  n: number;
  fields: FilterField[];
  relativeDates: boolean;
  /** Whether the field select offers activity facts. */
  activityFacts: boolean;
  error: string | undefined;
  readOnly: boolean;
  place: RowPlace;
  actions: RowActions;
}

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
  const errorId = useId();
  const field = fields.find((f) => f.name === row.field);
  const name = field ? t('filters.condition', { n, field: field.label }) : t('filters.newCondition', { n });
  const errorLine = <RowError id={errorId} error={error} />;

  if (readOnly) {
    const op = row.op || undefined;
    const value = op && !BARE_OPS.includes(op) && !DAY_OPS.includes(op) ? row.values : [];
    return (
      // biome-ignore lint/a11y/useSemanticElements: a row of a tree, named; a fieldset would add a form's semantics
      <div role="group" aria-label={name} className="crm-filters-row" data-readonly="">
        <p className="crm-filters-sentence">
          <strong>{field?.label ?? row.field}</strong>{' '}
          <span>{op && field && opLabel(op, field.kind, DAY_OPS.includes(op) ? row.days : undefined)}</span>{' '}
          {field && value.length > 0 && <span>{value.map((v) => valueLabel(field, v)).join(', ')}</span>}
        </p>
        {errorLine}
      </div>
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
    // biome-ignore lint/a11y/useSemanticElements: a named row of a tree (see the read-only row)
    <div
      role="group"
      aria-label={name}
      aria-describedby={error ? errorId : undefined}
      className="crm-filters-row"
      data-invalid={error ? '' : undefined}
    >
      <div className="crm-filters-controls">
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
        <RowEnd id={row.id} n={n} place={place} actions={actions} />
      </div>
      {errorLine}
    </div>
  );
}
