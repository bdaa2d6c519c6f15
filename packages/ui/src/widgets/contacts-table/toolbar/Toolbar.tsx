import { useT } from '../../../context/i18n.js';
import { Select, TextField } from '../../../primitives/Field.js';
import * as icons from '../../../primitives/icons.js';
import { findColumn, type Table } from '../grid/columns.js';
import { ViewsMenu, type ViewsMenuProps } from '../views/ViewsMenu.js';
import { ColumnChooser } from './ColumnChooser.js';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  table: Table;
  /** The saved views menu. */
  views: ViewsMenuProps;
  /** The search box's text, and its change. */
  query: string;
  onQueryChange: (query: string) => void;
  /** The lifecycle stages, labelled, for the stage filter. */
  stages: { value: string; label: string }[];
  /** A refetch is running: a thin progress line shows. */
  fetching: boolean;
}

/**
 * The bar above the grid: saved views, the search box, the lifecycle stage filter (when the schema has the column),
 * a refetch indicator and the column chooser.
 */
export function Toolbar({ table, views, query, onQueryChange, stages, fetching }: ToolbarProps) {
  const t = useT();
  const stageColumn = findColumn(table, 'lifecycleStage');
  const searchLabel = t('table.searchOf', { entities: views.entities });
  return (
    <div className="crm-ct-toolbar">
      <ViewsMenu {...views} />
      <TextField
        className="crm-ct-search"
        label={searchLabel}
        hideLabel
        placeholder={searchLabel}
        icon={icons.search}
        type="search"
        value={query}
        onChange={(e) => onQueryChange(e.target.value)}
      />
      {stageColumn && (
        <Select
          className="crm-ct-stage-filter"
          label={t('field.lifecycleStage')}
          hideLabel
          placeholder={t('table.allStages')}
          options={stages}
          value={(stageColumn.getFilterValue() as string | undefined) ?? ''}
          onChange={(e) => stageColumn.setFilterValue(e.target.value || undefined)}
        />
      )}
      <span className="crm-ct-toolbar-end">
        {fetching && <span className="crm-ct-fetching" aria-hidden="true" />}
        <ColumnChooser table={table} />
      </span>
    </div>
  );
}
