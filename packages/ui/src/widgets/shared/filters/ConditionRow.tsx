import { useId } from 'react';
import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import { Icon } from '../../../primitives/Icon.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { Menu, MenuItem } from '../../../primitives/Menu.js';
import type { FilterField } from './fields.js';
import { opLabelKey, opsOf } from './operators.js';
import { BARE_OPS, type ConditionDraft, DAY_OPS, type EditorOp } from './tree.js';
import { useValueLabel, ValueInput } from './ValueInput.js';

/** What a row can ask of the tree it is in. */
export interface RowActions {
  change(row: ConditionDraft): void;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  indent(id: string): void;
  outdent(id: string): void;
}

/** Props of {@link ConditionRow}. */
interface ConditionRowProps {
  row: ConditionDraft;
  /** Its number in reading order (1-based), for names like "Condition 2". */
  n: number;
  fields: FilterField[];
  relativeDates: boolean;
  error: string | undefined;
  readOnly: boolean;
  /** Where it is: whether it can move up, down, out of its group, or into a group of its own. */
  place: { first: boolean; last: boolean; nested: boolean; canIndent: boolean };
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
export function ConditionRow({ row, n, fields, relativeDates, error, readOnly, place, actions }: ConditionRowProps) {
  const t = useT();
  const opLabel = useOpLabel();
  const valueLabel = useValueLabel();
  const errorId = useId();
  const field = fields.find((f) => f.name === row.field);
  const name = field ? t('filters.condition', { n, field: field.label }) : t('filters.newCondition', { n });
  const errorLine = error && (
    <p id={errorId} className="crm-filters-error">
      <Icon icon={icons.alert} />
      <span>{error}</span>
    </p>
  );

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
    const next = fields.find((f) => f.name === name);
    actions.change({ ...row, field: name, op: next ? opsOf(next, relativeDates)[0]! : '', values: [], days: '' });
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
        <Select
          label={t('filters.field')}
          hideLabel
          data-filter-first=""
          placeholder={t('filters.chooseField')}
          options={fields.map((f) => ({ value: f.name, label: f.label }))}
          value={row.field}
          onChange={(e) => setField(e.target.value)}
        />
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
        <span className="crm-filters-row-actions">
          <IconButton
            size="sm"
            icon={icons.x}
            aria-label={t('filters.remove', { n })}
            onClick={() => actions.remove(row.id)}
          />
          <RowMenu id={row.id} n={n} place={place} actions={actions} />
        </span>
      </div>
      {errorLine}
    </div>
  );
}

/** A row's moves: up, down, into a group of its own, out of its group. */
export function RowMenu({
  id,
  n,
  place,
  actions,
}: Pick<ConditionRowProps, 'n' | 'place' | 'actions'> & { id: string }) {
  const t = useT();
  return (
    <Menu
      placement="bottom-end"
      trigger={<IconButton size="sm" icon={icons.more} aria-label={t('filters.actions', { n })} data-filter-menu="" />}
    >
      <MenuItem icon={icons.arrowUp} disabled={place.first} onSelect={() => actions.move(id, -1)}>
        {t('filters.moveUp')}
      </MenuItem>
      <MenuItem icon={icons.arrowDown} disabled={place.last} onSelect={() => actions.move(id, 1)}>
        {t('filters.moveDown')}
      </MenuItem>
      <MenuItem icon={icons.chevronRight} disabled={!place.canIndent} onSelect={() => actions.indent(id)}>
        {t('filters.indent')}
      </MenuItem>
      <MenuItem icon={icons.chevronLeft} disabled={!place.nested} onSelect={() => actions.outdent(id)}>
        {t('filters.outdent')}
      </MenuItem>
    </Menu>
  );
}
