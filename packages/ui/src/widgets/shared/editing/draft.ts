// What the edit form does with a record's values: the text of each field, the PATCH of what changed, the server's
// field errors by field. Loaded with the form, as `RecordEditor` alone uses it.
import { toE164 } from '@crmkit/core';
import type { Format } from '@crmkit/react';
import { moneyInput, numberInput } from '@crmkit/react/input';
import { fieldValue } from '../fields/values.js';
import type { BuiltInField } from './form-fields.js';
import type { ServerFieldError } from './server-errors.js';
import { type FormField, type ReadContext, readAmount } from './validate.js';

/** Values of the form as typed, by field path. */
export type Draft = Record<string, string>;

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The record's values as form text. */
export function draftOf(record: Record<string, unknown>, fields: FormField[], format: Format): Draft {
  const draft: Draft = {};
  for (const field of fields) {
    const custom = field.path.startsWith('customFields.');
    const key = custom ? field.path.slice(13) : field.path;
    const raw = custom ? fieldValue(record, { key, custom: true }) : record[key];
    let text: string;
    if (raw === null || raw === undefined) text = '';
    else if (Array.isArray(raw))
      text = field.type === 'tags' || field.type === 'multiselect' ? raw.join(', ') : String(raw[0] ?? '');
    else if (field.type === 'currency') text = moneyInput(format, Number(raw), field.currency);
    else if (field.type === 'number') text = numberInput(format, Number(raw));
    else text = String(raw);
    draft[field.path] = text;
  }
  return draft;
}

/** The typed value of one field's text (checked by `checkField` first: what it refuses never reaches here). */
function parse(field: FormField, text: string, read: ReadContext): unknown {
  const value = text.trim();
  if (field.type === 'tags' || field.type === 'multiselect') return list(value);
  if (field.type === 'boolean') return value === 'true';
  if (!value) return null;
  if (field.type === 'number' || field.type === 'currency') {
    const amount = readAmount(field, value, read);
    return 'value' in amount ? amount.value : value;
  }
  if (field.type === 'phone') return toE164(value, read.country) ?? value;
  if (field.type === 'email') return value.toLowerCase();
  return value;
}

/**
 * The PATCH body for what changed between the record and the draft: only changed fields; a primary email or phone
 * replaces the first item and keeps the others; custom fields are sent merged with the stored ones.
 */
export function patchOf(record: Record<string, unknown>, draft: Draft, fields: BuiltInField[], read: ReadContext) {
  const patch: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const before = draftOf(record, fields, read.format);
  for (const field of fields) {
    if ((draft[field.path] ?? '') === before[field.path]) continue;
    const value = parse(field, draft[field.path] ?? '', read);
    if (field.path.startsWith('customFields.')) custom[field.path.slice(13)] = value;
    else if (field.path === 'emails' || field.path === 'phones') {
      const rest = ((record[field.path] as string[] | undefined) ?? []).slice(1);
      patch[field.path] = value === null ? rest : [value, ...rest.filter((x) => x !== value)];
    } else patch[field.path] = value === null && !field.nullable ? '' : value;
  }
  if (Object.keys(custom).length) {
    patch.customFields = { ...(record.customFields as object), ...custom };
  }
  return patch;
}

/**
 * Server field errors (`emails.0`, `customFields.plan`) by form path, for the fields of the form, worded by `text`
 * (the user's language, see `serverErrorText`).
 *
 * @example
 * fieldErrors(error.errors, fields, (e) => serverErrorText(t, messages, e)); // { emails: 'Nhập địa chỉ email hợp lệ…' }
 */
export function fieldErrors(
  errors: ServerFieldError[],
  fields: FormField[],
  text: (error: ServerFieldError) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const field = fields.find((f) => e.path === f.path || e.path.startsWith(`${f.path}.`));
    if (field) out[field.path] ??= text(e);
  }
  return out;
}
