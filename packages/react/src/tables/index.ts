/**
 * `@crmkit/react/tables`: headless tables on TanStack Table v9 with server-side sorting, filtering, search and cursor
 * pagination, column visibility and row selection; columns from `/v1/schema`, custom fields included. A separate
 * entry, so hosts that don't use tables don't load TanStack Table.
 *
 * @example
 * import { useContactsTable } from '@crmkit/react/tables';
 * const { table, setSearch, selectedIds } = useContactsTable();
 */
export {
  type CrmColumn,
  type CrmTableFeatures,
  crmTableFeatures,
  type ResourceTableOptions,
  type TableView,
  useCompaniesTable,
  useContactsTable,
  useDealsTable,
  useResourceTable,
  useTicketsTable,
  withStandardFields,
} from '../tables.js';
