import type { Problem } from '@crmkit/spec';
import type { z } from 'zod';

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
    this.problem = { type: TYPE_BASE + slug, title, status, ...extra };
    this.headers = headers;
  }
}

type FieldErrors = NonNullable<Problem['errors']>;

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

/** Turns zod issues into problem `errors`, with dotted paths under `prefix`. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldErrors {
  return issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    if (i.code === 'unrecognized_keys') {
      return {
        path: [path, i.keys.join(',')].filter(Boolean).join('.'),
        message: `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`,
      };
    }
    return { path: path || '(body)', message: i.message };
  });
}

/** Parses `value` with `schema` or throws a 400 validation problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationFailed(issuesToErrors(r.error.issues, prefix));
  return r.data;
}
