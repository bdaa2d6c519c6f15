import { z } from 'zod';
import { Id } from '../base/primitives.js';
import type { FilterOp } from '../base/search.js';
import type { ResourceSpec } from './resources.js';

/** How a list field's values compare: what sorting and filtering on it mean. */
export type ListFieldKind = 'text' | 'id' | 'enum' | 'number' | 'boolean' | 'date' | 'datetime' | 'texts';

/** A field lists sort or filter by, as the record schema declares it. */
export interface ListField {
  name: string;
  kind: ListFieldKind;
  /** Whether the value can be null (for `texts`: an empty list, which `isNull` matches). */
  nullable: boolean;
  /** The values of an `enum` field. */
  values?: readonly string[];
  /** Where the value lives in the record: `[name]`, or a nested path such as `['sla', 'status']`. */
  path: readonly string[];
}

type Json = Record<string, unknown>;

/** Unwraps `nullable` / `optional` wrappers; tells whether one allowed null. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let inner = schema;
  let nullable = false;
  while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) {
    if (inner instanceof z.ZodNullable) nullable = true;
    inner = inner.unwrap() as z.ZodType;
  }
  return { inner, nullable };
}

const ID_PATTERN = (z.toJSONSchema(Id) as Json).pattern;

function kindOf(schema: z.ZodType): { kind: ListFieldKind; values?: readonly string[] } {
  if (schema === Id) return { kind: 'id' };
  if (schema instanceof z.ZodEnum) return { kind: 'enum', values: schema.options as string[] };
  if (schema instanceof z.ZodArray) return { kind: 'texts' };
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  if (json.type === 'integer' || json.type === 'number') return { kind: 'number' };
  if (json.type === 'boolean') return { kind: 'boolean' };
  if (json.format === 'date-time') return { kind: 'datetime' };
  if (json.format === 'date') return { kind: 'date' };
  return { kind: json.pattern === ID_PATTERN ? 'id' : 'text' };
}

/**
 * A sortable or filterable field of a resource: its kind, whether it can be null, and where it lives in the
 * record (a `derived` field reads a nested value, and is null whenever a value on its path is).
 *
 * @example
 * listField(tickets, 'slaStatus'); // { kind: 'enum', nullable: true, path: ['sla', 'status'], values: [...] }
 */
export function listField(resource: ResourceSpec, name: string): ListField {
  const path = resource.derived?.[name]?.split('.') ?? [name];
  let schema: z.ZodType = resource.schema;
  let nullable = false;
  for (const segment of path) {
    const unwrapped = unwrap(schema);
    nullable ||= unwrapped.nullable;
    const shape = (unwrapped.inner as z.ZodObject).shape as Record<string, z.ZodType> | undefined;
    const next = shape?.[segment];
    if (!next) throw new Error(`${resource.name}: "${name}" is not a field of the record`);
    schema = next;
  }
  const last = unwrap(schema);
  const { kind, values } = kindOf(last.inner);
  return {
    name,
    kind,
    nullable: nullable || last.nullable || kind === 'texts',
    path,
    ...(values ? { values } : {}),
  };
}

/** Operators of `filter[field][op]` and search conditions, by kind of field. */
const OPS: Record<ListFieldKind, readonly FilterOp[]> = {
  text: ['eq', 'neq', 'in', 'contains', 'startsWith'],
  id: ['eq', 'neq', 'in'],
  enum: ['eq', 'neq', 'in'],
  number: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte'],
  datetime: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'neq'],
  texts: ['eq', 'neq', 'in', 'contains', 'startsWith'],
};

/** The operators a field takes: by its kind, plus `isNull` when it can be null (or is a list). */
export function filterOpsOf(field: ListField): FilterOp[] {
  return [...OPS[field.kind], ...(field.nullable ? (['isNull'] as const) : [])];
}

/** Reads a list field from a record: `null` when any value on its path is null or missing. */
export function readListField(field: ListField, record: Record<string, unknown>): unknown {
  let value: unknown = record;
  for (const segment of field.path) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[segment] ?? null;
  }
  return value;
}
