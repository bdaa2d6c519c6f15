import { CONTRACT_LIMITS } from '@crmkit/core';
import type { FieldErrorCode } from '@crmkit/core/problems';
import type { Problem } from '@crmkit/spec';
import type { z } from 'zod';
import { issueCode } from './issue-codes.js';

const TYPE_BASE = 'https://crmkit.dev/problems/';

/** A failure that becomes an RFC 9457 problem+json response. Throw it anywhere in a handler. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    slug: string,
    title: string,
    extra: Partial<Problem> = {},
    headers: Record<string, string> = {},
  ) {
    super(extra.detail ?? title);
    this.problem = bounded({ type: TYPE_BASE + slug, title, status, ...extra });
    this.headers = headers;
  }
}

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * A problem within the contract's bounds (`CONTRACT_LIMITS`): texts that echo input (an unknown field's name, a path) are
 * cut, and a body with more bad values than a problem lists names the first ones and says how many there were.
 */
function bounded(problem: Problem): Problem {
  const out = { ...problem };
  const all = problem.errors ?? [];
  if (all.length > CONTRACT_LIMITS.problemErrors) {
    out.detail =
      `${problem.detail ?? ''} ${all.length} values are wrong; the first ${CONTRACT_LIMITS.problemErrors} are listed.`.trim();
  }
  if (out.detail !== undefined) out.detail = clip(out.detail, CONTRACT_LIMITS.problemDetail);
  if (problem.errors) {
    out.errors = all.slice(0, CONTRACT_LIMITS.problemErrors).map((e) => ({
      path: clip(e.path, CONTRACT_LIMITS.problemPath),
      message: clip(e.message, CONTRACT_LIMITS.problemMessage),
      ...(e.code ? { code: e.code } : {}),
      ...(e.params ? { params: boundedParams(e.params) } : {}),
    }));
  }
  return out;
}

/** A field error's parameters, with echoed input cut to the contract's bounds. */
function boundedParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [clip(k, 64), typeof v === 'string' ? clip(v, 1000) : v]),
  );
}

type FieldErrors = NonNullable<Problem['errors']>;

/**
 * One field error with its stable code (see `FIELD_ERROR_CODES` in the contract): `message` is the server's English,
 * `code` and `params` let clients say it in their user's language.
 *
 * @example
 * throw validationFailed([fieldError('source', 'oneOf', 'must be one of: web, referral', { options: 'web, referral' })]);
 */
export const fieldError = (
  path: string,
  code: FieldErrorCode,
  message: string,
  params?: Record<string, string | number>,
): FieldErrors[number] => ({ path, message, code, ...(params ? { params } : {}) });

/**
 * 422: a well-formed body whose content cannot be used (a template placeholder the workspace lacks), with coded
 * field errors.
 */
export const unprocessable = (errors: FieldErrors, detail = 'The request cannot be processed as it is.') =>
  new ProblemError(422, 'unprocessable-content', 'Unprocessable content', { detail, errors });

export const badRequest = (detail: string, errors?: FieldErrors) =>
  new ProblemError(400, 'bad-request', 'Bad request', errors ? { detail, errors } : { detail });

export const validationFailed = (errors: FieldErrors, detail = 'The request has invalid values.') =>
  new ProblemError(400, 'validation-failed', 'Validation failed', { detail, errors });

export const unauthorized = (detail: string) =>
  new ProblemError(401, 'unauthorized', 'Unauthorized', { detail }, { 'WWW-Authenticate': 'Bearer' });

export const forbidden = (detail: string) => new ProblemError(403, 'forbidden', 'Forbidden', { detail });

export const notFound = (what: string, id?: string) =>
  new ProblemError(404, 'not-found', 'Not found', { detail: id ? `No ${what} with id ${id}.` : `No such ${what}.` });

export const conflict = (detail: string, slug = 'conflict') => new ProblemError(409, slug, 'Conflict', { detail });

export const preconditionFailed = (current: Record<string, unknown>) =>
  new ProblemError(412, 'precondition-failed', 'Precondition failed', {
    detail: `The record has changed: its version is now ${String(current.version)}.`,
    current,
  });

/** Turns zod issues into problem `errors` with their codes, with dotted paths under `prefix`. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  return issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const { code, params } = issueCode(i);
    if (i.code === 'unrecognized_keys') {
      return fieldError(
        [path, i.keys.join(',')].filter(Boolean).join('.'),
        code,
        `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`,
        params,
      );
    }
    return fieldError(path || '(body)', code, i.message, params);
  });
}

/** Parses `value` with `schema` or throws a 400 validation problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationFailed(issuesToErrors(r.error.issues, prefix));
  return r.data;
}

/** The SQLSTATE of a PostgreSQL error (PGlite and `pg` both set `code`), or null. */
function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** Whether `error` is PostgreSQL cancelling a statement that ran past its `statement_timeout`. */
export const isStatementTimeout = (error: unknown): boolean => sqlState(error) === '57014';

/** Whether `error` is PostgreSQL's "data exception" (class 22: a value that does not fit its type). */
export const isDataException = (error: unknown): boolean => sqlState(error)?.startsWith('22') ?? false;

/**
 * The problem for an error thrown while handling a request: a {@link ProblemError} as is; a PostgreSQL error
 * that a request's values caused (bad data, a violated constraint, a conflicting concurrent write) as a 4xx/503
 * problem, so input the validators missed is never a 500. Null for anything else (a bug: log it, answer 500).
 */
export function problemOf(error: unknown): ProblemError | null {
  if (error instanceof ProblemError) return error;
  const code = sqlState(error);
  if (code === null) return null;
  if (code.startsWith('22') || code === '23502' || code === '23514') {
    return new ProblemError(400, 'invalid-value', 'Bad request', {
      detail: 'A value in the request is not valid for its field.',
    });
  }
  if (code === '23505') return conflict('A record with these values already exists.', 'duplicate');
  if (code === '23503') return conflict('A record this request refers to was changed or deleted; retry.');
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014') {
    return new ProblemError(
      503,
      'busy',
      'Service unavailable',
      { detail: 'The request conflicted with concurrent work; retry it.' },
      { 'Retry-After': '1' },
    );
  }
  return null;
}
