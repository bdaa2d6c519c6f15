import type { z } from 'zod';
import { isListRoute, type RouteDef, routes } from '../contract/routes.js';
import { CONVENTIONS } from './conventions.js';
import { type Json, jsonSchema, schemaComponents } from './json-schema.js';
import { FILTER_SEMANTICS, filterSchema, listDescription, listExtension, sortSchema } from './lists.js';
import { operationResponses, responseComponents } from './responses.js';

/** Request headers the operations take. */
const REQUEST_HEADERS: Record<string, { description: string; schema: Json }> = {
  'If-Match': {
    description:
      'The record `version` (or `ETag`: `"3"`, `W/"3"`, `3`) the change is based on; a stale one gets 412. `*` or no header: no check.',
    schema: { type: 'string', maxLength: 16, pattern: '^(\\*|(W/)?"?\\d{1,9}"?)$' },
  },
  'Idempotency-Key': {
    description: 'A retry with the same key and body replays the first response; another body with it gets 409.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
  'Last-Event-ID': {
    description: 'Resume after this position: the last `id:` the stream sent (an event, or a position without data).',
    schema: { type: 'string', maxLength: 20, pattern: '^\\d+$' },
  },
};

function parameters(route: RouteDef): Json[] {
  const out: Json[] = [];
  const list = isListRoute(route) ? route.resource : undefined;
  const filtered = list ?? route.filters;
  const add = (where: 'path' | 'query', obj: z.ZodObject | undefined) => {
    if (!obj) return;
    for (const [name, field] of Object.entries(obj.shape)) {
      const f = field as z.ZodType;
      const required = where === 'path' || !f.safeParse(undefined).success;
      let description = f.description;
      let schema = jsonSchema(f);
      if (list && name === 'sort') {
        description = `The order: a field of the schema, ascending, or \`-field\` descending; ties by \`id\` in the same direction, nulls together at one end. Default \`${list.defaultSort}\`.`;
        schema = sortSchema(list);
      }
      if (list && name === 'q') {
        description = `Case-insensitive text search over ${list.searchable.map((s) => `\`${s}\``).join(', ')}: every word (split at spaces and commas) is part of one of them, in any order; a word typed without diacritics also matches accented text (\`do van tai\` finds Đỗ Văn Tài).`;
      }
      out.push({ name, in: where, required, ...(description ? { description } : {}), schema });
    }
  };
  add('path', route.params);
  add('query', route.query);
  if (filtered) {
    out.push({
      name: 'filter',
      in: 'query',
      required: false,
      style: 'deepObject',
      explode: true,
      description: FILTER_SEMANTICS,
      schema: filterSchema(filtered),
    });
  }
  for (const h of route.headers ?? []) {
    const doc = REQUEST_HEADERS[h];
    if (doc) out.push({ name: h, in: 'header', required: false, ...doc });
  }
  return out;
}

/** The description of an operation: what it does, its capability, and for lists and searches the fields. */
function description(route: RouteDef): string {
  const lists = route.resource && (isListRoute(route) || route.path.endsWith('/search'));
  return [
    route.description ?? route.summary,
    route.capability ? `Optional capability \`${route.capability}\` (see \`GET /v1/schema\`).` : '',
    lists && route.resource ? listDescription(route.resource) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function operation(route: RouteDef): Json {
  const params = parameters(route);
  const lists = route.resource && (isListRoute(route) || route.path.endsWith('/search'));
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: description(route),
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } }
      : {}),
    responses: operationResponses(route),
    ...(route.capability ? { 'x-crmkit-capability': route.capability } : {}),
    ...(lists && route.resource ? { 'x-crmkit-list': listExtension(route.resource) } : {}),
    ...route.extensions,
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
  const { headers, responses } = responseComponents();
  return {
    openapi: '3.1.0',
    info: {
      title: 'crmkit CRM API',
      version: '1.0.0',
      description: Object.values(CONVENTIONS).join('\n\n'),
      contact: { name: 'crmkit', url: 'https://github.com/crmkit/crmkit' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '/',
        description:
          'The server that serves this document, in whatever environment it runs (local, test, staging or production).',
        'x-internal': false,
      },
    ],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (`ck_...`) or an embed token (JWT).' },
      },
      schemas: schemaComponents(),
      headers,
      responses,
    },
  };
}
