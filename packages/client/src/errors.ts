/** One field problem of a validation error: `path` is dotted (`emails.0`), as the server reports it. */
export interface FieldError {
  path: string;
  message: string;
}

/** The RFC 9457 problem+json fields every crmkit error response carries (and `current` on a 412). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  current?: Record<string, unknown>;
}

/**
 * Every failure of a crmkit request: an error response (with its problem+json fields), a network failure, a timeout,
 * or a response that breaks the contract. Catch it and branch with `instanceof` on the subclasses.
 *
 * @example
 * try {
 *   await crm.contacts.create({ emails: ['not-an-email'] });
 * } catch (error) {
 *   if (error instanceof ValidationError) showFieldErrors(error.errors); // [{ path: 'emails.0', message: '...' }]
 *   else if (error instanceof CrmError) toast(`${error.title} (request ${error.requestId})`);
 * }
 */
export class CrmError extends Error {
  /** Problem type URI, e.g. `https://crmkit.dev/problems/validation-failed`. */
  declare readonly type: string;
  /** Short, human-readable summary of the problem type. */
  declare readonly title: string;
  /**
   * HTTP status of the response; `0` when none arrived (the network failed, or the timeout struck before it). A
   * response that arrived but broke off, came too slowly or was malformed keeps its status here.
   */
  declare readonly status: number;
  /** Explanation of this occurrence. */
  declare readonly detail: string | undefined;
  /** Field problems (validation errors, or the bad fields of an invalid response); empty when none. */
  declare readonly errors: FieldError[];
  /** The `X-Request-Id` of the response, to quote in support requests and find the server's logs. */
  declare readonly requestId: string | undefined;
  /** The whole problem document as received. */
  declare readonly problem: ProblemDetails;
  /** Seconds the server asked to wait before trying again (`Retry-After`, on 429 and 503), when it said. */
  declare readonly retryAfter: number | undefined;
  /**
   * The start of the response body (at most {@link BODY_EXCERPT} characters) when a response arrived that is not a
   * problem document: a proxy's HTML error page, malformed JSON, a body that breaks the contract. For logs.
   */
  declare readonly responseBody: string | undefined;

  /**
   * @param problem The problem document of an error response; or, for an error the client raises itself, its
   *   `detail` (the `type` is then `https://crmkit.dev/problems/client/<ClassName>`, the `title` the class name and
   *   the `status` that of `options`, else 0).
   * @example
   * throw new NetworkError('offline', { cause });
   * throw new InvalidResponseError('malformed JSON', { status: 200, body: text });
   */
  constructor(problem: ProblemDetails | string, options?: ErrorDetails) {
    const p: ProblemDetails =
      typeof problem === 'string'
        ? {
            type: `https://crmkit.dev/problems/client/${new.target.prototype.name}`,
            title: new.target.prototype.name,
            status: options?.status ?? 0,
            detail: problem,
          }
        : problem;
    super(p.detail || p.title, options);
    const { type, title, status, detail, errors = [], current } = p;
    Object.assign(this, {
      type,
      title,
      status,
      detail,
      errors,
      current,
      problem: p,
      requestId: options?.requestId || p.requestId,
      responseBody: options?.body?.slice(0, BODY_EXCERPT),
    });
  }
}

/** How much of a response body an error keeps (`responseBody`), in characters. */
export const BODY_EXCERPT = 1024;

/** Where an error came from: the underlying `cause`, and the response, when one arrived. */
export interface ErrorDetails {
  cause?: unknown;
  /** The `X-Request-Id` of the response. */
  requestId?: string | null;
  /** The HTTP status of the response (for an error the client raises itself about a response that arrived). */
  status?: number;
  /** The response body, of which the error keeps the first {@link BODY_EXCERPT} characters as `responseBody`. */
  body?: string;
}

/** 400 / 422: the request had invalid values; see `errors` for the fields. */
export class ValidationError extends CrmError {}
/**
 * No valid credentials: the server answered 401 (after one token refresh, when `getToken` is used) — `reason`
 * `'rejected'`; or `getToken` failed (your token endpoint is down, or answered something that is not a token) — `reason`
 * `'token'`, `status` 0 and the failure as `cause`.
 *
 * @example
 * const crm = createCrmClient({ baseUrl, auth: { getToken }, onError: (e) => {
 *   if (e instanceof AuthError && e.reason === 'token') console.error('The token endpoint failed:', e.cause);
 * } });
 */
export class AuthError extends CrmError {
  /** `'token'`: `getToken` failed; `'rejected'`: the server refused the credentials (401). */
  get reason(): 'token' | 'rejected' {
    return this.status ? 'rejected' : 'token';
  }
}
/** 403: the caller's role may not do this. */
export class ForbiddenError extends CrmError {}
/** 404: no such record or route (or an optional capability the server does not implement). */
export class NotFoundError extends CrmError {}
/** 409: a conflict, e.g. a duplicate, or an `Idempotency-Key` reused with another body. */
export class ConflictError extends CrmError {}
/** 412: `If-Match` named a stale version; `current` is the record as stored now. */
export class PreconditionFailedError extends CrmError {
  /** The record as currently stored, to merge with or show to the user. */
  declare readonly current: Record<string, unknown> | undefined;
}
/** 429: too many requests, after the allowed retries. */
export class RateLimitedError extends CrmError {}
/** No response: the network failed or the connection dropped. */
export class NetworkError extends CrmError {}
/** No response in time (the client's `timeout`, or a 408). */
export class TimeoutError extends CrmError {}
/** 5xx: the server failed, after the allowed retries. */
export class ServerError extends CrmError {}
/** The response does not conform to the contract: malformed JSON, or (with `validate: true`) a bad field. */
export class InvalidResponseError extends CrmError {}

type ErrorClass = new (problem: ProblemDetails, options?: ErrorDetails) => CrmError;

const BY_STATUS: Record<number, ErrorClass> = {
  400: ValidationError,
  401: AuthError,
  403: ForbiddenError,
  404: NotFoundError,
  408: TimeoutError,
  409: ConflictError,
  412: PreconditionFailedError,
  422: ValidationError,
  429: RateLimitedError,
};

for (const [name, cls] of Object.entries({
  CrmError,
  ValidationError,
  AuthError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  RateLimitedError,
  NetworkError,
  TimeoutError,
  ServerError,
  InvalidResponseError,
})) {
  // Survives minification (class names do not).
  cls.prototype.name = name;
}

/** The typed error for an error response whose body has been read as `text`. */
export function errorFromResponse(response: Response, text: string): CrmError {
  const { status } = response;
  let problem: ProblemDetails | undefined;
  try {
    const parsed: ProblemDetails | null = JSON.parse(text);
    if (typeof parsed?.title === 'string') problem = { ...parsed, status };
  } catch {
    // Not a problem document (a proxy's HTML page, a truncated body): described below from the status.
  }
  return Object.assign(
    new (BY_STATUS[status] ?? (status >= 500 ? ServerError : CrmError))(
      problem ?? { type: 'about:blank', title: `HTTP ${status}`, status },
      // Not a problem document: its start is kept for logs.
      { requestId: response.headers.get('x-request-id'), body: problem ? undefined : text },
    ),
    { retryAfter: retryAfterSeconds(response.headers) },
  );
}

/** `Retry-After` in seconds, or undefined when absent or not in its delay-seconds form (the form APIs use). */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw && +raw >= 0) return +raw;
}
