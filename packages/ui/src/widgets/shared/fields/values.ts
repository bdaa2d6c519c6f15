import type { Schemas } from '@crmkit/client';

/** The value of a field of a record: built-in, or `customFields.<key>`. */
export function fieldValue(record: object, field: Pick<Schemas['FieldDefinition'], 'key' | 'custom'>): unknown {
  const r = record as Record<string, unknown>;
  return field.custom ? (r.customFields as Record<string, unknown> | undefined)?.[field.key] : r[field.key];
}

/** Whether a value shows as "Not set": nothing, an empty string or an empty list. */
export const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
