import { useFormat } from '@crmkit/react';
import { useEffect, useRef } from 'react';
import { useT } from '../../../context/i18n.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import { focusables } from '../../../primitives/overlay.js';
import { checkField, problemMessage } from '../../shared/editing/validate.js';
import type { BoardFilters, FilterFormProps } from '../header/filters.js';

/**
 * The board's filter form: owner, tags, amount and probability ranges, expected close, idle deals only (when stages
 * rot). Amounts and percentages are read the locale's way (`150.000` ₫ in Vietnamese); one that cannot be read says
 * why and bounds nothing. Focus moves to its first field when it mounts after the popover opened (it loads lazily).
 */
export function FilterForm({ filters, onChange, owners, entities, currency, canRot }: FilterFormProps) {
  const t = useT();
  const format = useFormat();
  const grid = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = grid.current?.parentElement;
    if (box?.contains(document.activeElement) && !grid.current!.contains(document.activeElement))
      focusables(grid.current)[0]?.focus();
  }, []);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const number = (key: 'amountMin' | 'amountMax' | 'probabilityMin' | 'probabilityMax', label: string) => {
    const money = key.startsWith('amount');
    const problem = checkField(
      { path: key, label, type: money ? 'currency' : 'number', currency, min: 0, ...(money ? {} : { max: 100 }) },
      filters[key],
      { format },
    );
    return (
      <TextField
        label={label}
        inputMode="decimal"
        autoComplete="off"
        value={filters[key]}
        error={problem && problemMessage(t, problem)}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    );
  };
  return (
    <div ref={grid} className="crm-pb-filter-grid">
      <Select
        label={t('board.filter.owner')}
        value={filters.owner}
        options={[
          { value: 'any', label: t('board.filter.anyone') },
          { value: 'me', label: t('board.filter.mine') },
          ...owners.map((o) => ({ value: o.id, label: o.name })),
        ]}
        onChange={(e) => set({ owner: e.target.value })}
      />
      <TextField
        label={t('board.filter.tags')}
        description={t('board.filter.tagsHint')}
        value={filters.tags}
        onChange={(e) => set({ tags: e.target.value })}
      />
      {number('amountMin', t('board.filter.amountMin'))}
      {number('amountMax', t('board.filter.amountMax'))}
      {number('probabilityMin', t('board.filter.probabilityMin'))}
      {number('probabilityMax', t('board.filter.probabilityMax'))}
      <Select
        label={t('board.filter.close')}
        value={filters.close}
        options={(['any', 'overdue', 'thisMonth', 'nextMonth'] as const).map((value) => ({
          value,
          label: t(
            value === 'any'
              ? 'board.filter.closeAny'
              : value === 'overdue'
                ? 'board.filter.closeOverdue'
                : value === 'thisMonth'
                  ? 'board.filter.closeThisMonth'
                  : 'board.filter.closeNextMonth',
          ),
        }))}
        onChange={(e) => set({ close: e.target.value as BoardFilters['close'] })}
      />
      {canRot && (
        <Checkbox
          label={t('board.filter.rotting', { entities })}
          checked={filters.rotting}
          onChange={(e) => set({ rotting: e.target.checked })}
        />
      )}
    </div>
  );
}
