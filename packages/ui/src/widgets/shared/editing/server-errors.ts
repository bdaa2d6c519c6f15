import type { Messages, Translate } from '../../../i18n/translate.js';

/** A field error of a problem document as the server sent it (`errors[]`). */
export interface ServerFieldError {
  path: string;
  /** The server's English. */
  message: string;
  /** Its stable code (`tooLong`, `oneOf`…; see `@crmkit/core/problems`), when the server sends one. */
  code?: string;
  /** The values the code's message takes (`{ max: 100 }`). */
  params?: Record<string, string | number>;
}

/**
 * A server's field error in the user's language: the catalog's message for its code (`problem.tooLong` with
 * `{ max }`), else the server's English (a server without codes, a code this version does not know, or `invalid`,
 * whose message is the only one saying what is wrong). Needs `problemMessages` in scope.
 *
 * @example
 * serverErrorText(t, messages, { path: 'firstName', message: 'Too big', code: 'tooLong', params: { max: 100 } });
 * // 'Tối đa 100 ký tự.' in Vietnamese
 */
export function serverErrorText(t: Translate, messages: Messages, error: ServerFieldError): string {
  const key = `problem.${error.code}`;
  if (!error.code || !(key in messages)) return error.message;
  return (t as (key: string, values: Record<string, string | number>) => string)(key, error.params ?? {});
}

/**
 * Why a write of a bulk action was refused, to word with {@link serverErrorText}: the problem's first field error,
 * or the code `changed` for a record someone else changed meanwhile (412); undefined for other problems (their
 * `detail` is all there is).
 *
 * @example
 * refusalOf({ status: 412, detail: 'The record has changed: its version is now 3.' }); // { path: '', code: 'changed', … }
 */
export function refusalOf(
  problem: { status?: number; detail?: string; errors?: ServerFieldError[] } | undefined,
  status = problem?.status,
): ServerFieldError | undefined {
  return (
    problem?.errors?.[0] ?? (status === 412 ? { path: '', message: problem?.detail ?? '', code: 'changed' } : undefined)
  );
}
