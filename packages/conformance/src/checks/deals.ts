import type { ApiRecord } from '../base/fixtures.js';
import { RULES } from '../base/rules.js';
import { defineCheck, MISSING_ID } from './check.js';

export const dealChecks = [
  defineCheck({
    id: 'deals.move',
    area: 'deals',
    title: 'Moving a deal places it between neighbours without rewriting them',
    level: 'full',
    rule: RULES.dealMove,
    async run(ctx) {
      if (!ctx.enabled('deals')) return ctx.skip('the deals module is switched off');
      const f = ctx.fixtures;
      const token = f.token();
      const pipeline = await f.pipeline();
      const [s0, s1] = pipeline.stages;
      const deals: ApiRecord[] = [];
      for (let i = 0; i < 3; i++) {
        deals.push(
          await f.create('deals', { ...(await f.body('deals', i, token)), stageId: s0!.id, probability: null }),
        );
      }
      const [d1, d2, d3] = deals as [ApiRecord, ApiRecord, ApiRecord];
      const moved = await ctx.api.post(`/v1/deals/${d3.id}/move`, { stageId: s0!.id, afterId: d1.id, beforeId: d2.id });
      if (!ctx.expectStatus(moved, [200], 'move a deal between two others')) return;
      const { records, exchanges } = await f.listAll('deals', token, [
        ['filter[stageId]', s0!.id],
        ['sort', 'rank'],
      ]);
      const order = records.map((x) => x.id);
      if (JSON.stringify(order) !== JSON.stringify([d1.id, d3.id, d2.id])) {
        ctx.fail(
          `after moving ${d3.id} between ${d1.id} and ${d2.id}, sort=rank lists ${order.join(', ')}`,
          exchanges.at(-1),
        );
      }
      for (const d of [d1, d2]) {
        const now = records.find((x) => x.id === d.id);
        if (now && now.version !== d.version)
          ctx.fail(`moving ${d3.id} rewrote its neighbour ${d.id}`, exchanges.at(-1));
      }
      const toStage = await ctx.api.post(`/v1/deals/${d1.id}/move`, { stageId: s1!.id });
      if (ctx.expectStatus(toStage, [200], 'move a deal to another stage')) {
        const body = toStage.body as ApiRecord;
        if (body.stageId !== s1!.id || body.probability !== s1!.probability) {
          ctx.fail(
            `the moved deal has stage ${body.stageId} and probability ${body.probability}, expected ${s1!.id} and the stage default ${s1!.probability}`,
            toStage,
          );
        }
      }
      const unknown = await ctx.api.post(`/v1/deals/${d2.id}/move`, { stageId: MISSING_ID });
      if (unknown.status < 400) ctx.fail('moving a deal to a stage that does not exist succeeded', unknown);
      else ctx.expectProblem(unknown, [400, 404, 409, 422], 'move to an unknown stage');
    },
  }),
];
