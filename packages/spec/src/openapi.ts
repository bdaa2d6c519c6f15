import { z } from 'zod';
import { registry } from './registry.js';
import { isListRoute, type RouteDef, routes } from './routes.js';

type Json = Record<string, unknown>;

const componentRef = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a schema, referring to named components. */
function jsonSchema(schema: z.ZodType): Json {
  const id = registry.get(schema)?.id;
  if (id) return { $ref: componentRef(id) };
  const {
    $schema: _s,
    $defs: _d,
    ...rest
  } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    metadata: registry,
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  // Named schemas are extracted to local $defs; they are all components of the document.
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
}

function components(): Json {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', uri: componentRef, io: 'output' }) as {
    schemas: Record<string, Json>;
  };
  const out: Record<string, Json> = {};
  for (const name of Object.keys(schemas).sort()) {
    const { $schema: _s, $id: _i, ...rest } = schemas[name] as Json;
    out[name] = rest;
  }
  return out;
}

/** Error responses, shared by every operation as `#/components/responses/<name>`. */
const ERROR_RESPONSES = {
  BadRequest: 'Bad request: malformed input or validation failure; `errors` lists each bad value',
  Unauthorized: 'Missing, invalid or expired token',
  Forbidden: 'The role does not allow this',
  NotFound: 'No such record in this workspace',
  Conflict: 'Conflict with the current state (or an `Idempotency-Key` reused with another body)',
  PreconditionFailed: 'Stale `If-Match`; `current` holds the stored record',
  PayloadTooLarge: 'Body too large',
  UnsupportedMediaType: 'Body is not `application/json`',
  TooManyRequests: 'Rate limited; retry after `Retry-After` seconds',
} as const;

const problemResponse = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

function errorComponents(): Json {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([name, description]) => [
      name,
      {
        description,
        content: { 'application/problem+json': { schema: { $ref: componentRef('Problem') } } },
        ...(name === 'TooManyRequests' ? { headers: { 'Retry-After': { schema: { type: 'integer' } } } } : {}),
      },
    ]),
  );
}

const HEADER_DOCS: Record<string, { description: string; schema: Json }> = {
  'If-Match': {
    description: 'The record `version` (or `ETag`) the change is based on; a stale one gets 412.',
    schema: { type: 'string' },
  },
  'Idempotency-Key': {
    description: 'A retry with the same key and body replays the first response; another body with it gets 409.',
    schema: { type: 'string', maxLength: 255 },
  },
  'Last-Event-ID': { description: 'Resume after this event id.', schema: { type: 'string' } },
};

function parameters(route: RouteDef): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', obj: z.ZodObject | undefined) => {
    if (!obj) return;
    for (const [name, field] of Object.entries(obj.shape)) {
      const f = field as z.ZodType;
      const required = where === 'path' || !f.safeParse(undefined).success;
      const description = f.description;
      out.push({ name, in: where, required, ...(description ? { description } : {}), schema: jsonSchema(f) });
    }
  };
  add('path', route.params);
  add('query', route.query);
  if (isListRoute(route) && route.resource) {
    out.push({
      name: 'filter',
      in: 'query',
      required: false,
      style: 'deepObject',
      explode: true,
      description: `Filters: \`filter[field]=value\` (comma-separated values match any), or \`filter[field][op]=value\` with op one of eq, neq, gt, gte, lt, lte, contains, startsWith, isNull. Fields: ${route.resource.filterable.join(', ')}, and \`customFields.<key>\`.`,
      schema: { type: 'object', additionalProperties: true },
    });
  }
  for (const h of route.headers ?? []) {
    const doc = HEADER_DOCS[h];
    if (doc) out.push({ name: h, in: 'header', required: false, ...doc });
  }
  return out;
}

function errorResponses(route: RouteDef): Record<string, Json> {
  const out: Record<string, Json> = { '400': problemResponse('BadRequest') };
  if (route.auth) {
    out['401'] = problemResponse('Unauthorized');
    out['403'] = problemResponse('Forbidden');
    out['429'] = problemResponse('TooManyRequests');
  }
  if (route.params) out['404'] = problemResponse('NotFound');
  if (route.headers?.includes('If-Match')) out['412'] = problemResponse('PreconditionFailed');
  if (route.method !== 'get') out['409'] = problemResponse('Conflict');
  if (route.body) {
    out['413'] = problemResponse('PayloadTooLarge');
    out['415'] = problemResponse('UnsupportedMediaType');
  }
  return out;
}

function operation(route: RouteDef): Json {
  const responses: Record<string, Json> = {};
  for (const [status, res] of Object.entries(route.responses)) {
    const headers = Object.fromEntries((res.headers ?? []).map((h) => [h, { schema: { type: 'string' } }]));
    responses[status] = {
      description: res.description,
      ...(res.headers?.length ? { headers } : {}),
      ...(res.schema
        ? { content: { [res.contentType ?? 'application/json']: { schema: jsonSchema(res.schema) } } }
        : {}),
    };
  }
  Object.assign(responses, errorResponses(route));
  const params = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.capability
      ? { description: `Optional capability \`${route.capability}\` (see \`GET /v1/schema\`).` }
      : {}),
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }
      : {}),
    responses,
    ...(route.capability ? { 'x-crmkit-capability': route.capability } : {}),
  };
}

/** Builds the OpenAPI 3.1 document of the crmkit CRM API from the route table and the registry. */
export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    (paths[route.path] as Json)[route.method] = operation(route);
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name, description: `${name} operations.` }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'crmkit CRM API',
      version: '1.0.0',
      description:
        'The contract crmkit widgets talk to. Conventions: cursor pagination, problem+json errors, ETag/If-Match, Idempotency-Key, an SSE change feed. Optional capabilities are listed by `GET /v1/schema`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`ck_...`) or an embed token (JWT).' },
      },
      schemas: components(),
      responses: errorComponents(),
    },
  };
}
