import { useFormat } from '@crmkit/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import { IconButton } from '../../../primitives/IconButton.js';
import * as icons from '../../../primitives/icons.js';
import type { FilterField } from './fields.js';
import { DAY_OPS, type EditorOp, LIST_OPS } from './tree.js';

/** Props of {@link ValueInput}. */
interface ValueInputProps {
  field: FilterField;
  op: EditorOp;
  values: string[];
  days: string;
  onChange: (change: { values?: string[]; days?: string }) => void;
  /** A visible label (default a hidden "Value": the row says what it is). */
  label?: string;
  /** Hides `label` (a row's control named other than "Value", e.g. "Activity types"). */
  hideLabel?: boolean;
  /** What the list adder says while it waits for a value (default "Add a value…"). */
  addLabel?: string;
}

/** The label of a value of `field`: its option's, yes / no, a date as the locale writes it, or the value itself. */
export function useValueLabel() {
  const t = useT();
  const f = useFormat();
  return (field: FilterField, value: string) => {
    if (field.kind === 'boolean') return t(value === 'true' ? 'filters.yes' : 'filters.no');
    if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return f.date(value);
    return field.options?.find((o) => o.value === value)?.label ?? value;
  };
}

/**
 * What a condition compares with, by operator and field: a number of days, a list of values (chips, picked from the
 * field's options or typed), a date, a number, yes / no, or text.
 */
export function ValueInput({ field, op, values, days, onChange, label: shown, ...props }: ValueInputProps) {
  const t = useT();
  const named = { label: shown ?? t('filters.value'), hideLabel: props.hideLabel ?? shown === undefined };
  const label = useValueLabel();
  const adder = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const [typed, setTyped] = useState('');

  if (DAY_OPS.includes(op)) {
    const yearly = op === 'yearlyNext' || op === 'yearlyLast';
    return (
      <span className="crm-filters-days">
        <TextField
          label={t('filters.days')}
          hideLabel
          type="number"
          inputMode="numeric"
          min={0}
          max={yearly ? 365 : 3650}
          value={days}
          onChange={(e) => onChange({ days: e.target.value })}
        />
        <span aria-hidden="true">{t('filters.daysUnit', { count: Number(days) || 0 })}</span>
      </span>
    );
  }

  if (LIST_OPS.includes(op)) {
    const remove = (value: string) => {
      onChange({ values: values.filter((v) => v !== value) });
      adder.current?.focus();
    };
    const add = (value: string) => {
      const v = value.trim();
      if (v && !values.includes(v)) onChange({ values: [...values, v] });
    };
    const remaining = field.options?.filter((o) => !values.includes(o.value));
    return (
      <span className="crm-filters-list-value">
        {values.length > 0 && (
          <ul className="crm-filters-chips" aria-label={(props.hideLabel && shown) || t('filters.values')}>
            {values.map((v) => (
              <li key={v} className="crm-filters-chip">
                <span>{label(field, v)}</span>
                <IconButton
                  size="sm"
                  icon={icons.x}
                  aria-label={t('filters.removeValue', { value: label(field, v) })}
                  onClick={() => remove(v)}
                />
              </li>
            ))}
          </ul>
        )}
        {remaining ? (
          <Select
            ref={adder}
            {...named}
            placeholder={props.addLabel ?? t('filters.addValue')}
            options={remaining}
            value=""
            onChange={(e) => add(e.target.value)}
          />
        ) : (
          <TextField
            ref={adder}
            {...named}
            placeholder={t('filters.typeValue')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
              if (e.key !== 'Enter' && e.key !== ',') return;
              e.preventDefault();
              add(typed);
              setTyped('');
            }}
            onBlur={() => {
              add(typed);
              setTyped('');
            }}
          />
        )}
      </span>
    );
  }

  const value = values[0] ?? '';
  const set = (text: string) => onChange({ values: [text] });
  if (field.kind === 'boolean') {
    return (
      <Select
        {...named}
        placeholder=""
        options={[
          { value: 'true', label: t('filters.yes') },
          { value: 'false', label: t('filters.no') },
        ]}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    );
  }
  const numeric = field.kind === 'number' || field.kind === 'currency';
  return (
    <TextField
      {...named}
      type={field.kind === 'date' ? 'date' : numeric ? 'number' : 'text'}
      step={numeric ? 'any' : undefined}
      inputMode={numeric ? 'decimal' : undefined}
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );
}
