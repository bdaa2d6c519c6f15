import { type ResourceName, type RouteDef, routes } from '@crmkit/spec';
import fc from 'fast-check';
import { type Generated, requestArbitrary } from '../base/arbitrary.js';
import type { CheckContext } from '../base/context.js';
import {
  checkComponent,
  describeErrors,
  type JsonSchema,
  queryParamsOf,
  queryValidatorOf,
  requestSchemaOf,
  resourceOfRoute,
  responseSchemaOf,
  validatorOf,
} from '../base/contract.js';
import { type ApiRecord, FixtureError } from '../base/fixtures.js';
import { type Exchange, excerpt } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

/** One fuzzed operation: a body or a query string of a route. */
interface Group {
  route: RouteDef;
  kind: 'body' | 'query';
  label: string;
}

/** The resource whose records a route's `{id}` names. */
function targetResource(route: RouteDef): ResourceName | null {
  return route.path.includes('{id}') ? resourceOfRoute(route) : null;
}

/** Every operation of the table that takes a body or a query string (the event stream excepted). */
export function fuzzGroups(optional: boolean): Group[] {
  const out: Group[] = [];
  for (const route of routes) {
    if (route.operationId === 'streamEvents' || Boolean(route.capability) !== optional) continue;
    const label = `${route.method.toUpperCase()} ${route.path}`;
    if (route.body) out.push({ route, kind: 'body', label: `${label} body` });
    if (route.query) out.push({ route, kind: 'query', label: `${label} query` });
  }
  return out;
}

const FILTER_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'startsWith', 'isNull', 'near'];

/** Query strings of a route: its documented parameters (valid and mutated) plus `filter[...]` on list routes. */
function queryArbitrary(route: RouteDef): fc.Arbitrary<Generated & { pairs: [string, string][] }> {
  const params = queryParamsOf(route).filter((p) => p.name !== 'filter');
  const schema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
  const key = `${route.operationId}:query`;
  const validate = queryValidatorOf(key, schema);
  const fields = route.resource ? [...route.resource.filterable, 'customFields.plan', 'conformanceNoSuchField'] : [];
  const filters = fields.length
    ? fc.array(
        fc.tuple(
          fc.constantFrom(...fields),
          fc.option(fc.constantFrom(...FILTER_OPS)),
          fc.oneof(
            fc.string({ maxLength: 12 }),
            fc.integer().map(String),
            fc.constantFrom('null', 'true', '2026-01-01', 'a,b'),
          ),
        ),
        { maxLength: 2 },
      )
    : fc.constant([] as [string, string | null, string][]);
  return fc
    .tuple(
      requestArbitrary(schema, key).filter(
        (g) => typeof g.value === 'object' && g.value !== null && !Array.isArray(g.value),
      ),
      filters,
    )
    .map(([g, filter]) => {
      const pairs: [string, string][] = Object.entries(g.value as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]);
      const serialized = Object.fromEntries(pairs);
      const invalid = g.invalid && !validate({ ...serialized });
      for (const [field, op, value] of filter) pairs.push([op ? `filter[${field}][${op}]` : `filter[${field}]`, value]);
      return { ...g, invalid, mutation: invalid ? g.mutation : 'valid', pairs };
    });
}

/** Judges one fuzzed exchange; returns what is wrong, or null. */
function judge(route: RouteDef, g: Generated, ex: Exchange): string | null {
  if (ex.status >= 500) return `answered ${ex.status}`;
  if (g.invalid && ex.status < 400) return `accepted an invalid request (${g.mutation}) with ${ex.status}`;
  if (ex.status >= 400) {
    if (!/^application\/problem\+json\b/i.test(ex.contentType ?? ''))
      return `the ${ex.status} is not application/problem+json`;
    const bad = checkComponent('Problem', ex.body);
    return bad === null ? null : `the ${ex.status} is not a Problem: ${bad}`;
  }
  if (!route.responses[ex.status]) return `answered the undocumented status ${ex.status}`;
  const expected = responseSchemaOf(route, ex.status);
  if (expected?.contentType !== 'application/json') return null;
  const validate = validatorOf(`${route.operationId}:${ex.status}`, expected.schema);
  return validate(ex.body)
    ? null
    : `the ${ex.status} body does not match the contract: ${describeErrors(validate.errors)}`;
}

/** A stable 32-bit number for a string (per-group seeds derive from the run's seed). */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Records that fuzzing must not change, and records it may change. */
interface Targets {
  sentinel: Map<ResourceName, ApiRecord>;
  target: Map<ResourceName, ApiRecord>;
}

async function prepareTargets(ctx: CheckContext, groups: Group[]): Promise<Targets> {
  const targets: Targets = { sentinel: new Map(), target: new Map() };
  const needed = new Set<ResourceName>(ctx.resources.map((r) => r.name as ResourceName));
  for (const g of groups) {
    const r = targetResource(g.route);
    if (r) needed.add(r);
  }
  for (const r of needed) {
    if (!ctx.enabled(r)) continue;
    try {
      const [sentinel, target] = await ctx.fixtures.createSet(r, 2, ctx.fixtures.token());
      const fresh = await ctx.api.get(`/v1/${r}/${sentinel!.id}`);
      targets.sentinel.set(r, (fresh.body as ApiRecord | undefined) ?? sentinel!);
      targets.target.set(r, target!);
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error;
      ctx.fail(`${r}: ${error.message}; its operations are not fuzzed`, error.exchange);
    }
  }
  return targets;
}

/** Tracks records a fuzzed batch or conversion created, so they are cleaned up. */
function trackCreated(ctx: CheckContext, route: RouteDef, ex: Exchange): void {
  if (ex.status !== 200) return;
  const body = ex.body as Record<string, unknown> | undefined;
  if (route.path.endsWith('/batch') && route.resource) {
    for (const r of (body?.results ?? []) as { status: number; data?: { id?: string } }[]) {
      if (r.status === 201 && r.data?.id) ctx.fixtures.track(route.resource.name as ResourceName, r.data.id);
    }
  }
  if (route.operationId === 'convertLead') {
    for (const [k, r] of [
      ['contact', 'contacts'],
      ['company', 'companies'],
      ['deal', 'deals'],
    ] as const) {
      const id = (body?.[k] as { id?: string } | null | undefined)?.id;
      if (id) ctx.fixtures.track(r, id);
    }
  }
}

async function fuzz(ctx: CheckContext, optional: boolean): Promise<void> {
  const groups = fuzzGroups(optional).filter(
    (g) =>
      (!g.route.capability || ctx.has(g.route.capability)) &&
      (!resourceOfRoute(g.route) || ctx.enabled(resourceOfRoute(g.route)!)),
  );
  // The time budget is shared by both fuzz checks: each group gets an equal part of what is left.
  const later = optional
    ? 0
    : fuzzGroups(true).filter((g) => !g.route.capability || ctx.has(g.route.capability)).length;
  const targets = await prepareTargets(ctx, groups);
  ctx.autoInspect = false;
  try {
    for (const [i, g] of groups.entries()) {
      const left = ctx.options.timeBudgetMs - ctx.fuzzSpentMs;
      const budget = Math.max(50, Math.floor(left / (groups.length - i + later)));
      const started = Date.now();
      const seed = (ctx.options.seed + hash(g.label)) | 0;
      const r = targetResource(g.route);
      if (r && !targets.target.has(r)) continue;
      let failure: { message: string; ex: Exchange } | null = null;
      const arb: fc.Arbitrary<Generated & { pairs?: [string, string][] }> =
        g.kind === 'query'
          ? queryArbitrary(g.route)
          : requestArbitrary(requestSchemaOf(g.route)!, `${g.route.operationId}:body`);
      const details = await fc.check(
        fc.asyncProperty(arb, async (input) => {
          const record = r ? (input.invalid ? targets.sentinel : targets.target).get(r) : undefined;
          const path = g.route.path.replace('{id}', record?.id ?? 'zz_conformance0missing0000');
          const qs = input.pairs ? new URLSearchParams(input.pairs).toString() : '';
          const ex = await ctx.api.send({
            method: g.route.method,
            path: qs ? `${path}?${qs}` : path,
            ...(g.kind === 'body' ? { json: input.value } : {}),
          });
          trackCreated(ctx, g.route, ex);
          const wrong = judge(g.route, input, ex);
          if (wrong) {
            failure = { message: wrong, ex };
            return false;
          }
          return true;
        }),
        {
          numRuns: ctx.options.fuzzRuns,
          seed,
          endOnFailure: true,
          interruptAfterTimeLimit: budget,
          markInterruptAsFailure: false,
        },
      );
      const f = failure as { message: string; ex: Exchange } | null;
      if (details.failed && f) {
        const input = details.counterexample?.[0];
        const shown = input ? excerpt(JSON.stringify(input.pairs ?? input.value), 300) : '';
        ctx.fail(
          `${g.label}: ${f.message} — input ${input?.mutation ?? ''} ${shown} (seed ${ctx.options.seed}, group seed ${seed}, path ${details.counterexamplePath})`,
          f.ex,
        );
      } else if (details.failed && !details.interrupted) {
        ctx.fail(`${g.label}: the property failed: ${String(details.errorInstance)} (seed ${ctx.options.seed})`);
      }
      // An interruption is the time budget running out (e.g. while waiting out a rate limit): fewer runs, not a failure.
      ctx.fuzzSpentMs += Date.now() - started;
      ctx.note(
        `${g.label}: ${details.numRuns} runs${details.interrupted ? ' (time budget reached)' : ''}, seed ${seed}`,
      );
    }
  } finally {
    ctx.autoInspect = true;
  }
  for (const [r, before] of targets.sentinel) {
    const after = await ctx.api.get(`/v1/${r}/${before.id}`);
    if (!ctx.expectStatus(after, [200], `${r}: the sentinel record after fuzzing`)) continue;
    if (JSON.stringify(after.body) !== JSON.stringify(before)) {
      ctx.fail(`${r}: invalid requests changed the sentinel record ${before.id}`, after);
    }
    const list = await ctx.api.get(`/v1/${r}?limit=200`);
    ctx.expectStatus(list, [200], `${r}: listing after fuzzing`);
  }
}

export const fuzzChecks = [
  defineCheck({
    id: 'fuzz.core',
    area: 'fuzz',
    title: 'Fuzzed bodies and query strings of core operations: no 5xx, invalid input refused, no corruption',
    level: 'core',
    rule: RULES.fuzz,
    run: (ctx) => fuzz(ctx, false),
  }),
  defineCheck({
    id: 'fuzz.optional',
    area: 'fuzz',
    title: 'Fuzzed bodies and query strings of advertised optional operations (search, batch, aggregates)',
    level: 'full',
    rule: RULES.fuzz,
    run: (ctx) => fuzz(ctx, true),
  }),
];
