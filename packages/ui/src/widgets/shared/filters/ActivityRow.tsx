import { localize, useSchema } from '@crmkit/react';
import { useMemo } from 'react';
import { useMessages } from '../../../context/i18n.js';
import { Select } from '../../../primitives/Field.js';
import type { FilterField } from './fields.js';
import { rowOnField } from './operators.js';
import { FieldSelect, RowFrame, type RowProps } from './RowParts.js';
import { ACTIVITY_FIELD, type ActivityDraft } from './tree.js';
import { ValueInput } from './ValueInput.js';

/** The workspace's activity types, labelled in the current language (a visit, a call…), as a field of values. */
function useTypesField(label: string): FilterField {
  const { data: schema } = useSchema();
  const { locale } = useMessages();
  return useMemo(
    () => ({
      name: 'activity.types',
      label,
      kind: 'many',
      required: true,
      options: (schema?.activityTypes ?? []).map((a) => ({ value: a.key, label: localize(a.label, locale) })),
    }),
    [schema, locale, label],
  );
}

/**
 * An activity fact of a filter tree — "had a call in the last 90 days", "had no visit in the last 21 days", "had any
 * inbound message, ever" — as controls: had / had no, the types (any when none), the direction and the window; or,
 * read-only, as a sentence.
 */
export function ActivityRow(props: RowProps<ActivityDraft>) {
  const { row, n, fields, relativeDates, error, readOnly, place, actions } = props;
  const { t } = useMessages();
  const types = useTypesField(t('filters.activity.types'));
  const name = t('filters.condition', { n, field: t('filters.activity') });
  const change = (patch: Partial<ActivityDraft>) => actions.change({ ...row, ...patch });
  const has = t(row.has ? 'filters.activity.had' : 'filters.activity.hadNo');
  const direction = row.direction ? t(`filters.activity.direction.${row.direction}`) : '';
  const frame = { name, error, readOnly, end: { id: row.id, n, place, actions } };
  const when = row.ever ? t('filters.activity.ever') : t('filters.activity.inLast').replace('…', row.days || '…');

  if (readOnly) {
    const typeLabels = row.types.map((v) => types.options?.find((o) => o.value === v)?.label ?? v);
    return (
      <RowFrame {...frame}>
        <strong>{has}</strong> <span>{typeLabels.join(', ') || t('filters.activity.any')}</span>
        {direction && <span> ({direction})</span>} <span>{when}</span>
      </RowFrame>
    );
  }

  const setField = (field: string) => {
    if (field !== ACTIVITY_FIELD) actions.convert(rowOnField(row.id, field, fields, relativeDates));
  };
  return (
    <RowFrame {...frame}>
      <FieldSelect fields={fields} value={ACTIVITY_FIELD} activityFacts={props.activityFacts} onChange={setField} />
      <Select
        label={t('filters.operator')}
        hideLabel
        options={[
          { value: 'has', label: t('filters.activity.had') },
          { value: 'hasNot', label: t('filters.activity.hadNo') },
        ]}
        value={row.has ? 'has' : 'hasNot'}
        onChange={(e) => change({ has: e.target.value === 'has' })}
      />
      <ValueInput
        field={types}
        op="in"
        values={row.types}
        days=""
        label={types.label}
        hideLabel
        addLabel={t(row.types.length ? 'filters.activity.orType' : 'filters.activity.anyType')}
        onChange={({ values }) => values && change({ types: values })}
      />
      <Select
        label={t('filters.activity.direction')}
        hideLabel
        options={(['', 'inbound', 'outbound'] as const).map((d) => ({
          value: d,
          label: t(d ? `filters.activity.direction.${d}` : 'filters.activity.direction.any'),
        }))}
        value={row.direction}
        onChange={(e) => change({ direction: e.target.value as ActivityDraft['direction'] })}
      />
      <Select
        label={t('filters.activity.when')}
        hideLabel
        options={[
          { value: 'last', label: t('filters.activity.inLast') },
          { value: 'ever', label: t('filters.activity.ever') },
        ]}
        value={row.ever ? 'ever' : 'last'}
        onChange={(e) => change({ ever: e.target.value === 'ever' })}
      />
      {!row.ever && (
        <ValueInput
          field={types}
          op="inLastDays"
          values={[]}
          days={row.days}
          onChange={({ days }) => days !== undefined && change({ days })}
        />
      )}
    </RowFrame>
  );
}
