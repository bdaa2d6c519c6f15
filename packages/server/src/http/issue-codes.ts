import { FIELD_ERROR_CODES, type FieldErrorCode } from '@crmkit/core/problems';
import type { z } from 'zod';

/** A field error's stable code and the values its message takes (see `FIELD_ERROR_CODES` in the contract). */
export interface CodedIssue {
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

/** Regex checks of the contract by what they check (their messages name it). */
const PATTERNS: [RegExp, FieldErrorCode][] = [
  [/E\.164/u, 'phone'],
  [/ISO 4217/u, 'currency'],
];

/**
 * The stable code of a zod issue, for clients to word it in their language (the message stays the server's
 * English): `required`, `tooLong` `{ max }`, `email`, `phone`, `oneOf` `{ options }`, `unknownField` `{ fields }`…
 *
 * @example
 * issueCode({ code: 'too_big', origin: 'string', maximum: 100, … }); // { code: 'tooLong', params: { max: 100 } }
 */
export function issueCode(issue: z.core.$ZodIssue): CodedIssue {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      return { code: issue.expected === 'number' || issue.expected === 'int' ? 'number' : 'invalidType' };
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { max } };
      return { code: 'max', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooFew', params: { min } };
      return { code: 'min', params: { min } };
    }
    case 'invalid_format': {
      if (issue.format === 'email') return { code: 'email' };
      if (issue.format === 'date') return { code: 'date' };
      if (issue.format === 'datetime') return { code: 'dateTime' };
      if (issue.format === 'url') return { code: 'url' };
      return { code: PATTERNS.find(([re]) => re.test(issue.message))?.[1] ?? 'invalid' };
    }
    case 'invalid_value':
      return { code: 'oneOf', params: { options: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unknownField', params: { fields: issue.keys.join(', ') } };
    case 'not_multiple_of':
      return { code: 'integer' };
    case 'custom': {
      // A refinement of the contract names its code in `params` (`{ code: 'nameOrContact' }`).
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: typeof code === 'string' && code in FIELD_ERROR_CODES ? (code as FieldErrorCode) : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}
