import type { Named } from '@crmkit/core';
import { nameSortKey } from '@crmkit/core/collation';
import {
  type ListField,
  type ListFieldKind,
  listField,
  type ResourceSpec,
  readListField,
  registry,
} from '@crmkit/spec';
import type { ApiRecord } from './fixtures.js';

/** How a field's values compare and filter: the contract's kinds (`@crmkit/spec` `listField`), or unknown. */
export type FieldKind = ListFieldKind | 'unknown';

export interface FieldInfo {
  kind: FieldKind;
  nullable: boolean;
  /** Reads the field from a record (a nested one, such as tickets' `slaStatus` = `sla.status`, too). */
  read(record: ApiRecord): unknown;
}

/** The component name of a resource's record schema (`Contact`). */
export function componentOf(resource: ResourceSpec): string {
  const id = registry.get(resource.schema)?.id;
  if (!id) throw new Error(`The ${resource.name} schema is not a named component`);
  return id;
}

/** The keys of the contract's collated sorts (`ResourceSpec.collated`), by resource and field. */
const COLLATED: Readonly<Record<string, (record: ApiRecord, locale: string) => string>> = {
  'contacts.name': (record, locale) => nameSortKey(record as Named, locale),
};

/**
 * What kind of values a sortable or filterable field of a resource holds, and how to read it from a record. A
 * collated sort (contacts' `name`) reads the key it orders by in the workspace's `locale`.
 */
export function fieldInfo(resource: ResourceSpec, field: string, locale = 'en'): FieldInfo {
  const collated = resource.collated?.[field] ? COLLATED[`${resource.name}.${field}`] : undefined;
  if (collated) return { kind: 'text', nullable: false, read: (r) => collated(r, locale) };
  let known: ListField;
  try {
    known = listField(resource, field);
  } catch {
    return { kind: 'unknown', nullable: true, read: (r) => r[field] ?? null };
  }
  return { kind: known.kind, nullable: known.nullable, read: (r) => readListField(known, r) };
}

/** Kinds whose values have a natural order the contract relies on. */
export const ORDERED: ReadonlySet<FieldKind> = new Set(['text', 'id', 'date', 'datetime', 'number']);

/** Compares two non-null values of a kind: negative, zero or positive. Text compares by code units. */
export function compare(kind: FieldKind, a: unknown, b: unknown): number {
  if (kind === 'number') return Number(a) - Number(b);
  if (kind === 'datetime') return Date.parse(String(a)) - Date.parse(String(b));
  if (kind === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether two values are the same for filtering and sorting (timestamps by instant). */
export function same(kind: FieldKind, a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (kind === 'texts' || kind === 'unknown') return JSON.stringify(a) === JSON.stringify(b);
  return compare(kind, a, b) === 0;
}
