import { type FilterNode, type FilterScalar, SEARCH_LIMITS } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { compare, type FieldInfo, fieldInfo, same } from '../base/fields.js';
import type { ApiRecord } from '../base/fixtures.js';
import type { Exchange } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource } from './check.js';

type Page = { data: ApiRecord[]; nextCursor: string | null };

/** Every page of a search. */
async function searchAll(
  ctx: CheckContext,
  r: string,
  body: Record<string, unknown>,
  limit = 200,
): Promise<{ records: ApiRecord[]; last: Exchange } | null> {
  const records: ApiRecord[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 60; page++) {
    const ex = await ctx.api.post(`/v1/${r}/search`, { ...body, limit, ...(cursor ? { cursor } : {}) });
    if (!ctx.expectStatus(ex, [200], `${r}: search ${JSON.stringify(body.filter ?? {})} page ${page + 1}`)) return null;
    const p = ex.body as Page;
    records.push(...p.data);
    cursor = p.nextCursor;
    if (!cursor) return { records, last: ex };
  }
  return null;
}

/** A filterable field with two distinct values in the records. */
function twoValued(
  ctx: CheckContext,
  resource: Parameters<typeof fieldInfo>[0],
  records: ApiRecord[],
  kinds: readonly string[],
): { field: string; info: FieldInfo; a: unknown; b: unknown } | null {
  for (const field of resource.filterable) {
    const info = fieldInfo(resource, field);
    if (!kinds.includes(info.kind)) continue;
    const values = records.map(info.read).filter((v) => v !== null);
    const a = values[0];
    const b = values.find((v) => !same(info.kind, v, a));
    if (a !== undefined && b !== undefined) return { field, info, a, b };
  }
  ctx.note(`${resource.name}: no ${kinds.join('/')} field with two values for search trees`);
  return null;
}

export const searchChecks = [
  defineCheck({
    id: 'search.filter-tree',
    area: 'search',
    title: 'Search filter trees select exactly the matching records, paginated, within the documented limits',
    level: 'full',
    capability: 'search',
    rule: RULES.search,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const { token, records } = await ctx.fixtures.sharedListed(r);
        const cases: { filter: FilterNode; matches: (x: ApiRecord) => boolean }[] = [];
        const scalar = twoValued(ctx, resource, records, ['enum', 'text', 'id', 'number', 'boolean']);
        if (scalar) {
          const { field, info, a, b } = scalar;
          const eq = (v: unknown) => (x: ApiRecord) => same(info.kind, info.read(x), v);
          const cond = (op: 'eq' | 'in', value: unknown) => ({ field, op, value }) as FilterNode;
          cases.push({ filter: { and: [cond('eq', a)] }, matches: eq(a) });
          cases.push({ filter: { or: [cond('eq', a), cond('eq', b)] }, matches: (x) => eq(a)(x) || eq(b)(x) });
          cases.push({ filter: { not: cond('eq', a) }, matches: (x) => !eq(a)(x) });
          cases.push({ filter: cond('in', [a, b]), matches: (x) => eq(a)(x) || eq(b)(x) });
        }
        const ordered = twoValued(ctx, resource, records, ['number', 'datetime', 'date']);
        if (ordered) {
          const { field, info, a } = ordered;
          cases.push({
            filter: { field, op: 'gte', value: a as FilterScalar },
            matches: (x) => info.read(x) !== null && compare(info.kind, info.read(x), a) >= 0,
          });
          cases.push({ filter: { field, op: 'isNull', value: true }, matches: (x) => info.read(x) === null });
        }
        for (const c of cases) {
          const res = await searchAll(ctx, r, { q: token, filter: c.filter });
          if (!res) continue;
          const got = res.records.map((x) => x.id).sort();
          const want = records
            .filter(c.matches)
            .map((x) => x.id)
            .sort();
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            ctx.fail(
              `${r}: search ${JSON.stringify(c.filter)} found [${got.join(', ')}], expected [${want.join(', ')}]`,
              res.last,
            );
          }
        }
        const paged = await searchAll(ctx, r, { q: token }, 2);
        if (paged) {
          const ids = paged.records.map((x) => x.id);
          if (new Set(ids).size !== ids.length || ids.length !== records.length) {
            ctx.fail(
              `${r}: searching with limit=2 returned ${ids.length} records (${new Set(ids).size} distinct), expected ${records.length}`,
              paged.last,
            );
          }
        }
        const known = resource.filterable[0]!;
        const leaf: FilterNode = { field: known, op: 'isNull', value: false };
        let deep: FilterNode = leaf;
        for (let i = 0; i < SEARCH_LIMITS.maxDepth + 1; i++) deep = { not: deep };
        const tooMany: FilterNode = { and: Array.from({ length: SEARCH_LIMITS.maxConditions + 1 }, () => leaf) };
        const bad: [string, unknown][] = [
          [`deeper than ${SEARCH_LIMITS.maxDepth} levels`, { filter: deep }],
          [`more than ${SEARCH_LIMITS.maxConditions} conditions`, { filter: { or: [tooMany, leaf] } }],
          [
            `more than ${SEARCH_LIMITS.maxInValues} in values`,
            {
              filter: {
                field: known,
                op: 'in',
                value: Array.from({ length: SEARCH_LIMITS.maxInValues + 1 }, (_, i) => `x${i}`),
              },
            },
          ],
          ['an unknown field', { filter: { field: 'conformanceNoSuchField', op: 'eq', value: 'x' } }],
          ['an unknown operator', { filter: { field: known, op: 'near', value: 'x' } }],
          ['an unknown body field', { conformanceUnknownField: true }],
        ];
        for (const [what, body] of bad) {
          ctx.expectProblem(await ctx.api.post(`/v1/${r}/search`, body), [400], `${r}: search with ${what}`);
        }
      });
    },
  }),
];
