import type { Schemas } from '@crmkit/client';
import { localize, useSchema } from '@crmkit/react';
import { useMemo } from 'react';
import { useMessages } from '../../../context/i18n.js';
import type { EntityName } from '../../../context/labels.js';
import type { SelectOption } from '../../../primitives/Field.js';
import { useUsers } from '../lists/useUsers.js';
import type { ValueCodec } from './tree.js';

/**
 * How the editor treats a field: its operators and value picker. `choice` / `many` have `options` (a select, a
 * multiselect); `tags` is a multiselect of free words; `user` a user of the workspace.
 */
export type FilterFieldKind = 'text' | 'number' | 'currency' | 'date' | 'boolean' | 'choice' | 'many' | 'tags' | 'user';

/** A field conditions can be on, from the workspace's schema (custom fields included). */
export interface FilterField {
  /** The filter's name for it: the key, or `customFields.<key>`. */
  name: string;
  label: string;
  kind: FilterFieldKind;
  /** The values of a `choice`, `many` or `user` field. */
  options?: SelectOption[];
  /** Whether every record has a value (no "is empty"). */
  required: boolean;
  /** Decimal places of a `currency` field's major unit (values are stored in minor units). */
  digits?: number;
}

const USER_FIELDS = new Set(['ownerId', 'assigneeId']);

/** The kind of a schema field, or undefined for one the editor cannot offer values of (a link to a record). */
function kindOf(field: Schemas['FieldDefinition'], options: SelectOption[] | undefined): FilterFieldKind | undefined {
  if (USER_FIELDS.has(field.key) && !field.custom) return 'user';
  switch (field.type) {
    case 'number':
      return 'number';
    case 'currency':
      return 'currency';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'select':
      return options?.length ? 'choice' : undefined;
    case 'multiselect':
      return options?.length ? 'many' : 'tags';
    default:
      return 'text';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * How a field's typed value becomes its filter value and back: numbers as numbers, amounts in minor units, dates
 * `YYYY-MM-DD`, yes / no as booleans; `undefined` from `encode` when the text is not a value of the field.
 */
export function codecOf(field: FilterField | undefined): ValueCodec {
  switch (field?.kind) {
    case 'number':
    case 'currency': {
      const scale = 10 ** (field.digits ?? 0);
      return {
        encode: (text) => {
          const n = Number(text.trim().replace(',', '.'));
          return text.trim() !== '' && Number.isFinite(n) ? Math.round(n * scale) : undefined;
        },
        decode: (value) => (typeof value === 'number' ? String(value / scale) : String(value ?? '')),
      };
    }
    case 'date':
      return { encode: (text) => (DATE.test(text) ? text : undefined), decode: (v) => String(v ?? '').slice(0, 10) };
    case 'boolean':
      return { encode: (text) => text === 'true', decode: (v) => String(v === true || v === 'true') };
    case 'choice':
    case 'many':
    case 'tags':
    case 'user':
      return { encode: (text) => text, decode: (v) => (v === null || v === undefined ? '' : String(v)), list: true };
    default:
      return { encode: (text) => text, decode: (v) => (v === null || v === undefined ? '' : String(v)) };
  }
}

/**
 * The fields of `entity` conditions can be on, labelled in the provider's locale: those the schema says lists filter
 * by, custom fields included, each with its kind and values (lifecycle stages, lead sources, users, a select's
 * options); empty while the schema loads.
 *
 * @example
 * const fields = useFilterFields('contact');
 * fields.find((f) => f.name === 'customFields.membershipExpiry'); // { kind: 'date', label: 'Membership expiry', … }
 */
export function useFilterFields(entity: EntityName): FilterField[] {
  const { data: schema } = useSchema();
  const { locale } = useMessages();
  const { list: users } = useUsers();
  return useMemo(() => {
    if (!schema) return [];
    const fixed: Record<string, SelectOption[]> = {
      lifecycleStage: schema.lifecycleStages.map((s) => ({ value: s.key, label: localize(s.label, locale) })),
      source: schema.leadSources.map((s) => ({ value: s.key, label: localize(s.label, locale) })),
    };
    const fields: FilterField[] = [];
    for (const def of schema.fields[entity] ?? []) {
      if (!def.filterable) continue;
      const options =
        def.options?.map((o) => ({ value: o.value, label: localize(o.label, locale) })) ??
        (def.custom ? undefined : fixed[def.key]);
      const kind = kindOf(def, options);
      if (!kind) continue;
      fields.push({
        name: def.custom ? `customFields.${def.key}` : def.key,
        label: localize(def.label, locale),
        kind,
        required: def.required,
        ...(kind === 'user'
          ? { options: users.map((u) => ({ value: u.id, label: u.name })) }
          : options
            ? { options }
            : {}),
        ...(kind === 'currency'
          ? {
              digits: new Intl.NumberFormat('en', {
                style: 'currency',
                currency: def.currency ?? 'USD',
              }).resolvedOptions().maximumFractionDigits,
            }
          : {}),
      });
    }
    return fields;
  }, [schema, entity, locale, users]);
}
