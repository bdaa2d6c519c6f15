import type { DealAggregate } from '@crmkit/spec';
import { query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

type Totals = { count: number; sum: number; weightedSum: number };

export const aggregateChecks = [
  defineCheck({
    id: 'aggregates.deals',
    area: 'aggregates',
    title: 'Deal aggregates match the deals they group',
    level: 'full',
    capability: 'aggregates',
    rule: RULES.aggregates,
    async run(ctx) {
      if (!ctx.enabled('deals')) return ctx.skip('the deals module is switched off');
      const { token } = await ctx.fixtures.sharedSet('deals');
      const { records } = await ctx.fixtures.listAll('deals', token);
      for (const groupBy of ['stageId', 'status', 'pipelineId', 'ownerId'] as const) {
        const ex = await ctx.api.get(`/v1/deals/aggregate${query({ groupBy, q: token })}`);
        if (!ctx.expectStatus(ex, [200], `GET /v1/deals/aggregate?groupBy=${groupBy}`)) continue;
        const want = new Map<string, Totals>();
        for (const d of records) {
          const k = `${JSON.stringify(d[groupBy] ?? null)}|${String(d.currency)}`;
          const t = want.get(k) ?? { count: 0, sum: 0, weightedSum: 0 };
          t.count++;
          t.sum += Number(d.amount ?? 0);
          t.weightedSum += Number(d.weightedAmount ?? 0);
          want.set(k, t);
        }
        const got = new Map(
          (ex.body as DealAggregate).groups.map((g) => [`${JSON.stringify(g.key)}|${g.currency}`, g]),
        );
        for (const [k, t] of want) {
          const g = got.get(k);
          if (!g) {
            ctx.fail(`groupBy=${groupBy}: no group ${k} (${t.count} deals)`, ex);
            continue;
          }
          if (g.count !== t.count || g.sum !== t.sum || Math.abs(g.weightedSum - t.weightedSum) > t.count) {
            ctx.fail(
              `groupBy=${groupBy}: group ${k} has count ${g.count}, sum ${g.sum}, weightedSum ${g.weightedSum}; the deals give ${t.count}, ${t.sum}, ${t.weightedSum}`,
              ex,
            );
          }
        }
        for (const k of got.keys())
          if (!want.has(k)) ctx.fail(`groupBy=${groupBy}: a group ${k} with no matching deal`, ex);
      }
      ctx.expectProblem(
        await ctx.api.get(`/v1/deals/aggregate${query({ groupBy: 'conformanceNoSuchField' })}`),
        [400],
        'groupBy=conformanceNoSuchField',
      );
    },
  }),
];
