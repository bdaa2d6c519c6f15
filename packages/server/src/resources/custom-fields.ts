import type { FieldErrorCode } from '@crmkit/core/problems';
import type { EntityName, FieldDefinition } from '@crmkit/spec';
import type { WorkspaceSettings } from '../core/settings.js';
import { fieldError, validationFailed } from '../http/problem.js';
import { isCalendarDate } from '../query/filters.js';

type Value = string | number | boolean | string[] | null;

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A value that counts as "not filled in": null, empty text, an empty list. */
const isEmpty = (value: Value) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** A problem with a value: its code (see `ProblemFieldError`), the English message and the message's values. */
type Problem = [code: FieldErrorCode, message: string, params?: Record<string, string | number>];

function check(def: FieldDefinition, value: Value): Problem | null {
  if (isEmpty(value) && def.required) return ['required', 'is required'];
  if (value === null) return null;
  const options = () => def.options?.map((o) => o.value).join(', ') ?? '';
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? null : ['invalidType', 'must be text'];
    case 'number':
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['number', 'must be a number'];
      if (def.type === 'currency' && !Number.isInteger(value))
        return ['integer', 'must be an integer amount in minor units'];
      if (def.min !== undefined && value < def.min) return ['min', `must be at least ${def.min}`, { min: def.min }];
      if (def.max !== undefined && value > def.max) return ['max', `must be at most ${def.max}`, { max: def.max }];
      return null;
    }
    case 'date':
      return isCalendarDate(value) ? null : ['date', 'must be a date YYYY-MM-DD'];
    case 'boolean':
      return typeof value === 'boolean' ? null : ['invalidType', 'must be true or false'];
    case 'email':
      return typeof value === 'string' && EMAIL.test(value) ? null : ['email', 'must be an email address'];
    case 'phone':
      return typeof value === 'string' && E164.test(value) ? null : ['phone', 'must be an E.164 phone number'];
    case 'url':
      return typeof value === 'string' && URL.canParse(value) && /^https?:/i.test(value)
        ? null
        : ['url', 'must be an http(s) URL'];
    case 'select':
      return typeof value === 'string' && def.options?.some((o) => o.value === value)
        ? null
        : ['oneOf', 'is not one of the options', { options: options() }];
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => def.options?.some((o) => o.value === v))
        ? null
        : ['oneOf', 'must be a list of the options', { options: options() }];
  }
}

/** The custom field definitions of an entity in a workspace. */
export function customFieldDefs(settings: WorkspaceSettings, entity: EntityName): FieldDefinition[] {
  return settings.customFields[entity] ?? [];
}

/**
 * Validates custom field values against the workspace's definitions; merges them over `existing`.
 * Unknown keys, wrong types and missing required values are 400 problems with `customFields.<key>` paths.
 */
export function validateCustomFields(
  settings: WorkspaceSettings,
  entity: EntityName,
  values: Record<string, Value> | undefined,
  existing: Record<string, Value> | null,
): Record<string, Value> {
  const defs = customFieldDefs(settings, entity);
  const merged: Record<string, Value> = { ...(existing ?? {}), ...(values ?? {}) };
  const errors: ReturnType<typeof fieldError>[] = [];
  for (const key of Object.keys(values ?? {})) {
    if (!defs.some((d) => d.key === key)) {
      errors.push(
        fieldError(`customFields.${key}`, 'unknownField', 'is not a custom field of this workspace', { fields: key }),
      );
    }
  }
  for (const def of defs) {
    const value = merged[def.key] ?? null;
    const problem = check(def, value);
    if (problem && (existing === null || values?.[def.key] !== undefined)) {
      errors.push(fieldError(`customFields.${def.key}`, ...problem));
    }
    if (value === null) delete merged[def.key];
  }
  if (errors.length > 0) throw validationFailed(errors);
  return merged;
}
