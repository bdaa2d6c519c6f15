import type { RecordOf, Schemas } from '@crmkit/client';
import type { useContactsTable } from '@crmkit/react/tables';

type FieldDefinition = Schemas['FieldDefinition'];
/** A contact as the table holds it. */
export type Contact = RecordOf<'contacts'> & { id: string };
/** The TanStack table of `useContactsTable`. */
export type Table = ReturnType<typeof useContactsTable>['table'];
export type TableColumn = ReturnType<Table['getAllLeafColumns']>[number];
export type Row = ReturnType<Table['getRowModel']>['rows'][number];

/**
 * The column `id`, if the table has it (columns come from the schema: none before it loads, no company column when
 * the workspace has companies off) — unlike `table.getColumn`, without a development warning when it has not.
 */
export const findColumn = (table: Table, id: string): TableColumn | undefined =>
  (table.getAllFlatColumnsById() as Record<string, TableColumn | undefined>)[id];

/** A column of the grid: the selection checkbox, the name (row header), or a schema field. */
export interface GridColumn {
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

/** The grid's columns: the selection checkbox (for users who may edit), the name, then the table's visible fields. */
export function gridColumns(table: Table, selectable: boolean): GridColumn[] {
  const list: GridColumn[] = [];
  if (selectable) list.push({ id: '__select', kind: 'select', width: 44 });
  list.push({ id: '__name', kind: 'name', width: 260 });
  for (const column of table.getVisibleLeafColumns() as TableColumn[]) {
    const field = (column.columnDef.meta as { field: FieldDefinition } | undefined)?.field;
    if (field) list.push({ id: column.id, kind: 'field', width: widthOf(field), column, field });
  }
  return list;
}
