import type { ResourceName, ResourceSpec } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import { compare, type FieldInfo, fieldInfo, ORDERED, same } from '../base/fields.js';
import type { ApiRecord } from '../base/fixtures.js';
import { type Exchange, query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck, forEachResource } from './check.js';
import { filterCases } from './filter-cases.js';

type Page = { data: ApiRecord[]; nextCursor: string | null };

/**
 * Walks a list page by page. `between` runs after the first page (to insert records while paginating).
 * Records duplicates, oversized pages and pages that never end.
 */
async function walk(
  ctx: CheckContext,
  path: string,
  pairs: [string, string][],
  limit: number,
  what: string,
  between?: () => Promise<void>,
): Promise<{ ids: string[]; records: ApiRecord[]; last?: Exchange } | null> {
  const records: ApiRecord[] = [];
  let cursor: string | null = null;
  let last: Exchange | undefined;
  for (let page = 0; page < 60; page++) {
    const ex = await ctx.api.get(
      `${path}${query([...pairs, ['limit', String(limit)], ...(cursor ? [['cursor', cursor] as [string, string]] : [])])}`,
    );
    last = ex;
    if (!ctx.expectStatus(ex, [200], `${what}: page ${page + 1}`)) return null;
    const body = ex.body as Page;
    if (!Array.isArray(body?.data)) return null;
    if (body.data.length > limit)
      ctx.fail(`${what}: page ${page + 1} has ${body.data.length} records, limit ${limit}`, ex);
    if (body.nextCursor && body.data.length === 0) ctx.fail(`${what}: an empty page ${page + 1} has a nextCursor`, ex);
    records.push(...body.data);
    if (page === 0 && between) await between();
    cursor = body.nextCursor;
    if (!cursor) {
      const ids = records.map((r) => r.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dupes.length) ctx.fail(`${what}: records repeated across pages: ${[...new Set(dupes)].join(', ')}`, ex);
      return { ids, records, last };
    }
  }
  ctx.fail(`${what}: still a nextCursor after 60 pages`, last);
  return null;
}

/** Checks the order of a sorted listing against the records' values. */
function checkOrder(
  ctx: CheckContext,
  what: string,
  info: FieldInfo,
  desc: boolean,
  list: ApiRecord[],
  ex: Exchange | undefined,
): string[] {
  const groups: { value: unknown; ids: string[] }[] = [];
  for (const r of list) {
    const v = info.read(r);
    const g = groups.at(-1);
    if (g && same(info.kind, g.value, v)) g.ids.push(r.id);
    else groups.push({ value: v, ids: [r.id] });
  }
  const values = groups.map((g) => g.value);
  for (let i = 0; i < values.length; i++) {
    if (values.findIndex((v) => same(info.kind, v, values[i])) !== i) {
      ctx.fail(`${what}: records with ${JSON.stringify(values[i])} are not together`, ex);
      return [];
    }
  }
  const nullAt = values.indexOf(null);
  if (nullAt !== -1 && nullAt !== 0 && nullAt !== values.length - 1) {
    ctx.fail(`${what}: null values sort between other values`, ex);
  }
  const dir = desc ? -1 : 1;
  for (const g of groups) {
    for (let i = 1; i < g.ids.length; i++) {
      if (compare('id', g.ids[i - 1], g.ids[i]) * dir > 0) {
        ctx.fail(
          `${what}: ties on ${JSON.stringify(g.value)} are not ordered by id ${desc ? 'descending' : 'ascending'} (${g.ids.join(', ')})`,
          ex,
        );
        break;
      }
    }
  }
  if (ORDERED.has(info.kind)) {
    const nonNull = values.filter((v) => v !== null);
    for (let i = 1; i < nonNull.length; i++) {
      if (compare(info.kind, nonNull[i - 1], nonNull[i]) * dir > 0) {
        ctx.fail(`${what}: ${JSON.stringify(nonNull[i - 1])} comes before ${JSON.stringify(nonNull[i])}`, ex);
        break;
      }
    }
  }
  return values.filter((v) => v !== null).map((v) => JSON.stringify(v));
}

async function sortResource(ctx: CheckContext, resource: ResourceSpec) {
  const r = resource.name as ResourceName;
  const { token, records } = await ctx.fixtures.sharedSet(r);
  const expected = new Set(records.map((x) => x.id));
  for (const field of [...resource.sortable, 'createdAt', 'updatedAt', 'id']) {
    const locale = ctx.schema.workspace.defaultLocale;
    const info =
      field === 'id' ? { ...fieldInfo(resource, field), kind: 'id' as const } : fieldInfo(resource, field, locale);
    const orders: string[][] = [];
    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${field}`;
      const derived = resource.derived?.[field];
      const what = `${r}: sort=${sort}${derived ? ` (core: reads ${derived})` : ''}`;
      const listed = await walk(
        ctx,
        `/v1/${r}`,
        [
          ['q', token],
          ['sort', sort],
        ],
        4,
        what,
      );
      if (!listed) continue;
      const missing = [...expected].filter((id) => !listed.ids.includes(id));
      if (missing.length) ctx.fail(`${what}: records missing from the sorted list: ${missing.join(', ')}`, listed.last);
      orders.push(checkOrder(ctx, what, info, desc, listed.records, listed.last));
    }
    if (!ORDERED.has(info.kind) && orders.length === 2) {
      const [asc, desc] = orders as [string[], string[]];
      if (JSON.stringify([...asc].reverse()) !== JSON.stringify(desc)) {
        ctx.fail(
          `${r}: sort=-${field} is not the reverse of sort=${field} (${asc.join(' < ')} vs ${desc.join(' > ')})`,
        );
      }
    }
  }
}

async function filterResource(ctx: CheckContext, resource: ResourceSpec) {
  const r = resource.name as ResourceName;
  const { token } = await ctx.fixtures.sharedSet(r);
  const { records } = await ctx.fixtures.listAll(r, token);
  let count = 0;
  for (const field of resource.filterable) {
    const info = fieldInfo(resource, field);
    for (const c of filterCases(field, info, records)) {
      count++;
      const what = `${r}: ${c.label}`;
      const res = await ctx.fixtures.listAll(r, token, c.params).catch((e: { exchange?: Exchange }) => {
        ctx.fail(`${what}: the filter was refused`, e.exchange);
        return null;
      });
      if (!res) continue;
      const got = new Set(res.records.map((x) => x.id));
      const want = new Set(records.filter(c.matches).map((x) => x.id));
      const missing = [...want].filter((id) => !got.has(id));
      const extra = res.records.filter((x) => !want.has(x.id));
      if (missing.length) ctx.fail(`${what}: matching records missing: ${missing.join(', ')}`, res.exchanges.at(-1));
      if (extra.length) {
        const shown = extra.map((x) => `${x.id} (${field}=${JSON.stringify(info.read(x))})`).join(', ');
        ctx.fail(`${what}: records that do not match: ${shown}`, res.exchanges.at(-1));
      }
    }
  }
  ctx.note(`${r}: ${count} filter cases`);
}

export const listChecks = [
  defineCheck({
    id: 'lists.pagination',
    area: 'lists',
    title: 'Cursor pagination has no duplicates or gaps while records are inserted between pages',
    level: 'core',
    rule: RULES.pagination,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const token = ctx.fixtures.token();
        const initial = await ctx.fixtures.createSet(r, 5, token);
        let next = 5;
        for (const sort of [undefined, 'id', '-createdAt']) {
          const what = `${r}: limit=2${sort ? ` sort=${sort}` : ''}`;
          const pairs: [string, string][] = [['q', token], ...(sort ? [['sort', sort] as [string, string]] : [])];
          const listed = await walk(ctx, `/v1/${r}`, pairs, 2, what, async () => {
            await ctx.fixtures.createSet(r, 2, token, next);
            next += 2;
          });
          if (!listed) continue;
          const missing = initial.filter((x) => !listed.ids.includes(x.id)).map((x) => x.id);
          if (missing.length) {
            ctx.fail(
              `${what}: records that existed before the first page were skipped: ${missing.join(', ')}`,
              listed.last,
            );
          }
        }
      });
    },
  }),
  defineCheck({
    id: 'lists.sorting',
    area: 'lists',
    title: 'Every sortable field sorts ascending and descending, ties by id',
    level: 'core',
    rule: RULES.sorting,
    run: (ctx) => forEachResource(ctx, (resource) => sortResource(ctx, resource)),
  }),
  defineCheck({
    id: 'lists.filtering',
    area: 'lists',
    title: "Filters on the descriptor's filterable fields select exactly the matching records",
    level: 'core',
    rule: RULES.filtering,
    run: (ctx) => forEachResource(ctx, (resource) => filterResource(ctx, resource)),
  }),
  defineCheck({
    id: 'lists.default-order',
    area: 'lists',
    title: 'A list without sort is in its documented default order',
    level: 'core',
    rule: RULES.defaultOrder,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const { token } = await ctx.fixtures.sharedSet(r);
        const plain = await ctx.fixtures.listAll(r, token, [], ctx.api, 4);
        const sorted = await ctx.fixtures.listAll(r, token, [['sort', resource.defaultSort]], ctx.api, 4);
        const got = plain.records.map((x) => x.id);
        const want = sorted.records.map((x) => x.id);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          ctx.fail(
            `${r}: without sort the list is ${got.join(', ')}; its default order (sort=${resource.defaultSort}) is ${want.join(', ')}`,
            plain.exchanges[0],
          );
        }
      });
    },
  }),
  defineCheck({
    id: 'lists.q',
    area: 'lists',
    title: 'q searches case-insensitively',
    level: 'core',
    rule: RULES.q,
    async run(ctx) {
      await forEachResource(ctx, async (resource) => {
        const r = resource.name;
        const { token, records } = await ctx.fixtures.sharedSet(r);
        const want = records.map((x) => x.id).sort();
        for (const q of [token, token.toUpperCase()]) {
          const { records: got, exchanges } = await ctx.fixtures.listAll(r, q);
          const ids = got.map((x) => x.id).sort();
          if (JSON.stringify(ids) !== JSON.stringify(want)) {
            ctx.fail(
              `${r}: q=${q} found ${ids.length} records, expected the ${want.length} of the scope`,
              exchanges.at(-1),
            );
          }
        }
        const none = await ctx.fixtures.listAll(r, `${token}zz`);
        if (none.records.length)
          ctx.fail(`${r}: q=${token}zz matched ${none.records.length} records`, none.exchanges.at(-1));
      });
    },
  }),
];
