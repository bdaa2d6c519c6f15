import type { Schemas } from '@crmkit/client';
import { type CurrencyTotals, useFormat } from '@crmkit/react';
import { memo, type ReactNode } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { Checkbox, Select, TextField } from '../../../primitives/Field.js';
import { Popover } from '../../../primitives/Popover.js';
import { useDebouncedSearch } from '../../shared/lists/useDebouncedSearch.js';
import { amounts } from '../column/ColumnHeader.js';
import { activeFilters, type BoardFilters, EMPTY_FILTERS } from './filters.js';

/** Props of {@link BoardHeader}. */
export interface BoardHeaderProps {
  pipeline: Schemas['Pipeline'];
  /** The open deals' totals per currency (`usePipeline().open`). */
  open: readonly CurrencyTotals[];
  headingLevel: number;
  filters: BoardFilters;
  onFiltersChange: (filters: BoardFilters) => void;
  search: string;
  onSearchChange: (q: string) => void;
  owners: readonly { id: string; name: string }[];
  entities: string;
  /** The board's own forecast chart, when the server can group by month. */
  forecast?: ReactNode;
}

/**
 * The board's header: the pipeline's name; a summary of its open deals (count, total and weighted total, per
 * currency) from the server's aggregates, following the filters; the search and the filters.
 */
export const BoardHeader = memo(function BoardHeader(p: BoardHeaderProps) {
  const t = useT();
  const f = useFormat();
  const Heading = `h${p.headingLevel}` as 'h2';
  const { open } = p;
  const count = open.reduce((n, c) => n + c.count, 0);
  const [query, setQuery] = useDebouncedSearch(p.search, p.onSearchChange);
  const active = activeFilters(p.filters);
  return (
    <header className="crm-pb-header">
      <div className="crm-pb-heading">
        <Heading className="crm-pb-title">{p.pipeline.name}</Heading>
        <dl className="crm-pb-summary">
          <div>
            <dt>{t('board.summary.open')}</dt>
            <dd>{f.number(count)}</dd>
          </div>
          <div>
            <dt>{t('board.summary.total')}</dt>
            <dd>{open.length ? amounts(f, open) : '—'}</dd>
          </div>
          <div>
            <dt>{t('board.summary.weighted')}</dt>
            <dd>{open.length ? amounts(f, open, 'weightedSum') : '—'}</dd>
          </div>
        </dl>
      </div>
      {p.forecast}
      <div className="crm-pb-toolbar">
        <TextField
          className="crm-pb-search"
          label={t('board.search', { entities: p.entities })}
          hideLabel
          placeholder={t('board.search', { entities: p.entities })}
          icon="search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <FilterPopover
          filters={p.filters}
          onChange={p.onFiltersChange}
          owners={p.owners}
          entities={p.entities}
          canRot={p.pipeline.stages.some((s) => s.rottingDays != null)}
        />
        {active > 0 && (
          <Button variant="ghost" icon="x" onClick={() => p.onFiltersChange(EMPTY_FILTERS)}>
            {t('action.clearAll')}
          </Button>
        )}
      </div>
    </header>
  );
});

/** The filter form: owner, tags, amount and probability ranges, expected close, idle deals only (when stages rot). */
function FilterPopover({
  filters,
  onChange,
  owners,
  entities,
  canRot,
}: {
  /** The pipeline has a stage with an idle threshold. */
  canRot: boolean;
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
  owners: readonly { id: string; name: string }[];
  entities: string;
}) {
  const t = useT();
  const active = activeFilters(filters);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const number = (key: 'amountMin' | 'amountMax' | 'probabilityMin' | 'probabilityMax', label: string) => (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      min={0}
      value={filters[key]}
      onChange={(e) => set({ [key]: e.target.value })}
    />
  );
  return (
    <Popover
      label={t('board.filterLabel')}
      placement="bottom-start"
      className="crm-pb-filters"
      trigger={
        <Button icon="filter" variant="secondary" data-active={active > 0 || undefined}>
          {t('board.filters', { count: active })}
        </Button>
      }
    >
      <div className="crm-pb-filter-grid">
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
    </Popover>
  );
}
