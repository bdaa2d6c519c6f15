import type { ResourceName, ResourceSpec } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { deref, type JsonSchema, openapi } from '../base/contract.js';
import { query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { type CheckDef, defineCheck, forEachResource, MISSING_ID } from './check.js';

const componentName = (resource: ResourceSpec, which: 'Create' | 'Update') => {
  const singular = resource.singular.charAt(0).toUpperCase() + resource.singular.slice(1);
  return `${singular}${which}`;
};

/** A property of a body schema and a value of the wrong JSON type for it. */
function wrongTypeFor(resource: ResourceSpec, body: Record<string, unknown>): [string, unknown] | null {
  const schema = openapi.components.schemas[componentName(resource, 'Create')] as JsonSchema | undefined;
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema?.required ?? []) as string[];
  const order = [...required, ...Object.keys(body)];
  for (const name of order) {
    const prop = props[name];
    if (!prop) continue;
    const s = deref(prop);
    const types = Array.isArray(s.anyOf) ? (s.anyOf as JsonSchema[]).map((o) => deref(o).type) : [s.type];
    if (types.includes('string') && !types.includes('number') && !types.includes('integer')) return [name, 12345];
    if (types.includes('array')) return [name, 'not-an-array'];
    if (types.includes('integer') || types.includes('number')) return [name, 'not-a-number'];
    if (types.includes('boolean')) return [name, 'yes'];
  }
  return null;
}

/** Checks one kind of bad input for every enabled resource. */
function perResource(
  id: string,
  title: string,
  rule: string,
  fn: (ctx: CheckContext, r: ResourceName, resource: ResourceSpec) => Promise<void>,
): CheckDef {
  return defineCheck({
    id,
    area: 'errors',
    title,
    level: 'core',
    rule,
    run: (ctx) => forEachResource(ctx, (resource) => fn(ctx, resource.name as ResourceName, resource)),
  });
}

export const errorChecks: CheckDef[] = [
  perResource('errors.malformed-json', 'Malformed JSON is a 400 problem', RULES.malformedJson, async (ctx, r) => {
    const existing = (await ctx.fixtures.sharedSet(r)).records[0]!;
    for (const raw of ['{"name": ', '{"a":1,}', 'nul', '\u0000{}']) {
      const ex = await ctx.api.send({
        method: 'POST',
        path: `/v1/${r}`,
        raw,
        headers: { 'content-type': 'application/json' },
      });
      ctx.expectProblem(ex, [400], `${r}: POST with body ${JSON.stringify(raw)}`);
    }
    const ex = await ctx.api.send({
      method: 'PATCH',
      path: `/v1/${r}/${existing.id}`,
      raw: '{"broken": [',
      headers: { 'content-type': 'application/json' },
    });
    ctx.expectProblem(ex, [400], `${r}: PATCH with malformed JSON`);
  }),
  perResource(
    'errors.wrong-types',
    'Wrong value types are 400 problems naming the field',
    RULES.wrongTypes,
    async (ctx, r, resource) => {
      const body = await ctx.fixtures.body(r, 0, ctx.fixtures.token());
      const wrong = wrongTypeFor(resource, body);
      if (!wrong) return;
      const [field, value] = wrong;
      const ex = await ctx.api.post(`/v1/${r}`, { ...body, [field]: value });
      ctx.expectProblem(ex, [400], `${r}: POST with ${field}=${JSON.stringify(value)}`, { errorPath: field });
      const existing = (await ctx.fixtures.sharedSet(r)).records[0]!;
      const patched = await ctx.api.patch(`/v1/${r}/${existing.id}`, { [field]: value });
      ctx.expectProblem(patched, [400], `${r}: PATCH with ${field}=${JSON.stringify(value)}`, { errorPath: field });
      const array = await ctx.api.post(`/v1/${r}`, [body]);
      ctx.expectProblem(array, [400], `${r}: POST with a JSON array instead of an object`);
    },
  ),
  perResource(
    'errors.unknown-fields',
    'Unknown body fields are 400 problems naming them',
    RULES.unknownFields,
    async (ctx, r) => {
      const body = await ctx.fixtures.body(r, 0, ctx.fixtures.token());
      const ex = await ctx.api.post(`/v1/${r}`, { ...body, conformanceUnknownField: 1 });
      ctx.expectProblem(ex, [400], `${r}: POST with an unknown field`, { errorPath: 'conformanceUnknownField' });
      const existing = (await ctx.fixtures.sharedSet(r)).records[0]!;
      const patched = await ctx.api.patch(`/v1/${r}/${existing.id}`, { conformanceUnknownField: 1 });
      ctx.expectProblem(patched, [400], `${r}: PATCH with an unknown field`, { errorPath: 'conformanceUnknownField' });
    },
  ),
  perResource('errors.bad-cursor', 'A bad cursor is a 400 problem', RULES.badCursor, async (ctx, r) => {
    for (const cursor of ['!!not-a-cursor!!', 'eyJub3QiOiJ5b3VycyJ9', 'x'.repeat(300)]) {
      const ex = await ctx.api.get(`/v1/${r}${query({ cursor })}`);
      ctx.expectProblem(ex, [400], `${r}: cursor=${cursor.slice(0, 24)}`);
    }
  }),
  perResource('errors.bad-limit', 'A bad limit is a 400 problem', RULES.badLimit, async (ctx, r) => {
    for (const limit of ['0', '201', '-1', 'abc', '1.5']) {
      const ex = await ctx.api.get(`/v1/${r}${query({ limit })}`);
      ctx.expectProblem(ex, [400], `${r}: limit=${limit}`);
    }
    for (const limit of ['1', '200']) {
      const ex = await ctx.api.get(`/v1/${r}${query({ limit })}`);
      ctx.expectStatus(ex, [200], `${r}: limit=${limit}`);
    }
  }),
  perResource(
    'errors.bad-sort-filter',
    'Unknown sort and filter fields are 400 problems',
    RULES.badSortFilter,
    async (ctx, r) => {
      const sort = await ctx.api.get(`/v1/${r}${query({ sort: 'conformanceNoSuchField' })}`);
      ctx.expectProblem(sort, [400], `${r}: sort=conformanceNoSuchField`);
      const filter = await ctx.api.get(`/v1/${r}${query({ 'filter[conformanceNoSuchField]': 'x' })}`);
      ctx.expectProblem(filter, [400], `${r}: filter[conformanceNoSuchField]=x`);
      const op = await ctx.api.get(`/v1/${r}${query({ 'filter[id][near]': 'x' })}`);
      ctx.expectProblem(op, [400], `${r}: filter[id][near]=x (unknown operator)`);
    },
  ),
  perResource('errors.unknown-ids', 'Unknown ids are 404 problems', RULES.unknownIds, async (ctx, r) => {
    const path = `/v1/${r}/${MISSING_ID}`;
    ctx.expectProblem(await ctx.api.get(path), [404], `${r}: GET unknown id`);
    ctx.expectProblem(await ctx.api.patch(path, ctx.fixtures.patch(r)), [404], `${r}: PATCH unknown id`);
    ctx.expectProblem(await ctx.api.delete(path), [404], `${r}: DELETE unknown id`);
  }),
  perResource('errors.oversize', 'Oversized bodies are refused with a problem', RULES.oversize, async (ctx, r) => {
    const body = await ctx.fixtures.body(r, 0, ctx.fixtures.token());
    const raw = JSON.stringify({ ...body, conformancePadding: 'x'.repeat(2_000_000) });
    const ex = await ctx.api.send({
      method: 'POST',
      path: `/v1/${r}`,
      raw,
      headers: { 'content-type': 'application/json' },
    });
    ctx.expectProblem(ex, [413, 400], `${r}: POST of ${Math.round(raw.length / 1e6)} MB`);
  }),
  perResource('errors.media-type', 'Non-JSON bodies are 415 problems', RULES.mediaType, async (ctx, r) => {
    const body = await ctx.fixtures.body(r, 0, ctx.fixtures.token());
    const ex = await ctx.api.send({
      method: 'POST',
      path: `/v1/${r}`,
      raw: JSON.stringify(body),
      headers: { 'content-type': 'text/plain' },
    });
    ctx.expectProblem(ex, [415], `${r}: POST with Content-Type text/plain`);
  }),
  defineCheck({
    id: 'errors.unknown-route',
    area: 'errors',
    title: 'Unknown routes are 404 problems',
    level: 'core',
    rule: RULES.problemJson,
    async run(ctx) {
      ctx.expectProblem(
        await ctx.api.get('/v1/conformance-no-such-resource'),
        [404],
        'GET /v1/conformance-no-such-resource',
      );
    },
  }),
];
