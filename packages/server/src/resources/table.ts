import type { FieldKind } from '../query/fields.js';

export type { FieldKind };

export interface FieldDef {
  /** Column name, or an SQL expression over the row (for derived, filter-only fields). */
  column: string;
  kind: FieldKind;
  /** The column is NOT NULL: lets keyset pagination use plain row comparisons. */
  notNull?: boolean;
  /** Not written from input (server-managed) — still readable, sortable, filterable. */
  readOnly?: boolean;
  /** Not part of the record (filter/sort only). */
  hidden?: boolean;
  /** What lists order by, when it differs from the column (e.g. a rank for an enum: urgent before low). */
  sortExpr?: string;
}

/** How a resource maps to its table. `id`, `version`, `createdAt`, `updatedAt` are implicit. */
export interface TableDef {
  table: string;
  idPrefix: string;
  fields: Record<string, FieldDef>;
}

export const BASE_FIELDS: Record<string, FieldDef> = {
  id: { column: 'id', kind: 'text', notNull: true, readOnly: true },
  version: { column: 'version', kind: 'int', notNull: true, readOnly: true },
  createdAt: { column: 'created_at', kind: 'ts', notNull: true, readOnly: true },
  updatedAt: { column: 'updated_at', kind: 'ts', notNull: true, readOnly: true },
};

/** The field definition of `name` on `table`, including the implicit ones. */
export function fieldOf(table: TableDef, name: string): FieldDef | undefined {
  return Object.hasOwn(BASE_FIELDS, name)
    ? BASE_FIELDS[name]
    : Object.hasOwn(table.fields, name)
      ? table.fields[name]
      : undefined;
}

/** The record fields of a table, worked out once per table: every row of every list goes through them. */
const recordFields = new WeakMap<TableDef, { name: string; column: string; array: boolean }[]>();
function recordFieldsOf(table: TableDef) {
  let fields = recordFields.get(table);
  if (!fields) {
    fields = Object.entries({ ...BASE_FIELDS, ...table.fields })
      .filter(([, f]) => !f.hidden)
      .map(([name, f]) => ({ name, column: f.column, array: f.kind === 'textarr' }));
    recordFields.set(table, fields);
  }
  return fields;
}

/** A stored row as an API record (base fields + mapped fields that are not hidden). */
export function rowToRecord(table: TableDef, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, column, array } of recordFieldsOf(table)) out[name] = row[column] ?? (array ? [] : null);
  return out;
}

/** Column/value pairs to write for the given API values (unknown and read-only fields are ignored). */
export function recordToColumns(table: TableDef, values: Record<string, unknown>): [string, unknown, FieldKind][] {
  const out: [string, unknown, FieldKind][] = [];
  for (const [name, value] of Object.entries(values)) {
    const f = Object.hasOwn(table.fields, name) ? table.fields[name] : undefined;
    if (!f || f.hidden || value === undefined) continue;
    out.push([f.column, f.kind === 'json' && value !== null ? JSON.stringify(value) : value, f.kind]);
  }
  return out;
}
