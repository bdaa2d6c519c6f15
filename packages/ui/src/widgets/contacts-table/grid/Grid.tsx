import { contactName, useCrm, useFormat, useSchema } from '@crmkit/react';
import type { TableView } from '@crmkit/react/tables';
import { type ReactNode, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useAnnounce } from '../../../context/announce.js';
import { useT } from '../../../context/i18n.js';
import { Avatar } from '../../../primitives/Avatar.js';
import { Checkbox } from '../../../primitives/Field.js';
import { Icon } from '../../../primitives/Icon.js';
import * as icons from '../../../primitives/icons.js';
import { fieldValue, isEmpty } from '../../shared/fields/values.js';
import { useWindow } from '../../shared/lists/useWindow.js';
import type { RowSelection } from '../selection/useRowSelection.js';
import { type CellContext, renderCell } from './cells.js';
import { type Contact, type GridColumn, gridColumns, type Table, type Row as TableRow } from './columns.js';
import { SkeletonRow } from './SkeletonRow.js';
import { useGridKeyboard } from './useGridKeyboard.js';

/**
 * The name column sorts by `name`, the server's default order: the name as the workspace's language orders names
 * (given name first in Vietnamese and Thai, family name first elsewhere), with that language's collation.
 */
const NAME_SORT = 'name';

/** Props of {@link Grid}. */
export interface GridProps {
  table: Table;
  /** The rows of the page. */
  rows: TableRow[];
  /** The state of the table (its changes pick the columns and scroll back to the top). */
  view: TableView;
  /** The first page is loading: placeholder rows. */
  loading: boolean;
  fetching: boolean;
  /** Rows can be selected (a checkbox column, Space, Shift+click). */
  selectable: boolean;
  selection: RowSelection;
  /** Names of the owners and companies the cells show, by id. */
  names: Pick<CellContext, 'users' | 'companies'>;
  onOpenContact: ((id: string) => void) | undefined;
  maxHeight: number | string;
  rowHeight: number;
  label: string;
}

/**
 * The data grid (the WAI-ARIA grid pattern on a `table`): a sticky header with sort buttons, the rows of the page
 * virtualized inside a scrolling area, and keyboard navigation between cells (see `useGridKeyboard`).
 */
export function Grid({
  table,
  rows,
  view,
  loading,
  fetching,
  selectable,
  selection,
  names,
  onOpenContact,
  maxHeight,
  rowHeight,
  label,
}: GridProps) {
  const t = useT();
  const f = useFormat();
  const announce = useAnnounce();
  const { locale } = useCrm();
  const schema = useSchema().data;
  const { pageIndex, pageSize } = table.state.pagination;

  // The table instance is stable; its visible columns change with the view, the schema and the locale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const columns = useMemo(
    () => gridColumns(table, selectable),
    [selectable, table, view.columnVisibility, schema, locale],
  );

  // ── Virtualization and grid focus ──────────────────────────────────────────────────────────────────────────
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(rowHeight);
  useLayoutEffect(() => {
    if (head.current) setHeadHeight(head.current.offsetHeight);
  });
  const range = useWindow({ count: rows.length, rowHeight, scroller, offset: headHeight });
  const open = onOpenContact && ((index: number) => rows[index] && onOpenContact(rows[index].id));
  const { onKeyDown, onFocus, tabIndexOf } = useGridKeyboard({
    grid,
    scroller,
    rowCount: rows.length,
    colCount: columns.length,
    rowHeight,
    scrollToIndex: range.scrollToIndex,
    selectable,
    onOpen: (index) => open?.(index),
    onToggle: selection.toggle,
    onExtend: selection.extendTo,
  });

  // A new page starts at the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on page changes only
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [pageIndex, pageSize, view.search, view.sorting, view.columnFilters]);

  // ── Sorting ────────────────────────────────────────────────────────────────────────────────────────────────
  const sort = view.sorting[0];
  const sortOf = (id: string) => (sort?.id === id ? (sort.desc ? 'descending' : 'ascending') : undefined);
  const toggleSort = (id: string) => {
    const next = sort?.id !== id ? { id, desc: false } : !sort.desc ? { id, desc: true } : null;
    table.setSorting(next ? [next] : []);
    if (next) announce(t(next.desc ? 'table.sortedDescending' : 'table.sortedAscending'));
  };

  const ctx: CellContext = { t, f, locale, schema, ...names, tabIndex: -1 };

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
          <span className="crm-ct-th-label" title={label}>
            {label}
          </span>
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
          <span className="crm-ct-th-label" title={label}>
            {label}
          </span>
          <Icon
            icon={
              sorted === 'ascending' ? icons.arrowUp : sorted === 'descending' ? icons.arrowDown : icons.chevronsUpDown
            }
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

  const visible = loading
    ? Array.from({ length: 8 }, (_, i) => i)
    : Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
  return (
    <div
      ref={scroller}
      className="crm-ct-scroll"
      style={{ maxHeight: typeof maxHeight === 'number' ? `${maxHeight}px` : maxHeight }}
      data-fetching={fetching || undefined}
    >
      <table
        ref={grid}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA data grid pattern on a table
        role="grid"
        aria-label={label}
        aria-rowcount={loading ? -1 : rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable={selectable || undefined}
        aria-busy={fetching || undefined}
        className="crm-ct-grid"
        style={{
          minWidth: columns.reduce((sum, c) => sum + c.width, 0),
          ['--crm-ct-row-height' as string]: `${rowHeight}px`,
          ['--crm-ct-name-start' as string]: selectable ? '44px' : '0px',
        }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
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
            if (loading) return <SkeletonRow key={`skeleton-${index}`} index={index} columns={columns} />;
            const row = rows[index]!;
            const contact = row.original as Contact;
            const selected = selection.isSelected(row);
            return (
              <tr
                key={row.id}
                aria-rowindex={index + 2}
                aria-selected={selectable ? selected : undefined}
                data-selected={selected || undefined}
                data-clickable={onOpenContact ? '' : undefined}
                className="crm-ct-row"
                onClick={(event) => {
                  if (!(event.target as HTMLElement).closest('a, button, input, label')) open?.(index);
                }}
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
