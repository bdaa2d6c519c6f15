import { isRotting, nextActivityState } from '@crmkit/core';
import type { DealAggregate, Pipeline } from '@crmkit/spec';
import type { CheckContext } from '../base/context.js';
import type { ApiRecord } from '../base/fixtures.js';
import { type Exchange, query } from '../base/http.js';
import { RULES } from '../base/rules.js';
import { defineCheck } from './check.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b));

/** A pipeline of the kit whose first stage rots after `rottingDays` idle days; the others never do. */
async function rottingPipeline(ctx: CheckContext, rottingDays: number): Promise<Pipeline> {
  const body = await ctx.fixtures.body('pipelines', 1, ctx.fixtures.token());
  const stages = (body.stages as Record<string, unknown>[]).map((s, i) => ({
    ...s,
    rottingDays: i === 0 ? rottingDays : null,
  }));
  return (await ctx.fixtures.create('pipelines', { ...body, stages })) as unknown as Pipeline;
}

/** A fresh deal of the kit in `stageId` of `pipeline`. */
async function dealIn(
  ctx: CheckContext,
  pipeline: Pipeline,
  stageId: string,
  extra: Record<string, unknown> = {},
  token = ctx.fixtures.token(),
) {
  const body = await ctx.fixtures.body('deals', 0, token);
  return ctx.fixtures.create('deals', { ...body, pipelineId: pipeline.id, stageId, probability: null, ...extra });
}

/** The deal as stored now, and the exchange that shows it. */
async function reread(ctx: CheckContext, id: string): Promise<{ deal: ApiRecord; ex: Exchange }> {
  const ex = await ctx.api.get(`/v1/deals/${id}`);
  ctx.requireStatus(ex, [200], `GET /v1/deals/${id}`);
  return { deal: ex.body as ApiRecord, ex };
}

export const boardChecks = [
  defineCheck({
    id: 'deals.activity-times',
    area: 'deals',
    title: 'Deals know when they entered their stage and their last and next activity',
    level: 'core',
    rule: RULES.dealActivityTimes,
    async run(ctx) {
      if (!ctx.enabled('deals')) return ctx.skip('the deals module is switched off');
      const pipeline = await ctx.fixtures.pipeline();
      const [s0, s1] = pipeline.stages;
      const d = await dealIn(ctx, pipeline, s0!.id);
      if (!same(d.stageEnteredAt, d.createdAt)) {
        const { ex } = await reread(ctx, d.id);
        ctx.fail(`a new deal's stageEnteredAt is ${d.stageEnteredAt}, not its createdAt ${d.createdAt}`, ex);
      }
      const renamed = await ctx.api.patch(`/v1/deals/${d.id}`, { name: `${d.name} (renamed)` });
      if (
        ctx.expectStatus(renamed, [200], 'rename a deal') &&
        !same((renamed.body as ApiRecord).stageEnteredAt, d.stageEnteredAt)
      ) {
        ctx.fail('renaming a deal changed its stageEnteredAt', renamed);
      }
      const moved = await ctx.api.post(`/v1/deals/${d.id}/move`, { stageId: s1!.id });
      if (ctx.expectStatus(moved, [200], 'move a deal to another stage')) {
        const m = moved.body as ApiRecord;
        if (!same(m.stageEnteredAt, m.updatedAt))
          ctx.fail(`after a move, stageEnteredAt is ${m.stageEnteredAt}, not the move's ${m.updatedAt}`, moved);
      }
      if (!ctx.enabled('activities'))
        return ctx.note('activities are switched off: last and next activity not checked');
      const now = Date.parse(String(d.createdAt));
      const due = [iso(now + 5 * DAY), iso(now + 2 * DAY)];
      const tasks: ApiRecord[] = [];
      for (const dueAt of due)
        tasks.push(
          await ctx.fixtures.create('activities', { type: 'task', subject: 'Follow up', dealId: d.id, dueAt }),
        );
      const { deal: withTasks, ex: read } = await reread(ctx, d.id);
      if (!same(withTasks.nextActivityAt, due[1]))
        ctx.fail(`with open tasks due ${due.join(' and ')}, nextActivityAt is ${withTasks.nextActivityAt}`, read);
      const call = iso(now - DAY);
      await ctx.fixtures.create('activities', { type: 'call', dealId: d.id, occurredAt: call, direction: 'outbound' });
      const completedAt = iso(now);
      const done = await ctx.api.patch(`/v1/activities/${tasks[1]!.id}`, { completedAt });
      ctx.requireStatus(done, [200], 'complete a task');
      const { deal: after, ex: reread2 } = await reread(ctx, d.id);
      if (!same(after.nextActivityAt, due[0]))
        ctx.fail(`once the earlier task is done, nextActivityAt is ${after.nextActivityAt}, not ${due[0]}`, reread2);
      if (!same(after.lastActivityAt, completedAt)) {
        ctx.fail(
          `after a call at ${call} and a task completed at ${completedAt}, lastActivityAt is ${after.lastActivityAt}`,
          reread2,
        );
      }
    },
  }),
  defineCheck({
    id: 'deals.lost-reason',
    area: 'deals',
    title: 'A deal enters a lost stage only with a lost reason',
    level: 'core',
    rule: RULES.lostReason,
    async run(ctx) {
      if (!ctx.enabled('deals')) return ctx.skip('the deals module is switched off');
      const pipeline = await ctx.fixtures.pipeline();
      const lost = pipeline.stages.find((s) => s.kind === 'lost')!;
      const d = await dealIn(ctx, pipeline, pipeline.stages[0]!.id);
      for (const body of [{ stageId: lost.id }, { stageId: lost.id, lostReason: ' ' }]) {
        const ex = await ctx.api.post(`/v1/deals/${d.id}/move`, body);
        if (ex.status < 400)
          ctx.fail(
            `moving a deal to the lost stage with lostReason ${JSON.stringify(body.lostReason ?? null)} succeeded`,
            ex,
          );
        else ctx.expectProblem(ex, [400, 422], 'move to a lost stage without a reason', { errorPath: 'lostReason' });
      }
      const { deal: unchanged, ex: read } = await reread(ctx, d.id);
      if (unchanged.version !== d.version) ctx.fail('a refused move to the lost stage changed the deal', read);
      const { reasons, allowOther } = ctx.schema.lostReasons;
      const reason = allowOther || reasons.length === 0 ? 'Chose a competitor' : reasons[0]!.key;
      const ok = await ctx.api.post(`/v1/deals/${d.id}/move`, { stageId: lost.id, lostReason: reason });
      if (ctx.expectStatus(ok, [200], 'move to the lost stage with a reason')) {
        const m = ok.body as ApiRecord;
        if (m.status !== 'lost' || m.lostReason !== reason)
          ctx.fail(`the lost deal has status ${m.status} and lostReason ${m.lostReason}`, ok);
      }
    },
  }),
  defineCheck({
    id: 'deals.rotting',
    area: 'deals',
    title: 'rotting=true lists exactly the open deals idle past their stage’s threshold',
    level: 'core',
    rule: RULES.rotting,
    async run(ctx) {
      if (!ctx.enabled('deals')) return ctx.skip('the deals module is switched off');
      const pipeline = await rottingPipeline(ctx, 1);
      if (pipeline.stages[0]!.rottingDays !== 1)
        ctx.fail(`a stage created with rottingDays 1 answers ${pipeline.stages[0]!.rottingDays}`);
      const fresh = await dealIn(ctx, pipeline, pipeline.stages[0]!.id);
      const never = await dealIn(ctx, pipeline, pipeline.stages[1]!.id);
      const now = Date.parse(String(never.updatedAt));
      const stages = new Map(pipeline.stages.map((s) => [s.id, s]));
      for (const rotting of ['true', 'false'] as const) {
        const ex = await ctx.api.get(`/v1/deals${query({ rotting, 'filter[pipelineId]': pipeline.id, limit: 200 })}`);
        if (!ctx.expectStatus(ex, [200], `GET /v1/deals?rotting=${rotting}`)) continue;
        const ids = new Set((ex.body as { data: ApiRecord[] }).data.map((r) => r.id));
        for (const d of [fresh, never]) {
          if (ids.has(d.id) === (rotting === 'true'))
            ctx.fail(
              `rotting=${rotting} ${rotting === 'true' ? 'lists' : 'leaves out'} ${d.id}, a deal that has not been idle a day`,
              ex,
            );
        }
        for (const r of (ex.body as { data: ApiRecord[] }).data) {
          const stage = stages.get(String(r.stageId));
          if (stage && isRotting(r as never, stage, now) !== (rotting === 'true'))
            ctx.fail(`rotting=${rotting} lists ${r.id}, which does not match the rule at ${iso(now)}`, ex);
        }
      }
      ctx.expectProblem(await ctx.api.get(`/v1/deals${query({ rotting: 'maybe' })}`), [400], 'rotting=maybe');
    },
  }),
  defineCheck({
    id: 'aggregates.board',
    area: 'aggregates',
    title: 'Deal aggregates group by expected-close month and by stage then next-activity state, exactly',
    level: 'full',
    capability: 'aggregates',
    rule: RULES.aggregateGroupings,
    async run(ctx) {
      if (!ctx.enabled('deals') || !ctx.enabled('activities')) return ctx.skip('deals or activities are switched off');
      const pipeline = await rottingPipeline(ctx, 30);
      const [s0, s1] = pipeline.stages;
      const token = ctx.fixtures.token();
      const made: ApiRecord[] = [];
      for (let i = 0; i < 4; i++) {
        const expectedCloseDate = i === 3 ? null : `2027-0${i + 1}-15`;
        made.push(await dealIn(ctx, pipeline, (i % 2 ? s1 : s0)!.id, { expectedCloseDate }, token));
      }
      const now = Date.parse(String(made[3]!.updatedAt));
      await ctx.fixtures.create('activities', { type: 'task', dealId: made[0]!.id, dueAt: iso(now - 3 * DAY) });
      await ctx.fixtures.create('activities', { type: 'task', dealId: made[1]!.id, dueAt: iso(now + 3 * DAY) });
      const { records } = await ctx.fixtures.listAll('deals', token, [['filter[pipelineId]', pipeline.id]]);
      const dayOf = (t: string | number) => iso(typeof t === 'number' ? t : Date.parse(t)).slice(0, 10);
      const key = {
        expectedCloseMonth: (d: ApiRecord) =>
          typeof d.expectedCloseDate === 'string' ? d.expectedCloseDate.slice(0, 7) : null,
        stage: (d: ApiRecord) => String(d.stageId),
        activity: (d: ApiRecord) => nextActivityState(d.nextActivityAt as string | null, now, dayOf),
      };
      for (const [q, k1, k2] of [
        [{ groupBy: 'expectedCloseMonth' }, key.expectedCloseMonth, null],
        [{ groupBy: 'stageId', thenBy: 'nextActivity', timeZone: 'UTC' }, key.stage, key.activity],
      ] as const) {
        const ex = await ctx.api.get(
          `/v1/deals/aggregate${query({ ...q, q: token, 'filter[pipelineId]': pipeline.id })}`,
        );
        if (!ctx.expectStatus(ex, [200], `GET /v1/deals/aggregate?${new URLSearchParams(q)}`)) continue;
        const want = new Map<string, number>();
        for (const d of records) {
          const k = `${k1(d)}|${k2 ? k2(d) : null}|${d.currency}`;
          want.set(k, (want.get(k) ?? 0) + 1);
        }
        const got = new Map(
          (ex.body as DealAggregate).groups.map((g) => [`${g.key}|${g.subKey ?? null}|${g.currency}`, g.count]),
        );
        if (JSON.stringify([...want].sort()) !== JSON.stringify([...got].sort())) {
          ctx.fail(
            `groups ${JSON.stringify([...got].sort())} differ from the deals' ${JSON.stringify([...want].sort())}`,
            ex,
          );
        }
      }
    },
  }),
];
