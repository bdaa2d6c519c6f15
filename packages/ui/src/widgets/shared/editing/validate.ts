import type { Schemas } from '@crmkit/client';
import type { MessageKey } from '../../../i18n/translate.js';

type FieldType = Schemas['FieldType'];

/** A field of an edit form: built-in or custom, with the type that decides its control and its checks. */
export interface FormField {
  /** `firstName`, or `customFields.plan`. */
  path: string;
  label: string;
  type: FieldType | 'textarea' | 'tags';
  required?: boolean;
  options?: { value: string; label: string }[];
  currency?: string;
  min?: number;
  max?: number;
  maxLength?: number;
}

/** A failed check: the message key and its values. */
export type FieldProblem = [MessageKey, Record<string, string | number>?];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Normalises a phone as typed (spaces, dashes, dots, brackets) to E.164 digits; `+` must be given. */
export const normalisePhone = (text: string) => text.replace(/[\s\-().]/g, '');

/**
 * The problem with a value as typed into a form field, or undefined when it is fine (an empty optional field is fine).
 *
 * @example
 * checkField({ path: 'emails', label: 'Email', type: 'email' }, 'lan@'); // ['validation.email']
 */
export function checkField(field: FormField, text: string): FieldProblem | undefined {
  const value = text.trim();
  if (!value) return field.required ? ['validation.required'] : undefined;
  if (field.maxLength && value.length > field.maxLength) return ['validation.tooLong', { count: field.maxLength }];
  switch (field.type) {
    case 'email':
      return EMAIL.test(value) ? undefined : ['validation.email'];
    case 'phone':
      return E164.test(normalisePhone(value)) ? undefined : ['validation.phone'];
    case 'url':
      return /^https?:\/\/\S+\.\S+/i.test(value) ? undefined : ['validation.url'];
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : ['validation.date'];
    case 'number':
    case 'currency': {
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) return ['validation.number'];
      if (field.min !== undefined && n < field.min) return ['validation.min', { min: field.min }];
      if (field.max !== undefined && n > field.max) return ['validation.max', { max: field.max }];
      return undefined;
    }
    default:
      return undefined;
  }
}
