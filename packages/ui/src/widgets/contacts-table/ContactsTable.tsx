import type { ListQuery, Schemas } from '@crmkit/client';
import { useCan, useCrm, useSchema } from '@crmkit/react';
import { type TableView, useContactsTable } from '@crmkit/react/tables';
import { type CSSProperties, type ReactNode, useCallback, useMemo, useRef } from 'react';
import { useMessages, useT } from '../../context/i18n.js';
import { useEntityLabel } from '../../context/labels.js';
import { useDensity } from '../../context/parts.js';
import { MessagesScope } from '../../context/scope.js';
import { tableMessages } from '../../i18n/messages/contacts-table/index.js';
import { Button } from '../../primitives/Button.js';
import { CrmRoot } from '../../primitives/CrmRoot.js';
import * as icons from '../../primitives/icons.js';
import { StateView } from '../../primitives/StateView.js';
import { stageLabel, standardFieldLabel } from '../shared/fields/labels.js';
import { useDebouncedSearch } from '../shared/lists/useDebouncedSearch.js';
import { useUsers } from '../shared/lists/useUsers.js';
import { BulkActions } from './BulkActions.js';
import { type Contact, findColumn } from './grid/columns.js';
import { Grid } from './grid/Grid.js';
import { useCompanyNames } from './grid/related.js';
import { Pager } from './Pager.js';
import { SelectionBanner } from './selection/SelectionBanner.js';
import { useRowSelection } from './selection/useRowSelection.js';
import { Toolbar } from './toolbar/Toolbar.js';
import type { SavedView } from './views/useSavedViews.js';

export type { SavedView } from './views/useSavedViews.js';

/** Props of {@link ContactsTable}. */
export interface ContactsTableProps {
  /** Called with a contact's id when its row is clicked or Enter is pressed on it: the host routes. */
  onOpenContact?: (id: string) => void;
  /**
   * The state to start from and to go back to with "All contacts": sorting, visible columns, filters, search and page
   * size (default: sorted by the server, a 25-row page, name parts, salutation, name order, job title, birthday and
   * source hidden).
   */
  defaultView?: Partial<TableView>;
  /** Saved views, controlled (e.g. stored on the host's server); default: kept in `localStorage` per workspace. */
  views?: SavedView[];
  /** Called with every change of the saved views (also when uncontrolled). */
  onViewsChange?: (views: SavedView[]) => void;
  /** Filters always applied and not shown, e.g. `{ companyId }` or `{ ownerId: me }`. */
  baseFilter?: ListQuery['filter'];
  /** Column ids to show first, in this order (default: stage, owner, company, email, phone, tags, last contacted). */
  columnOrder?: string[];
  /** Page sizes offered (default 25, 50, 100, 200; at most 200). */
  pageSizes?: number[];
  /** Height of the scrolling area (default `min(70vh, 720px)`): the header stays, rows scroll and are virtualized. */
  maxHeight?: number | string;
  /** The grid's accessible name (default the workspace's plural label, e.g. "Members"). */
  'aria-label'?: string;
  /** Class names for the widget's root element (also settable for every widget with `appearance.elements`). */
  className?: string;
  /** Inline styles for the widget's root element. */
  style?: CSSProperties;
}

const DEFAULT_VIEW: Partial<TableView> = {
  columnVisibility: {
    firstName: false,
    lastName: false,
    salutation: false,
    nameOrder: false,
    title: false,
    birthday: false,
    source: false,
  },
  pageSize: 25,
};
const DEFAULT_ORDER = ['lifecycleStage', 'ownerId', 'companyId', 'emails', 'phones', 'tags', 'lastContactedAt'];
const STAGES: Schemas['LifecycleStage'][] = ['potential', 'active', 'loyal', 'lost'];

/**
 * The contacts of the workspace as an accessible, virtualized data grid on `useContactsTable`: search, a lifecycle
 * stage filter, sortable columns from the workspace schema (custom fields included) and a column chooser, saved
 * views, cursor pagination, row selection with bulk actions (assign owner, add tag, change stage) for users who may
 * edit contacts, and every state (loading, empty, no results, error, no access).
 *
 * Selection: Shift+click on a row's checkbox sets every row from the last one clicked to this one to the state of
 * this one (across the pages loaded since the search, filter, sort or page size last changed). When the header
 * checkbox selects a whole page and more contacts match, a banner offers to select all that match (counted up to
 * 5,000); bulk actions then list what matches when they run, skipping rows deselected since.
 *
 * Keyboard: the grid is one Tab stop; arrow keys move between cells, Home/End to the row's first/last cell
 * (with Ctrl, the grid's), Page Up/Down by ten rows, Enter opens the row's contact, Space selects the row,
 * Shift+Space does what Shift+click does, and Shift+Arrow Up/Down move to the row above/below and select every row
 * from the last one toggled to there (as in the WAI-ARIA grid and listbox patterns).
 *
 * @example
 * <ContactsTable onOpenContact={(id) => navigate(`/contacts/${id}`)} />
 */
export function ContactsTable(props: ContactsTableProps) {
  return (
    <MessagesScope part={tableMessages}>
      <Table {...props} />
    </MessagesScope>
  );
}

function Table({
  onOpenContact,
  defaultView,
  views,
  onViewsChange,
  baseFilter,
  columnOrder = DEFAULT_ORDER,
  pageSizes = [25, 50, 100, 200],
  maxHeight = 'min(70vh, 720px)',
  'aria-label': ariaLabel,
  className,
  style,
}: ContactsTableProps) {
  const t = useT();
  const { client, locale } = useCrm();
  const schema = useSchema().data;
  const canEdit = useCan('update', 'contacts');
  const plural = useEntityLabel('contact', 'plural');
  const entities = plural.toLocaleLowerCase();
  const density = useDensity();

  const initialView = useMemo(() => ({ ...DEFAULT_VIEW, ...defaultView }), [defaultView]);
  const { messages } = useMessages();
  const fieldLabel = useCallback((key: string) => standardFieldLabel(messages, t, key), [messages, t]);
  const {
    table,
    data,
    query: list,
    isPending,
    isFetching,
    error,
    refetch,
    search,
    setSearch,
    view,
    applyView,
    selectedIds,
  } = useContactsTable({ initialView, baseFilter, columnOrder, fieldLabel });
  const rows = table.getRowModel().rows;
  const { pageIndex, pageSize } = table.state.pagination;

  // Records seen on screen, so bulk actions know names, tags and versions of selected rows on other pages.
  const records = useRef(new Map<string, Contact>()).current;
  for (const c of data as Contact[]) records.set(c.id, c);

  const users = useUsers();
  const companies = useCompanyNames(data, findColumn(table, 'companyId')?.getIsVisible() ?? false);
  const [query, setQuery] = useDebouncedSearch(search, setSearch);
  const stages = STAGES.map((s) => ({ value: s, label: stageLabel(s, { t, locale, schema }) }));
  const selection = useRowSelection({ client, table, list, rows, pageIndex, pageSize, canEdit });
  const { all, total } = selection;

  const loading = isPending && !data.length;
  const failed = !!error && !data.length;
  const empty = !isPending && !error && rows.length === 0;
  let body: ReactNode;
  if (failed) {
    body = <StateView error={error} onRetry={() => void refetch()} />;
  } else if (empty) {
    body =
      search.trim() || view.columnFilters.length ? (
        <StateView
          state="no-results"
          action={
            <Button
              icon={icons.x}
              onClick={() => {
                setQuery('');
                applyView({ ...view, search: '', columnFilters: [] });
              }}
            >
              {t('action.clearAll')}
            </Button>
          }
        />
      ) : (
        <StateView state="empty" entity="contact" />
      );
  } else {
    body = (
      <Grid
        table={table}
        rows={rows}
        view={view}
        loading={loading}
        fetching={isFetching}
        selectable={canEdit}
        selection={selection}
        names={{ users: users.names, companies }}
        onOpenContact={onOpenContact}
        maxHeight={maxHeight}
        rowHeight={density === 'compact' ? 36 : 44}
        label={ariaLabel ?? plural}
      />
    );
  }

  return (
    <CrmRoot part="contactsTable" className={className} style={style} aria-busy={loading || undefined}>
      <Toolbar
        table={table}
        views={{
          workspaceId: schema?.workspace.id,
          views,
          onViewsChange,
          view,
          applyView,
          initialView,
          entities,
        }}
        query={query}
        onQueryChange={setQuery}
        stages={stages}
        fetching={isFetching && !loading}
      />
      {canEdit && (
        <BulkActions
          target={all ? { query: selection.matchQuery, excluded: all.excluded } : selectedIds}
          count={all ? (total == null ? undefined : total - all.excluded.size) : selectedIds.length}
          records={records}
          onSelectionChange={selection.setSelection}
          users={users.list}
          stages={stages}
        />
      )}
      {canEdit && (
        <SelectionBanner
          all={all}
          total={total}
          offer={selection.offer}
          pageCount={rows.length}
          entities={entities}
          onSelectAll={selection.selectAllMatching}
          onClear={() => selection.setSelection([])}
        />
      )}
      {body}
      {!failed && !(empty && pageIndex === 0) && <Pager table={table} pageSizes={pageSizes} fetching={isFetching} />}
    </CrmRoot>
  );
}
