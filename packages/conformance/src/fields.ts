import { type ResourceSpec, registry } from '@crmkit/spec';
import { deref, type JsonSchema, openapi } from './contract.js';
import type { ApiRecord } from './fixtures.js';

/** How a field's values compare and filter, derived from the entity's JSON Schema. */
export type FieldKind =
  | 'string'
  | 'enum'
  | 'id'
  | 'date'
  | 'datetime'
  | 'number'
  | 'boolean'
  | 'strings'
  | 'object'
  | 'unknown';

export interface FieldInfo {
  kind: FieldKind;
  nullable: boolean;
  /** Reads the field from a record. */
  read(record: ApiRecord): unknown;
}

/** Filter/sort fields of the contract that are not properties of the record but derive from one. */
const DERIVED: Record<string, Record<string, { kind: FieldKind; read: (r: ApiRecord) => unknown }>> = {
  tickets: {
    slaStatus: { kind: 'enum', read: (r) => (r.sla as { status?: unknown } | null)?.status ?? null },
    nextBreachAt: { kind: 'datetime', read: (r) => (r.sla as { nextBreachAt?: unknown } | null)?.nextBreachAt ?? null },
  },
};

/** The component name of a resource's record schema (`Contact`). */
export function componentOf(resource: ResourceSpec): string {
  const id = registry.get(resource.schema)?.id;
  if (!id) throw new Error(`The ${resource.name} schema is not a named component`);
  return id;
}

function kindOf(schema: JsonSchema): { kind: FieldKind; nullable: boolean } {
  let nullable = false;
  let s = schema;
  if (typeof s.$ref === 'string' && s.$ref.endsWith('/Id')) return { kind: 'id', nullable };
  s = deref(s);
  if (Array.isArray(s.anyOf)) {
    const options = (s.anyOf as JsonSchema[]).filter((o) => {
      if (o.type === 'null') {
        nullable = true;
        return false;
      }
      return true;
    });
    if (options.length !== 1) return { kind: 'unknown', nullable };
    const inner = kindOf(options[0]!);
    return { kind: inner.kind, nullable: nullable || inner.nullable };
  }
  let type = s.type;
  if (Array.isArray(type)) {
    nullable = type.includes('null');
    const rest = type.filter((t) => t !== 'null');
    type = rest.length === 1 ? rest[0] : undefined;
  }
  if (Array.isArray(s.enum)) return { kind: 'enum', nullable };
  switch (type) {
    case 'integer':
    case 'number':
      return { kind: 'number', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'array': {
      const items = deref((s.items as JsonSchema | undefined) ?? {});
      return { kind: items.type === 'string' || items.$ref !== undefined ? 'strings' : 'unknown', nullable };
    }
    case 'object':
      return { kind: 'object', nullable };
    case 'string':
      if (s.format === 'date-time') return { kind: 'datetime', nullable };
      if (s.format === 'date') return { kind: 'date', nullable };
      return { kind: 'string', nullable };
    default:
      return { kind: 'unknown', nullable };
  }
}

/** What kind of values a field of a resource holds, and how to read it from a record. */
export function fieldInfo(resource: ResourceSpec, field: string): FieldInfo {
  const derived = DERIVED[resource.name]?.[field];
  if (derived) return { kind: derived.kind, nullable: true, read: derived.read };
  const entity = openapi.components.schemas[componentOf(resource)] as JsonSchema;
  const prop = (entity.properties as Record<string, JsonSchema> | undefined)?.[field];
  if (!prop) return { kind: 'unknown', nullable: true, read: (r) => r[field] };
  return { ...kindOf(prop), read: (r) => r[field] ?? null };
}

/** Kinds whose values have a natural order the contract relies on. */
export const ORDERED: ReadonlySet<FieldKind> = new Set(['string', 'id', 'date', 'datetime', 'number']);

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
  if (kind === 'strings' || kind === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return compare(kind, a, b) === 0;
}
