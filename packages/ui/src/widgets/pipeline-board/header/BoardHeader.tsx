import type { Schemas } from '@crmkit/client';
import { type CurrencyTotals, useFormat } from '@crmkit/react';
import { type ComponentType, memo, type ReactNode, Suspense } from 'react';
import { useT } from '../../../context/i18n.js';
import { Button } from '../../../primitives/Button.js';
import { TextField } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import { Popover } from '../../../primitives/Popover.js';
import { Spinner } from '../../../primitives/Spinner.js';
import { pipelineStageName } from '../../shared/fields/labels.js';
import { useDebouncedSearch } from '../../shared/lists/useDebouncedSearch.js';
import { amounts } from '../column/ColumnHeader.js';
import { activeFilters, type BoardFilters, EMPTY_FILTERS, type FilterFormProps } from './filters.js';

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
  /** The filter form (loaded lazily by the board). */
  FilterForm: ComponentType<FilterFormProps>;
}

/**
 * The board's header: the pipeline's name (its label in the user's language); a summary of its open deals (count, total and weighted total, per
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
        <Heading className="crm-pb-title">{pipelineStageName(p.pipeline, f.locale)}</Heading>
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
          icon={icons.search}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <FilterPopover
          FilterForm={p.FilterForm}
          filters={p.filters}
          onChange={p.onFiltersChange}
          owners={p.owners}
          entities={p.entities}
          currency={p.pipeline.currency}
          canRot={p.pipeline.stages.some((s) => s.rottingDays != null)}
        />
        {active > 0 && (
          <Button variant="ghost" icon={icons.x} onClick={() => p.onFiltersChange(EMPTY_FILTERS)}>
            {t('action.clearAll')}
          </Button>
        )}
      </div>
    </header>
  );
});

/** The filter button and its popover; the form inside is one of the board's lazily loaded extras. */
function FilterPopover({ FilterForm, ...props }: FilterFormProps & { FilterForm: ComponentType<FilterFormProps> }) {
  const t = useT();
  const active = activeFilters(props.filters);
  return (
    <Popover
      label={t('board.filterLabel')}
      placement="bottom-start"
      className="crm-pb-filters"
      trigger={
        <Button icon={icons.filter} variant="secondary" data-active={active > 0 || undefined}>
          {t('board.filters', { count: active })}
        </Button>
      }
    >
      <Suspense fallback={<Spinner />}>
        <FilterForm {...props} />
      </Suspense>
    </Popover>
  );
}
