import type { RouteDef, RouteResponse } from '../contract/routes.js';
import { componentRef, type Json, jsonSchema } from './json-schema.js';

const int32 = (minimum: number, maximum: number) => ({ type: 'integer', format: 'int32', minimum, maximum });

/** Response headers, as `#/components/headers/<name>`. */
const HEADERS = {
  'RateLimit-Limit': {
    description:
      'Requests this token may send per window. Sent on every answer to an authenticated request (429 included) by a server that advertises `capabilities.rateLimit`.',
    schema: int32(1, 1_000_000_000),
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window (with `RateLimit-Limit`).',
    schema: int32(0, 1_000_000_000),
  },
  'RateLimit-Reset': {
    description: 'Seconds until the current window ends (with `RateLimit-Limit`).',
    schema: int32(0, 86_400),
  },
  'Access-Control-Allow-Origin': {
    description:
      "CORS: `*` or the calling page's origin, on every answer (errors included) to a request from an origin the server lets browsers call it from (the reference server: `corsOrigins`, default `*`). Preflights allow the methods and request headers of this document and expose its response headers.",
    schema: { type: 'string', maxLength: 2000 },
  },
  'X-Request-Id': {
    description:
      "The request's id: the caller's `X-Request-Id` when it sent one, else a new one; problems repeat it as `requestId`.",
    schema: { type: 'string', maxLength: 100 },
  },
  'Retry-After': { description: 'Seconds to wait before sending the request again.', schema: int32(0, 86_400) },
  ETag: {
    description: 'The record\'s `version`, quoted (`"3"`): send it back as `If-Match`.',
    schema: { type: 'string', maxLength: 11, pattern: '^"\\d{1,9}"$' },
  },
  Location: { description: 'The path of the created record.', schema: { type: 'string', maxLength: 2000 } },
  'Idempotent-Replayed': {
    description: '`true` on the replay of an earlier request with the same `Idempotency-Key` and body.',
    schema: { type: 'string', enum: ['true'] },
  },
  'WWW-Authenticate': { description: '`Bearer`.', schema: { type: 'string', maxLength: 200 } },
} as const;

type HeaderName = keyof typeof HEADERS;

/** Headers every answer documents: rate limit, CORS and the request id. */
const COMMON: readonly HeaderName[] = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Access-Control-Allow-Origin',
  'X-Request-Id',
];

const headerRefs = (names: readonly HeaderName[]) =>
  Object.fromEntries([...COMMON, ...names].map((h) => [h, { $ref: `#/components/headers/${h}` }]));

/** Error answers, shared by the operations as `#/components/responses/<name>`. */
const ERRORS = {
  BadRequest: {
    status: 400,
    description: 'Bad request: malformed input or validation failure; `errors` lists each bad value',
  },
  Unauthorized: { status: 401, description: 'Missing, invalid or expired token', headers: ['WWW-Authenticate'] },
  Forbidden: { status: 403, description: 'The role does not allow this' },
  NotFound: {
    status: 404,
    description:
      'No such record in this workspace (also: a module switched off in the workspace, an optional capability the server does not implement)',
  },
  Conflict: {
    status: 409,
    description: 'Conflict with the current state (or an `Idempotency-Key` reused with another body)',
  },
  PreconditionFailed: { status: 412, description: 'Stale `If-Match`; `current` holds the stored record' },
  UnprocessableContent: {
    status: 422,
    description:
      'The body is well-formed but its content cannot be used (a template placeholder the workspace does not have); `errors` lists each problem with its `code`',
  },
  PayloadTooLarge: { status: 413, description: 'Body over 1 MB' },
  UnsupportedMediaType: { status: 415, description: 'Body is not `application/json`' },
  TooManyRequests: {
    status: 429,
    description: 'Rate limited; retry after `Retry-After` seconds',
    headers: ['Retry-After'],
  },
  InternalError: { status: 500, description: 'A fault of the server; never an answer to bad input' },
  BadGateway: {
    status: 502,
    description: 'A provider the server relays to (an SMTP or SMS gateway) refused or failed',
  },
  ServiceUnavailable: {
    status: 503,
    description: 'The request met concurrent work and was not applied; retry after `Retry-After` seconds',
    headers: ['Retry-After'],
  },
} satisfies Record<string, { status: number; description: string; headers?: HeaderName[] }>;

type ErrorName = keyof typeof ERRORS;

/** `#/components/headers` and `#/components/responses` of the document. */
export function responseComponents(): { headers: Json; responses: Json } {
  const responses = Object.fromEntries(
    Object.entries(ERRORS).map(([name, e]) => [
      name,
      {
        description: e.description,
        headers: headerRefs('headers' in e ? e.headers : []),
        content: { 'application/problem+json': { schema: { $ref: componentRef('Problem') } } },
      },
    ]),
  );
  return { headers: HEADERS, responses };
}

const ref = (name: ErrorName) => ({ $ref: `#/components/responses/${name}` });

/** The error answers an operation documents, by status. */
function errorResponses(route: RouteDef): Record<string, Json> {
  const out: Record<string, Json> = { '400': ref('BadRequest') };
  if (route.auth) {
    out['401'] = ref('Unauthorized');
    out['403'] = ref('Forbidden');
  }
  if (route.params || route.resource || route.capability) out['404'] = ref('NotFound');
  if (route.method !== 'get') out['409'] = ref('Conflict');
  if (route.headers?.includes('If-Match')) out['412'] = ref('PreconditionFailed');
  if (route.body) {
    out['413'] = ref('PayloadTooLarge');
    out['415'] = ref('UnsupportedMediaType');
  }
  if (route.unprocessable) out['422'] = ref('UnprocessableContent');
  if (route.auth) out['429'] = ref('TooManyRequests');
  out['500'] = ref('InternalError');
  if (route.upstream) out['502'] = ref('BadGateway');
  if (route.auth) out['503'] = ref('ServiceUnavailable');
  return out;
}

function successResponse(route: RouteDef, res: RouteResponse): Json {
  const replayable = route.headers?.includes('Idempotency-Key') ? (['Idempotent-Replayed'] as const) : [];
  return {
    description: res.description,
    headers: headerRefs([...(res.headers ?? []), ...replayable]),
    ...(res.schema ? { content: { [res.contentType ?? 'application/json']: { schema: jsonSchema(res.schema) } } } : {}),
  };
}

/** Every answer of an operation: its successes, then the errors it can meet. */
export function operationResponses(route: RouteDef): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [status, res] of Object.entries(route.responses)) out[status] = successResponse(route, res);
  return Object.assign(out, errorResponses(route));
}
