import type { Schemas } from '@crmkit/client';
import { toE164 } from '@crmkit/core';
import type { Format } from '@crmkit/react';
import { type AmountResult, parseMoney, parseNumber } from '@crmkit/react/input';
import type { MessageKey, Translate } from '../../../i18n/translate.js';

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
  /** Bounds of the stored value: minor units for a currency field (as the server checks them). */
  min?: number;
  max?: number;
  maxLength?: number;
}

/**
 * How a form reads what was typed: the locale's numbers and money (`format`), and the country national phone
 * numbers were dialled in (`0901234567` in `VN` is `+84901234567`).
 */
export interface ReadContext {
  format: Format;
  country?: string | undefined;
}

/** A failed check: the message key and its values. */
export type FieldProblem = [MessageKey, Record<string, string | number>?];

/**
 * The message of a problem in the current locale.
 *
 * @example
 * problemMessage(t, ['validation.separators', { example: '1.234.567' }]); // 'Viết theo dạng 1.234.567.' in Vietnamese
 */
export function problemMessage(t: Translate, [key, values]: FieldProblem): string {
  // A problem's values match its key (see checkField); the generic signature cannot say so per tuple.
  return (t as (key: FieldProblem[0], values?: FieldProblem[1]) => string)(key, values);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A number or amount as typed into `field`, read the locale's way (`5.000.000` in Vietnamese, `1,500.50` in Thai):
 * minor units for a currency field.
 */
export function readAmount(field: FormField, text: string, { format }: ReadContext): AmountResult {
  return field.type === 'currency' ? parseMoney(format, text, field.currency) : parseNumber(format, text);
}

/** The message for an amount that could not be read. */
function amountProblem(result: Exclude<AmountResult, { value: number }>): FieldProblem {
  switch (result.error) {
    case 'invalid':
      return ['validation.numberLike', { example: result.example }];
    case 'separators':
      // The example shows the locale's separators: `1.234.567` for dong in Vietnamese, `1,234,567.89` for baht.
      return ['validation.separators', { example: result.example }];
    case 'decimals':
      return result.digits === 0 ? ['validation.noDecimals'] : ['validation.decimals', { count: result.digits }];
    case 'tooLarge':
      return ['validation.tooLarge'];
  }
}

/**
 * The problem with a value as typed into a form field, or undefined when it is fine (an empty optional field is fine).
 * Amounts are read with the locale's separators and never guessed; phones may be typed as dialled at home.
 *
 * @example
 * checkField({ path: 'emails', label: 'Email', type: 'email' }, 'lan@', read); // ['validation.email']
 * checkField({ path: 'customFields.budget', label: 'Budget', type: 'currency', currency: 'VND' }, '5.000.000', read); // undefined in vi-VN
 */
export function checkField(field: FormField, text: string, read: ReadContext): FieldProblem | undefined {
  const value = text.trim();
  if (!value) return field.required ? ['validation.required'] : undefined;
  if (field.maxLength && value.length > field.maxLength) return ['validation.tooLong', { count: field.maxLength }];
  switch (field.type) {
    case 'email':
      return EMAIL.test(value) ? undefined : ['validation.email'];
    case 'phone':
      return toE164(value, read.country) ? undefined : ['validation.phone'];
    case 'url':
      return /^https?:\/\/\S+\.\S+/i.test(value) ? undefined : ['validation.url'];
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : ['validation.date'];
    case 'number':
    case 'currency': {
      const result = readAmount(field, value, read);
      if (!('value' in result)) return amountProblem(result);
      const shown = (bound: number) =>
        field.type === 'currency' ? read.format.money(bound, field.currency) : read.format.number(bound);
      if (field.min !== undefined && result.value < field.min) return ['validation.min', { min: shown(field.min) }];
      if (field.max !== undefined && result.value > field.max) return ['validation.max', { max: shown(field.max) }];
      return undefined;
    }
    default:
      return undefined;
  }
}
