import type { ListQuery, RecordOf, Schemas } from '@crmkit/client';
import { contactName, crmQueries, useCan, useCrm, useFormat, useSchema } from '@crmkit/react';
import { type TableView, useContactsTable } from '@crmkit/react/tables';
import { useQueries } from '@tanstack/react-query';
import {
  type CSSProperties,
  type MouseEvent,
  type ReactNode,
  Suspense,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useAnnounce } from '../../announce.js';
import { useEntityLabel, useT } from '../../i18n/hooks.js';
import { Avatar } from '../../primitives/Avatar.js';
import { Button } from '../../primitives/Button.js';
import { Checkbox, Select, TextField } from '../../primitives/Field.js';
import { Icon } from '../../primitives/Icon.js';
import { IconButton } from '../../primitives/IconButton.js';
import { Menu, MenuItem, MenuSeparator } from '../../primitives/Menu.js';
import { Popover } from '../../primitives/Popover.js';
import { Skeleton } from '../../primitives/Skeleton.js';
import { StateView } from '../../primitives/StateView.js';
import { CrmRoot } from '../../root.js';
import { useAppearance } from '../../theme/parts.js';
import { fieldValue, isEmpty } from '../shared/fields/values.js';
import { BulkActions, useUsers } from './BulkActions.js';
import { type CellContext, renderCell, stageLabel } from './cells.js';
import { SaveViewDialog } from './lazy.js';
import { SelectionBanner } from './SelectionBanner.js';
import { useGridKeyboard } from './useGridKeyboard.js';
import { useRowSelection } from './useRowSelection.js';
import { type SavedView, useSavedViews } from './useSavedViews.js';
import { useWindow } from './useWindow.js';

export type { SavedView } from './useSavedViews.js';

type Contact = RecordOf<'contacts'> & { id: string };
type FieldDefinition = Schemas['FieldDefinition'];
type Table = ReturnType<typeof useContactsTable>['table'];
type TableColumn = ReturnType<Table['getAllLeafColumns']>[number];

/**
 * The column `id`, if the table has it (columns come from the schema: none before it loads, no company column when
 * the workspace has companies off) — unlike `table.getColumn`, without a development warning when it has not.
 */
const findColumn = (table: Table, id: string): TableColumn | undefined =>
  (table.getAllFlatColumnsById() as Record<string, TableColumn | undefined>)[id];

/** Props of {@link ContactsTable}. */
export interface ContactsTableProps {
  /** Called with a contact's id when its row is clicked or Enter is pressed on it: the host routes. */
  onOpenContact?: (id: string) => void;
  /**
   * The state to start from and to go back to with "All contacts": sorting, visible columns, filters, search and page
   * size (default: sorted by the server, a 25-row page, name parts, job title, birthday and source hidden).
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
  className?: string;
  style?: CSSProperties;
}

const DEFAULT_VIEW: Partial<TableView> = {
  columnVisibility: { firstName: false, lastName: false, title: false, birthday: false, source: false },
  pageSize: 25,
};
const DEFAULT_ORDER = ['lifecycleStage', 'ownerId', 'companyId', 'emails', 'phones', 'tags', 'lastContactedAt'];
const STAGES: Schemas['LifecycleStage'][] = ['potential', 'active', 'loyal', 'lost'];
/** The name column sorts by family name, the server's default order. */
const NAME_SORT = 'lastName';

/** A column of the grid: the selection checkbox, the name (row header), or a schema field. */
interface GridColumn {
  id: string;
  kind: 'select' | 'name' | 'field';
  width: number;
  column?: TableColumn;
  field?: FieldDefinition;
}

function widthOf(field: FieldDefinition): number {
  if (field.key === 'emails' || field.type === 'email') return 230;
  if (field.key === 'tags' || field.type === 'multiselect') return 200;
  if (field.key === 'ownerId' || field.key === 'companyId') return 190;
  if (field.key === 'lifecycleStage') return 170;
  if (field.type === 'phone') return 160;
  if (field.type === 'date' || field.type === 'boolean' || field.type === 'number') return 140;
  return 170;
}

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
export function ContactsTable({
  onOpenContact,
  defaultView,
  views: viewsProp,
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
  const f = useFormat();
  const announce = useAnnounce();
  const { client, locale } = useCrm();
  const schema = useSchema().data;
  const canEdit = useCan('update', 'contacts');
  const plural = useEntityLabel('contact', 'plural');
  const entities = plural.toLocaleLowerCase();
  const density = useAppearance().variables.density;
  const rowHeight = density === 'compact' ? 36 : 44;

  const initialView = useMemo(() => ({ ...DEFAULT_VIEW, ...defaultView }), [defaultView]);
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
  } = useContactsTable({ initialView, baseFilter, columnOrder });
  const rows = table.getRowModel().rows;
  const { pageIndex, pageSize } = table.state.pagination;

  // Records seen on screen, so bulk actions know names, tags and versions of selected rows on other pages.
  const records = useRef(new Map<string, Contact>()).current;
  for (const c of data as Contact[]) records.set(c.id, c);

  const users = useUsers();
  const companyIds = useMemo(
    () => [...new Set((data as Contact[]).map((c) => c.companyId).filter((id): id is string => !!id))],
    [data],
  );
  const companyVisible = findColumn(table, 'companyId')?.getIsVisible() ?? false;
  const companyQueries = useQueries({
    queries: companyIds.map((id) => ({
      ...crmQueries.record(client, 'companies', id),
      enabled: companyVisible,
      staleTime: 60_000,
    })),
  });
  const companies = useMemo(() => {
    const map = new Map<string, string>();
    for (const q of companyQueries)
      if (q.data) map.set((q.data as { id: string }).id, (q.data as { name: string }).name);
    return map;
  }, [companyQueries]);

  // ── Search (debounced), lifecycle filter ────────────────────────────────────────────────────────────────────
  const [query, setQuery] = useState(search);
  useEffect(() => setQuery(search), [search]);
  useEffect(() => {
    if (query === search) return;
    const timer = setTimeout(() => setSearch(query), 250);
    return () => clearTimeout(timer);
  }, [query, search, setSearch]);
  const stageColumn = findColumn(table, 'lifecycleStage');
  const stages = STAGES.map((s) => ({ value: s, label: stageLabel(s, { t, locale, schema }) }));
  const stageFilter = (stageColumn?.getFilterValue() as string | undefined) ?? '';
  const filtered = !!search.trim() || view.columnFilters.length > 0;

  // ── Saved views ────────────────────────────────────────────────────────────────────────────────────────────
  const [views, setViews] = useSavedViews('contacts', schema?.workspace.id, viewsProp, onViewsChange);
  const [activeViewId, setActiveViewId] = useState<string | null>(null);
  const activeView = views.find((v) => v.id === activeViewId);

  // ── Columns ────────────────────────────────────────────────────────────────────────────────────────────────
  // The table instance is stable; its visible columns change with the view, the schema and the locale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const columns = useMemo<GridColumn[]>(() => {
    const list: GridColumn[] = [];
    if (canEdit) list.push({ id: '__select', kind: 'select', width: 44 });
    list.push({ id: '__name', kind: 'name', width: 260 });
    for (const column of table.getVisibleLeafColumns() as TableColumn[]) {
      const field = (column.columnDef.meta as { field: FieldDefinition } | undefined)?.field;
      if (field) list.push({ id: column.id, kind: 'field', width: widthOf(field), column, field });
    }
    return list;
  }, [canEdit, table, view.columnVisibility, schema, locale]);

  // ── Virtualization and grid focus ──────────────────────────────────────────────────────────────────────────
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(rowHeight);
  useLayoutEffect(() => {
    if (head.current) setHeadHeight(head.current.offsetHeight);
  });
  const range = useWindow({ count: rows.length, rowHeight, scroller, offset: headHeight });

  // ── Selection (see `useRowSelection`) and keyboard (see `useGridKeyboard`) ─────────────────────────────────
  const selection = useRowSelection({ client, table, list, rows, pageIndex, pageSize, canEdit });
  const { all, total } = selection;
  const open = (index: number) => {
    const row = rows[index];
    if (row && onOpenContact) onOpenContact(row.id);
  };
  const {
    onKeyDown: onGridKeyDown,
    onFocus: onGridFocus,
    tabIndexOf,
  } = useGridKeyboard({
    grid,
    scroller,
    rowCount: rows.length,
    colCount: columns.length,
    rowHeight,
    scrollToIndex: range.scrollToIndex,
    selectable: canEdit,
    onOpen: open,
    onToggle: selection.toggle,
    onExtend: selection.extendTo,
  });

  // A new page starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on page changes only
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [pageIndex, pageSize, search, view.sorting, view.columnFilters]);

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, index: number) => {
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    open(index);
  };

  // ── Sorting ────────────────────────────────────────────────────────────────────────────────────────────────
  const sort = view.sorting[0];
  const sortOf = (id: string) => (sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : undefined);
  const toggleSort = (id: string) => {
    const next = sort?.id !== id ? { id, desc: false } : !sort.desc ? { id, desc: true } : null;
    table.setSorting(next ? [next] : []);
    if (next) announce(t(next.desc ? 'table.sortedDescending' : 'table.sortedAscending'));
  };

  const ctx: CellContext = { t, f, locale, users: users.names, companies, schema, tabIndex: -1 };

  // ── Header cells ───────────────────────────────────────────────────────────────────────────────────────────
  const headerCell = (c: GridColumn, col: number): ReactNode => {
    const tabIndex = tabIndexOf(-1, col);
    const common = { 'data-cell': '', 'data-row': -1, 'data-col': col };
    if (c.kind === 'select') {
      return (
        <th key={c.id} {...common} scope="col" className="crm-ct-th crm-ct-select">
          <Checkbox
            hideLabel
            label={t('table.selectAllRows')}
            checked={selection.allSelected}
            indeterminate={selection.someSelected}
            disabled={!rows.length}
            onChange={selection.toggleAll}
            tabIndex={tabIndex}
            data-focus-target=""
          />
        </th>
      );
    }
    const label = c.kind === 'name' ? t('field.name') : String(c.column?.columnDef.header ?? c.id);
    const sortId = c.kind === 'name' ? NAME_SORT : c.column?.getCanSort() ? c.id : undefined;
    if (!sortId) {
      return (
        <th key={c.id} {...common} scope="col" className="crm-ct-th" tabIndex={tabIndex}>
          <span className="crm-ct-th-label">{label}</span>
        </th>
      );
    }
    const sorted = sortOf(sortId);
    return (
      <th key={c.id} {...common} scope="col" className="crm-ct-th" aria-sort={sorted}>
        <button
          type="button"
          className="crm-ct-sort"
          data-sorted={sorted}
          tabIndex={tabIndex}
          data-focus-target=""
          onClick={() => toggleSort(sortId)}
        >
          <span className="crm-ct-th-label">{label}</span>
          <Icon
            name={sorted === 'ascending' ? 'arrow-up' : sorted === 'descending' ? 'arrow-down' : 'chevrons-up-down'}
            className="crm-ct-sort-icon"
          />
        </button>
      </th>
    );
  };

  // ── Body cells ─────────────────────────────────────────────────────────────────────────────────────────────
  const bodyCell = (c: GridColumn, col: number, index: number, contact: Contact, selected: boolean) => {
    const tabIndex = tabIndexOf(index, col);
    const common = { 'data-cell': '', 'data-row': index, 'data-col': col };
    if (c.kind === 'select') {
      return (
        <td key={c.id} {...common} className="crm-ct-td crm-ct-select">
          <Checkbox
            hideLabel
            label={t('table.selectRow', { name: contactName(contact) })}
            checked={selected}
            // A checkbox's change comes from a click: its Shift key extends the selection.
            onChange={(e) => selection.toggle(index, (e.nativeEvent as globalThis.MouseEvent).shiftKey)}
            tabIndex={tabIndex}
            data-focus-target=""
          />
        </td>
      );
    }
    if (c.kind === 'name') {
      const name = contactName(contact);
      return (
        <th key={c.id} {...common} scope="row" className="crm-ct-td crm-ct-name" tabIndex={tabIndex}>
          <span className="crm-ct-person">
            <Avatar name={name} size="sm" />
            <span className="crm-ct-text">{name}</span>
          </span>
        </th>
      );
    }
    const value = fieldValue(contact, c.field!);
    // Email, phone and URL cells hold one link, which takes the focus (Enter follows it); other cells are focused.
    const link = ['email', 'phone', 'url'].includes(c.field!.type) && !isEmpty(value);
    return (
      <td key={c.id} {...common} className="crm-ct-td" tabIndex={link ? undefined : tabIndex}>
        {renderCell(c.field!, value, { ...ctx, tabIndex })}
      </td>
    );
  };

  // ── Layout ─────────────────────────────────────────────────────────────────────────────────────────────────
  const gridLabel = ariaLabel ?? plural;
  const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const loading = isPending && !data.length;
  const failed = !!error && !data.length;
  const empty = !isPending && !error && rows.length === 0;

  const toolbar = (
    <div className="crm-ct-toolbar">
      <ViewsMenu
        views={views}
        active={activeView}
        allLabel={t('table.allRecords', { entities })}
        onSelect={(v) => {
          setActiveViewId(v?.id ?? null);
          applyView(v?.view ?? initialView);
          announce(v?.name ?? t('table.allRecords', { entities }));
        }}
        onSave={(name) => {
          const existing = views.find((v) => v.name.toLocaleLowerCase() === name.toLocaleLowerCase());
          const saved: SavedView = { id: existing?.id ?? `view_${Date.now().toString(36)}`, name, view };
          setViews(existing ? views.map((v) => (v.id === existing.id ? saved : v)) : [...views, saved]);
          setActiveViewId(saved.id);
          announce(t('table.viewSaved', { name }));
        }}
        onDelete={(v) => {
          setViews(views.filter((x) => x.id !== v.id));
          setActiveViewId(null);
          applyView(initialView);
        }}
      />
      <TextField
        className="crm-ct-search"
        label={t('table.searchOf', { entities })}
        hideLabel
        placeholder={t('table.searchOf', { entities })}
        icon="search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {stageColumn && (
        <Select
          className="crm-ct-stage-filter"
          label={t('field.lifecycleStage')}
          hideLabel
          placeholder={t('table.allStages')}
          options={stages}
          value={stageFilter}
          onChange={(e) => stageColumn.setFilterValue(e.target.value || undefined)}
        />
      )}
      <span className="crm-ct-toolbar-end">
        {isFetching && !loading && <span className="crm-ct-fetching" aria-hidden="true" />}
        <ColumnChooser table={table} />
      </span>
    </div>
  );

  let body: ReactNode;
  if (failed) {
    body = <StateView error={error} onRetry={() => void refetch()} />;
  } else if (empty) {
    body = filtered ? (
      <StateView
        state="no-results"
        action={
          <Button
            icon="x"
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
    const visible = loading
      ? Array.from({ length: 8 }, (_, i) => i)
      : Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
    body = (
      <div
        ref={scroller}
        className="crm-ct-scroll"
        style={{ maxHeight: typeof maxHeight === 'number' ? `${maxHeight}px` : maxHeight }}
        data-fetching={isFetching || undefined}
      >
        <table
          ref={grid}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern on a table
          role="grid"
          aria-label={gridLabel}
          aria-rowcount={loading ? -1 : rows.length + 1}
          aria-colcount={columns.length}
          aria-multiselectable={canEdit || undefined}
          aria-busy={isFetching || undefined}
          className="crm-ct-grid"
          style={{
            minWidth: tableWidth,
            ['--crm-ct-row-height' as string]: `${rowHeight}px`,
            ['--crm-ct-name-start' as string]: canEdit ? '44px' : '0px',
          }}
          onKeyDown={onGridKeyDown}
          onFocus={onGridFocus}
        >
          <colgroup>
            {columns.map((c) => (
              <col key={c.id} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead ref={head} className="crm-ct-head">
            <tr aria-rowindex={1}>{columns.map(headerCell)}</tr>
          </thead>
          <tbody>
            {!loading && range.before > 0 && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row: no tabindex, no content
              <tr aria-hidden="true" className="crm-ct-spacer" style={{ height: range.before }}>
                <td colSpan={columns.length} />
              </tr>
            )}
            {visible.map((index) => {
              if (loading) {
                return (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a placeholder row: no tabindex, no controls
                  <tr key={`skeleton-${index}`} aria-hidden="true" className="crm-ct-row">
                    {columns.map((c) => (
                      <td key={c.id} className="crm-ct-td">
                        {c.kind === 'name' ? (
                          <span className="crm-ct-person">
                            <Skeleton shape="circle" width={24} height={24} />
                            <Skeleton width={`${50 + ((index * 17) % 40)}%`} />
                          </span>
                        ) : (
                          <Skeleton width={c.kind === 'select' ? 16 : `${40 + ((index * 23 + c.width) % 45)}%`} />
                        )}
                      </td>
                    ))}
                  </tr>
                );
              }
              const row = rows[index]!;
              const contact = row.original as Contact;
              const selected = selection.isSelected(row);
              return (
                <tr
                  key={row.id}
                  aria-rowindex={index + 2}
                  aria-selected={canEdit ? selected : undefined}
                  data-selected={selected || undefined}
                  data-clickable={onOpenContact ? '' : undefined}
                  className="crm-ct-row"
                  onClick={(event) => onRowClick(event, index)}
                >
                  {columns.map((c, col) => bodyCell(c, col, index, contact, selected))}
                </tr>
              );
            })}
            {!loading && range.after > 0 && (
              // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row: no tabindex, no content
              <tr aria-hidden="true" className="crm-ct-spacer" style={{ height: range.after }}>
                <td colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <CrmRoot part="contactsTable" className={className} style={style} aria-busy={loading || undefined}>
      {toolbar}
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
      {!failed && !(empty && pageIndex === 0) && (
        <div className="crm-ct-footer">
          <Select
            className="crm-ct-page-size"
            label={t('table.rowsPerPage')}
            options={pageSizes.map((n) => ({ value: String(n), label: f.number(n) }))}
            value={String(pageSize)}
            onChange={(e) => table.setPageSize(Number(e.target.value))}
          />
          <span className="crm-ct-page" aria-live="polite">
            {t('table.page', { page: pageIndex + 1 })}
          </span>
          <span className="crm-ct-pager">
            <IconButton
              icon="chevron-left"
              variant="secondary"
              size="sm"
              aria-label={t('table.previousPage')}
              disabled={!table.getCanPreviousPage()}
              onClick={() => table.previousPage()}
            />
            <IconButton
              icon="chevron-right"
              variant="secondary"
              size="sm"
              aria-label={t('table.nextPage')}
              disabled={!table.getCanNextPage() || isFetching}
              onClick={() => table.nextPage()}
            />
          </span>
        </div>
      )}
    </CrmRoot>
  );
}

/** The column chooser: a checkbox per column of the schema (custom fields included). */
function ColumnChooser({ table }: { table: Table }) {
  const t = useT();
  const columns = (table.getAllLeafColumns() as TableColumn[]).filter((c) => c.getCanHide());
  return (
    <Popover
      label={t('table.chooseColumns')}
      placement="bottom-end"
      className="crm-ct-columns"
      trigger={
        <Button icon="columns" variant="secondary">
          {t('table.columns')}
        </Button>
      }
    >
      <fieldset className="crm-ct-columns-list">
        <legend className="crm-ct-columns-title">{t('table.chooseColumns')}</legend>
        {columns.map((column) => (
          <Checkbox
            key={column.id}
            label={String(column.columnDef.header ?? column.id)}
            checked={column.getIsVisible()}
            onChange={(e) => column.toggleVisibility(e.target.checked)}
          />
        ))}
      </fieldset>
    </Popover>
  );
}

/** The saved views menu: "All contacts", each saved view, "Save view…" and "Delete view". */
function ViewsMenu({
  views,
  active,
  allLabel,
  onSelect,
  onSave,
  onDelete,
}: {
  views: SavedView[];
  active: SavedView | undefined;
  allLabel: string;
  onSelect: (view: SavedView | undefined) => void;
  onSave: (name: string) => void;
  onDelete: (view: SavedView) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const current = active?.name ?? allLabel;
  const choose = (view: SavedView | undefined) => {
    onSelect(view);
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <>
      <Menu
        open={open}
        onOpenChange={setOpen}
        label={t('table.savedViews')}
        trigger={
          <Button
            ref={trigger}
            variant="ghost"
            className="crm-ct-views"
            iconEnd="chevron-down"
            aria-label={`${t('table.savedViews')}: ${current}`}
          >
            <span className="crm-ct-views-name">{current}</span>
          </Button>
        }
      >
        <MenuItem checked={!active} onSelect={() => choose(undefined)}>
          {allLabel}
        </MenuItem>
        {views.map((v) => (
          <MenuItem key={v.id} checked={active?.id === v.id} onSelect={() => choose(v)}>
            {v.name}
          </MenuItem>
        ))}
        <MenuSeparator />
        <MenuItem icon="plus" onSelect={() => setSaving(true)}>
          {t('table.saveView')}…
        </MenuItem>
        {active && (
          <MenuItem icon="trash" tone="danger" onSelect={() => onDelete(active)}>
            {t('table.deleteView')}
          </MenuItem>
        )}
      </Menu>
      {saving && (
        <Suspense>
          <SaveViewDialog
            name={active?.name ?? ''}
            onClose={() => setSaving(false)}
            onSave={(name) => {
              onSave(name);
              setSaving(false);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
