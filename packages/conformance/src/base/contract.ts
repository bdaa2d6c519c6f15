import { RESOURCE_NAMES, type ResourceName, type RouteDef, routes } from '@crmkit/spec';
import openapiDocument from '@crmkit/spec/openapi.json' with { type: 'json' };
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A JSON Schema (2020-12) node of the contract. */
export type JsonSchema = { [key: string]: unknown };

interface OpenApiOperation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }>; $ref?: string }>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** The OpenAPI 3.1 document of the crmkit CRM API, as built into this kit. */
export const openapi = openapiDocument as unknown as OpenApiDocument;

const BASE = 'https://crmkit.dev/openapi.json';

/** Makes `#/components/...` references of an inline schema absolute, so they resolve inside the document. */
function absolutize(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${BASE}#/components/`)) as JsonSchema;
}

// Ajv's CJS default export is the class under ESM interop.
const AjvClass = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
const withFormats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;

const ajv = new AjvClass({ strict: false, allErrors: true, validateFormats: true });
withFormats(ajv);
ajv.addSchema({ $id: BASE, components: openapi.components });

// Query strings are text: a second instance coerces `"5"` to 5 before checking numbers, as servers parse them.
const queryAjv = new AjvClass({ strict: false, allErrors: true, validateFormats: true, coerceTypes: true });
withFormats(queryAjv);
queryAjv.addSchema({ $id: BASE, components: openapi.components });

const compiled = new Map<string, ValidateFunction>();
const compiledQueries = new Map<string, ValidateFunction>();

/** A validator of query parameters (an object of strings), with type coercion. */
export function queryValidatorOf(key: string, schema: JsonSchema): ValidateFunction {
  let v = compiledQueries.get(key);
  if (!v) {
    v = queryAjv.compile(absolutize(schema));
    compiledQueries.set(key, v);
  }
  return v;
}

/** A compiled validator of a schema of the document (a `$ref` or an inline schema). */
export function validatorOf(key: string, schema: JsonSchema): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(absolutize(schema));
    compiled.set(key, v);
  }
  return v;
}

/** The validator of a named component, e.g. `Contact` or `Problem`. */
export function componentValidator(name: string): ValidateFunction {
  return validatorOf(`component:${name}`, { $ref: `#/components/schemas/${name}` });
}

/** Readable Ajv errors: `/data/0/version must be integer`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined, max = 5): string {
  if (!errors?.length) return '';
  const parts = errors.slice(0, max).map((e) => {
    const where = e.instancePath || '(root)';
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
  return parts.join('; ') + (errors.length > max ? `; and ${errors.length - max} more` : '');
}

/** Validates `value` against a named component; returns a description of the violations, or null. */
export function checkComponent(name: string, value: unknown): string | null {
  const v = componentValidator(name);
  return v(value) ? null : describeErrors(v.errors);
}

/** The OpenAPI operation of a route of the table. */
export function operationOf(route: RouteDef): OpenApiOperation {
  const op = openapi.paths[route.path]?.[route.method];
  if (!op) throw new Error(`openapi.json has no ${route.method.toUpperCase()} ${route.path}`);
  return op;
}

/** The response schema of a route for a status (success responses only), with its content type. */
export function responseSchemaOf(
  route: RouteDef,
  status: number,
): { contentType: string; schema: JsonSchema } | undefined {
  const res = operationOf(route).responses[String(status)];
  const entry = res?.content ? Object.entries(res.content)[0] : undefined;
  return entry ? { contentType: entry[0], schema: entry[1].schema } : undefined;
}

/** The JSON request-body schema of a route. */
export function requestSchemaOf(route: RouteDef): JsonSchema | undefined {
  return operationOf(route).requestBody?.content['application/json']?.schema;
}

/** Query parameters of a route, with their schemas. */
export function queryParamsOf(route: RouteDef): { name: string; required: boolean; schema: JsonSchema }[] {
  return (operationOf(route).parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }));
}

/** Resolves a local `$ref` of the document (one level). */
export function deref(schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === 'string'; i++) {
    const name = (s.$ref as string).split('/').pop()!;
    const target = openapi.components.schemas[name];
    if (!target) break;
    s = { ...target, ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
  }
  return s;
}

interface CompiledRoute {
  route: RouteDef;
  pattern: RegExp;
  literalSegments: number;
}

const compiledRoutes: CompiledRoute[] = routes.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  literalSegments: route.path.split('/').filter((s) => s && !s.startsWith('{')).length,
}));

/** The route of the table that serves `method path` (most literal match first: `/v1/deals/aggregate` before `/v1/deals/{id}`). */
export function matchRoute(method: string, path: string): RouteDef | undefined {
  const m = method.toLowerCase();
  let best: CompiledRoute | undefined;
  for (const c of compiledRoutes) {
    if (c.route.method !== m || !c.pattern.test(path)) continue;
    if (!best || c.literalSegments > best.literalSegments) best = c;
  }
  return best?.route;
}

/** The resource a route works on: its descriptor's, or the one its path names (`/v1/deals/{id}/move`). */
export function resourceOfRoute(route: RouteDef): ResourceName | null {
  if (route.resource) return route.resource.name as ResourceName;
  const segment = route.path.split('/')[2] as ResourceName | undefined;
  return segment && RESOURCE_NAMES.includes(segment) ? segment : null;
}
