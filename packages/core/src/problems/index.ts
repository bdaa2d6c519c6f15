/**
 * `@crmkit/core/problems`: the stable codes of field errors in problem documents, and the parameters each one's
 * message takes. Servers send them with each field error (`{ path, message, code, params }`); clients word the problem
 * in their user's language from them, and show the server's English `message` for a code they do not know.
 *
 * @example
 * import { FIELD_ERROR_CODES } from '@crmkit/core/problems';
 * FIELD_ERROR_CODES.tooLong; // ['max']: "Use at most {max} characters."
 */

/**
 * The stable codes of field errors, and the parameters each one's message takes. A server may send codes beyond
 * these (lower camel case); clients fall back to `message` for them.
 */
export const FIELD_ERROR_CODES = {
  /** A value is missing or empty. */
  required: [],
  /** Text longer than `max` characters. */
  tooLong: ['max'],
  /** Text shorter than `min` characters. */
  tooShort: ['min'],
  /** A list with more than `max` items. */
  tooMany: ['max'],
  /** A list with fewer than `min` items. */
  tooFew: ['min'],
  /** A number below `min`. */
  min: ['min'],
  /** A number above `max`. */
  max: ['max'],
  /** Not a number. */
  number: [],
  /** Not a whole number (amounts are integers in minor units). */
  integer: [],
  /** A value of the wrong JSON type. */
  invalidType: [],
  /** Not an email address. */
  email: [],
  /** Not an E.164 phone number. */
  phone: [],
  /** Not an http(s) URL. */
  url: [],
  /** Not a calendar date `YYYY-MM-DD`. */
  date: [],
  /** Not an RFC 3339 date-time. */
  dateTime: [],
  /** Not an ISO 4217 currency code. */
  currency: [],
  /** Not one of the allowed values, listed in `options` (comma-separated). */
  oneOf: ['options'],
  /** Fields the resource does not have, listed in `fields` (comma-separated). */
  unknownField: ['fields'],
  /** No record with the id `id` (of the kind `what`: `company`, `user`…) in the workspace. */
  notFound: ['what', 'id'],
  /** The stage is not one of the deal's pipeline `pipeline`. */
  notInPipeline: ['pipeline'],
  /** A lost reason is required to move a deal to the stage `stage`. */
  lostReasonRequired: ['stage'],
  /** An activity must link to a contact, company, deal or ticket. */
  linkRequired: [],
  /** A contact needs a name, an email or a phone. */
  nameOrContact: [],
  /** A template placeholder `placeholder` the workspace has no value for (a misspelt field, a custom field it lacks). */
  unknownPlaceholder: ['placeholder'],
  /** Text with a `{{` that opens no valid placeholder: it would be printed as is. */
  malformedPlaceholder: [],
  /** The calling user has no address on the channel `channel` to send a test message to (no e-mail, no phone). */
  noTestAddress: ['channel'],
  /** A time that must be in the future is not. */
  future: [],
  /** A value that is wrong for another reason; `message` says which. */
  invalid: [],
} as const satisfies Record<string, readonly string[]>;
export type FieldErrorCode = keyof typeof FIELD_ERROR_CODES;
