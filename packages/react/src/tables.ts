import type { ListQuery, RecordOf, ResourceName, Schemas } from '@crmkit/client';
import { COMPANY_FIELDS, CONTACT_FIELDS, DEAL_FIELDS, type StandardField, TICKET_FIELDS } from '@crmkit/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type ColumnDef,
  type ColumnFiltersState,
  type ColumnVisibilityState,
  columnFilteringFeature,
  columnVisibilityFeature,
  type PaginationState,
  type RowSelectionState,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { localize } from './localize.js';
import { crmQueries } from './options.js';
import { useCrm } from './provider.js';
import { useSchema } from './queries.js';

/** The table features every crmkit table registers (TanStack Table v9 tree-shakes the rest). */
export const crmTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnFilteringFeature,
  rowSelectionFeature,
});
export type CrmTableFeatures = typeof crmTableFeatures;

/** A column of a crmkit table: `meta.field` is the schema's field definition (type, options, custom or not). */
// biome-ignore lint/suspicious/noExplicitAny: TanStack's RowData constraint.
export type CrmColumn<T extends Record<string, any>> = ColumnDef<CrmTableFeatures, T, unknown>;

/** Entities with a schema field list and a resource. */
const ENTITY: Partial<Record<ResourceName, keyof Schemas['WorkspaceSchema']['fields']>> = {
  contacts: 'contact',
  companies: 'company',
  leads: 'lead',
  deals: 'deal',
  tickets: 'ticket',
  activities: 'activity',
};

/** The state of a table a user can save as a view and apply again. */
export interface TableView {
  sorting: SortingState;
  columnVisibility: ColumnVisibilityState;
  columnFilters: ColumnFiltersState;
  search: string;
  pageSize: number;
}

/** Options of the table hooks. */
export interface ResourceTableOptions {
  /** The state to start from (e.g. a saved view). */
  initialView?: Partial<TableView>;
  /** Extra filters always applied (e.g. `{ companyId }`), not shown as column filters. */
  baseFilter?: ListQuery['filter'];
  /** Columns to show first, by id, in this order; others follow in schema order. */
  columnOrder?: string[];
  /**
   * The contract's standard fields of the resource (`CONTACT_FIELDS` of `@crmkit/core`, …): those the server's schema
   * leaves out are shown too (see `withStandardFields`). The resource's own hook (`useContactsTable`, …) sets them.
   */
  standardFields?: readonly StandardField[];
  /** The header of a standard field the schema leaves out, e.g. from the widget's catalog; default: the key in words. */
  fieldLabel?: (key: string) => string | undefined;
}

const NO_FIELDS: readonly StandardField[] = [];

const apply = <T>(updater: Updater<T>, old: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;

const words = (key: string) =>
  key
    .replace(/Id$/, '')
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)
    .replace(/^./, (c) => c.toUpperCase());

/**
 * The fields a table shows: those the schema declares, then the contract's standard fields it leaves out (a server
 * may declare fewer than the contract has; they are shown, labelled by `label`, but neither sorted nor filtered by, as
 * the server did not say it can), then the custom fields.
 *
 * @example
 * withStandardFields(schema.fields.contact, CONTACT_FIELDS).map((f) => f.key);
 */
export function withStandardFields(
  declared: readonly Schemas['FieldDefinition'][],
  standard: readonly StandardField[],
  label: (key: string) => string | undefined = () => undefined,
): Schemas['FieldDefinition'][] {
  const builtIn = declared.filter((f) => !f.custom);
  const missing = standard
    .filter((s) => !builtIn.some((f) => f.key === s.key))
    .map(({ key, type, required }) => ({
      key,
      type,
      label: { en: label(key) ?? words(key) },
      custom: false,
      required: !!required,
      sortable: false,
      filterable: false,
    }));
  return [...builtIn, ...missing, ...declared.filter((f) => f.custom)];
}

/** The value of a field of a record: built-in, or `customFields.<key>`. */
function fieldValue(row: Record<string, unknown>, field: Schemas['FieldDefinition']): unknown {
  return field.custom ? (row.customFields as Record<string, unknown> | undefined)?.[field.key] : row[field.key];
}

/**
 * A headless table over a resource, on TanStack Table v9: columns come from `/v1/schema` (custom fields included,
 * labelled in the provider's locale, sortable and filterable as the server says; standard fields the schema leaves
 * out are shown too, see {@link withStandardFields}); sorting, filtering, search and
 * pagination run on the server (cursor pages, so `pageCount` is known up to the next page); column visibility and row
 * selection (by record id) are kept here. `view` / `applyView` save and restore the state as a view.
 *
 * @example
 * const { table, isPending } = useResourceTable('contacts');
 * table.getHeaderGroups(); table.getRowModel().rows; table.nextPage();
 */
export function useResourceTable<N extends ResourceName>(name: N, options: ResourceTableOptions = {}) {
  type T = RecordOf<N> & { id: string };
  const { client, locale } = useCrm();
  const schema = useSchema().data;
  const init = options.initialView ?? {};
  const [sorting, setSorting] = useState<SortingState>(init.sorting ?? []);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(init.columnVisibility ?? {});
  const [columnFilters, setColumnFilters] = useState<ColumnFiltersState>(init.columnFilters ?? []);
  const [search, setSearchState] = useState(init.search ?? '');
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: init.pageSize ?? 25 });
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // Cursor of each page reached so far: page 0 has none; page i + 1's is page i's `nextCursor`.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);

  const restart = () => {
    setCursors([undefined]);
    setPagination((p) => ({ ...p, pageIndex: 0 }));
  };

  const { standardFields = NO_FIELDS, fieldLabel } = options;
  const fields = useMemo(() => {
    const entity = ENTITY[name];
    return entity && schema ? withStandardFields(schema.fields[entity], standardFields, fieldLabel) : [];
  }, [schema, name, standardFields, fieldLabel]);

  const columns = useMemo<CrmColumn<T>[]>(() => {
    const order = options.columnOrder ?? [];
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return fields
      .map(
        (field): CrmColumn<T> => ({
          id: field.custom ? `customFields.${field.key}` : field.key,
          accessorFn: (row: T) => fieldValue(row as Record<string, unknown>, field),
          header: localize(field.label, locale),
          enableSorting: field.sortable,
          enableColumnFilter: field.filterable,
          meta: { field },
        }),
      )
      .sort((a, b) => rank(a.id!) - rank(b.id!));
  }, [fields, locale, options.columnOrder]);

  const query = useMemo<ListQuery<T>>(() => {
    const filter: Record<string, unknown> = { ...options.baseFilter };
    for (const f of columnFilters) if (f.value !== undefined && f.value !== '') filter[f.id] = f.value;
    const s = sorting[0];
    return {
      limit: pagination.pageSize,
      cursor: cursors[pagination.pageIndex],
      ...(s ? { sort: `${s.desc ? '-' : ''}${s.id}` as ListQuery<T>['sort'] } : {}),
      ...(search.trim() ? { q: search.trim() } : {}),
      filter: filter as ListQuery<T>['filter'],
    };
  }, [options.baseFilter, columnFilters, sorting, pagination, cursors, search]);

  const page = useQuery({ ...crmQueries.page(client, name, query), placeholderData: keepPreviousData });
  const nextCursor = page.data?.nextCursor ?? null;
  if (nextCursor && !page.isPlaceholderData && cursors[pagination.pageIndex + 1] !== nextCursor) {
    setCursors((c) => [...c.slice(0, pagination.pageIndex + 1), nextCursor]);
  }
  const data = useMemo(() => (page.data?.data ?? []) as T[], [page.data]);

  const table = useTable({
    features: crmTableFeatures,
    columns,
    data,
    getRowId: (row: T) => (row as { id: string }).id,
    state: { sorting, columnVisibility, columnFilters, pagination, rowSelection },
    onSortingChange: (u: Updater<SortingState>) => {
      setSorting((old) => apply(u, old));
      restart();
    },
    onColumnFiltersChange: (u: Updater<ColumnFiltersState>) => {
      setColumnFilters((old) => apply(u, old));
      restart();
    },
    onColumnVisibilityChange: (u: Updater<ColumnVisibilityState>) => setColumnVisibility((old) => apply(u, old)),
    onPaginationChange: (u: Updater<PaginationState>) =>
      setPagination((old) => {
        const next = apply(u, old);
        if (next.pageSize !== old.pageSize) {
          setCursors([undefined]);
          return { ...next, pageIndex: 0 };
        }
        return next;
      }),
    onRowSelectionChange: (u: Updater<RowSelectionState>) => setRowSelection((old) => apply(u, old)),
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: false,
    enableRowSelection: true,
    // Cursor pages: the page after this one exists exactly when the server gave a cursor for it.
    pageCount: pagination.pageIndex + (nextCursor ? 2 : 1),
  } as never);

  const view: TableView = { sorting, columnVisibility, columnFilters, search, pageSize: pagination.pageSize };
  return {
    table,
    /** Records of the current page. */
    data,
    /** The list query of the current page (to refetch, or to run a bulk action on the same filter). */
    query,
    isPending: page.isPending,
    isFetching: page.isFetching,
    error: page.error,
    refetch: page.refetch,
    /** Field definitions behind the columns. */
    fields,
    /** Ids of the selected rows. */
    selectedIds: Object.keys(rowSelection).filter((id) => rowSelection[id]),
    clearSelection: () => setRowSelection({}),
    search,
    setSearch: (q: string) => {
      setSearchState(q);
      restart();
    },
    view,
    applyView: (v: Partial<TableView>) => {
      setSorting(v.sorting ?? []);
      setColumnVisibility(v.columnVisibility ?? {});
      setColumnFilters(v.columnFilters ?? []);
      setSearchState(v.search ?? '');
      setCursors([undefined]);
      setPagination({ pageIndex: 0, pageSize: v.pageSize ?? pagination.pageSize });
    },
  };
}

/**
 * The contacts table (see {@link useResourceTable}).
 *
 * @example
 * const { table } = useContactsTable({ initialView: { sorting: [{ id: 'lastName', desc: false }] } });
 */
export const useContactsTable = (options?: ResourceTableOptions) =>
  useResourceTable('contacts', { standardFields: CONTACT_FIELDS, ...options });
/** The companies table (see {@link useResourceTable}). @example const { table } = useCompaniesTable(); */
export const useCompaniesTable = (options?: ResourceTableOptions) =>
  useResourceTable('companies', { standardFields: COMPANY_FIELDS, ...options });
/** The deals table (see {@link useResourceTable}). @example const { table } = useDealsTable({ baseFilter: { status: 'open' } }); */
export const useDealsTable = (options?: ResourceTableOptions) =>
  useResourceTable('deals', { standardFields: DEAL_FIELDS, ...options });
/** The tickets table (see {@link useResourceTable}). @example const { table } = useTicketsTable(); */
export const useTicketsTable = (options?: ResourceTableOptions) =>
  useResourceTable('tickets', { standardFields: TICKET_FIELDS, ...options });
