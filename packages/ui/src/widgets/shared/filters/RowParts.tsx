import { type ReactNode, useId } from 'react';
import { useT } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import { Icon } from '../../../primitives/Icon.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import { Menu, MenuItem } from '../../../primitives/Menu.js';
import type { FilterField } from './fields.js';
import { ACTIVITY_FIELD, type ActivityDraft, type ConditionDraft } from './tree.js';

/** What a row can ask of the tree it is in. */
export interface RowActions {
  change(row: ConditionDraft | ActivityDraft): void;
  /** Replaces a row with one of another kind (a field condition ↔ an activity fact); focus stays on its field. */
  convert(row: ConditionDraft | ActivityDraft): void;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  indent(id: string): void;
  outdent(id: string): void;
}

/** Where a row is: whether it can move up, down, out of its group, or into a group of its own. */
export interface RowPlace {
  first: boolean;
  last: boolean;
  nested: boolean;
  canIndent: boolean;
}

/** Props of a row of the tree (a field condition's, an activity fact's): its draft and what the tree gives it. */
export interface RowProps<D> {
  row: D;
  /** Its number in reading order (1-based), for names like "Condition 2". */
  n: number;
  /** The fields its field select offers. */
  fields: FilterField[];
  relativeDates: boolean;
  /** Whether the field select offers activity facts. */
  activityFacts: boolean;
  error: string | undefined;
  readOnly: boolean;
  place: RowPlace;
  actions: RowActions;
}

/**
 * A row's first control: the field it is on, the schema's fields — and, where the tree takes them (`activityFacts`),
 * an activity fact.
 */
export function FieldSelect({
  fields,
  value,
  activityFacts,
  onChange,
}: {
  fields: FilterField[];
  value: string;
  activityFacts: boolean;
  onChange: (name: string) => void;
}) {
  const t = useT();
  return (
    <Select
      label={t('filters.field')}
      hideLabel
      data-filter-first=""
      placeholder={t('filters.chooseField')}
      options={fields.map((f) => ({ value: f.name, label: f.label }))}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {(activityFacts || value === ACTIVITY_FIELD) && (
        <optgroup label={t('filters.activity.group')}>
          <option value={ACTIVITY_FIELD}>{t('filters.activity')}</option>
        </optgroup>
      )}
    </Select>
  );
}

/** A row's remove button and its menu of moves. */
export function RowEnd({ id, n, place, actions }: { id: string; n: number; place: RowPlace; actions: RowActions }) {
  const t = useT();
  return (
    <span className="crm-filters-row-actions">
      <IconButton size="sm" icon={icons.x} aria-label={t('filters.remove', { n })} onClick={() => actions.remove(id)} />
      <Menu
        placement="bottom-end"
        trigger={
          <IconButton size="sm" icon={icons.more} aria-label={t('filters.actions', { n })} data-filter-menu="" />
        }
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
    </span>
  );
}

/** The message under a row (the server's error, or "incomplete"), which the row names in `aria-describedby`. */
export function RowError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="crm-filters-error">
      <Icon icon={icons.alert} />
      <span>{error}</span>
    </p>
  );
}

/**
 * The frame of a row of the tree, named ("Condition 2: Visits"): its controls then its remove button and moves — or,
 * read-only, its sentence — and its error under it (which describes the row).
 */
export function RowFrame({
  name,
  error,
  readOnly,
  end,
  children,
}: {
  name: string;
  error: string | undefined;
  readOnly: boolean;
  end: { id: string; n: number; place: RowPlace; actions: RowActions };
  children: ReactNode;
}) {
  const errorId = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of a tree, named; a fieldset would add a form's semantics
    <div
      role="group"
      aria-label={name}
      aria-describedby={error && !readOnly ? errorId : undefined}
      className="crm-filters-row"
      data-readonly={readOnly ? '' : undefined}
      data-invalid={error && !readOnly ? '' : undefined}
    >
      {readOnly ? (
        <p className="crm-filters-sentence">{children}</p>
      ) : (
        <div className="crm-filters-controls">
          {children}
          <RowEnd {...end} />
        </div>
      )}
      <RowError id={errorId} error={error} />
    </div>
  );
}
