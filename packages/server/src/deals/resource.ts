import { dealInStage, weightedAmount } from '@crmkit/core';
import { deals, type Pipeline, type Stage } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { fieldError, validationFailed } from '../http/problem.js';
import { loadPipeline } from '../pipelines/lookup.js';
import type { AnyRecord, ResourceDef } from '../resources/engine.js';
import { rowToRecord, type TableDef } from '../resources/table.js';
import { unlinkActivities } from '../timeline/links.js';
import { logSystemActivity } from '../timeline/system.js';
import { lostReasonFor } from './lost-reason.js';
import { endOfStage } from './rank.js';

export const dealTable: TableDef = {
  table: 'deals',
  idPrefix: 'dea',
  fields: {
    name: { column: 'name', kind: 'text', notNull: true },
    amount: { column: 'amount', kind: 'bigint' },
    currency: { column: 'currency', kind: 'text', notNull: true },
    pipelineId: { column: 'pipeline_id', kind: 'text', notNull: true },
    stageId: { column: 'stage_id', kind: 'text', notNull: true },
    probability: { column: 'probability', kind: 'int', notNull: true },
    probabilityOverridden: { column: 'probability_overridden', kind: 'bool', notNull: true, readOnly: true },
    rank: { column: 'rank', kind: 'text', notNull: true, readOnly: true },
    status: { column: 'status', kind: 'text', notNull: true, readOnly: true },
    expectedCloseDate: { column: 'expected_close_date', kind: 'date' },
    companyId: { column: 'company_id', kind: 'text' },
    contactIds: { column: 'contact_ids', kind: 'textarr', notNull: true },
    ownerId: { column: 'owner_id', kind: 'text' },
    lostReason: { column: 'lost_reason', kind: 'text' },
    closedAt: { column: 'closed_at', kind: 'ts', readOnly: true },
    stageEnteredAt: { column: 'stage_entered_at', kind: 'ts', notNull: true, readOnly: true },
    lastActivityAt: { column: 'last_activity_at', kind: 'ts', readOnly: true },
    nextActivityAt: { column: 'next_activity_at', kind: 'ts', readOnly: true },
    tags: { column: 'tags', kind: 'textarr', notNull: true },
    customFields: { column: 'custom_fields', kind: 'json', notNull: true },
  },
};

/** Stage `stageId` of `pipeline` (its first stage when undefined), or a 400. */
export function stageIn(pipeline: Pipeline, stageId: string | undefined): Stage {
  if (stageId === undefined) return pipeline.stages[0]!;
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) {
    throw validationFailed([
      fieldError('stageId', 'notInPipeline', `is not a stage of pipeline ${pipeline.name}`, {
        pipeline: pipeline.name,
      }),
    ]);
  }
  return stage;
}

/**
 * Stage-derived values (see `dealInStage`): status, closedAt, when the deal entered the stage and, unless overridden,
 * probability.
 */
export function stageValues(w: WriteContext, stage: Stage, overridden: boolean, existing: AnyRecord | null) {
  const { probability, ...values } = dealInStage(
    stage,
    {
      probability: stage.probability,
      probabilityOverridden: overridden,
      closedAt: existing?.status !== 'open' ? ((existing?.closedAt as string | null | undefined) ?? null) : null,
      ...(existing ? { stageId: existing.stageId as string, stageEnteredAt: existing.stageEnteredAt as string } : {}),
    },
    w.now.toISOString(),
  );
  return overridden ? values : { ...values, probability };
}

/** Deals: amounts in minor units, probability from the stage unless overridden, ordered by `rank` in a stage. */
export const dealResource: ResourceDef = {
  spec: deals,
  permission: 'deals',
  entity: 'deal',
  table: dealTable,
  refs: {
    companyId: { table: 'companies', what: 'company' },
    contactIds: { table: 'contacts', what: 'contact', many: true },
    ownerId: { table: 'users', what: 'user' },
  },
  toRecord(row) {
    const r = rowToRecord(dealTable, row);
    return { ...r, weightedAmount: weightedAmount(r.amount as number | null, r.probability as number) };
  },
  async prepareCreate(w, input) {
    const pipeline = await loadPipeline(w, input.pipelineId as string | undefined);
    const stage = stageIn(pipeline, input.stageId as string | undefined);
    const overridden = typeof input.probability === 'number';
    const lostReason = lostReasonFor(w, stage, input.lostReason, null);
    return {
      amount: null,
      expectedCloseDate: null,
      companyId: null,
      contactIds: [],
      ownerId: w.principal.userId,
      lostReason: null,
      tags: [],
      ...input,
      currency: (input.currency as string | undefined) ?? pipeline.currency,
      pipelineId: pipeline.id,
      ...(lostReason !== undefined ? { lostReason } : {}),
      probabilityOverridden: overridden,
      rank: await endOfStage(w.tx, w.principal.workspaceId, stage.id),
      lastActivityAt: null,
      nextActivityAt: null,
      ...stageValues(w, stage, overridden, null),
    };
  },
  async prepareUpdate(w, patch, existing) {
    const out: Record<string, unknown> = { ...patch };
    const pipelineChanged = patch.pipelineId !== undefined && patch.pipelineId !== existing.pipelineId;
    const pipeline = await loadPipeline(w, (patch.pipelineId as string | undefined) ?? (existing.pipelineId as string));
    const stageId =
      (patch.stageId as string | undefined) ?? (pipelineChanged ? undefined : (existing.stageId as string));
    const stage = stageIn(pipeline, stageId);
    let overridden = existing.probabilityOverridden as boolean;
    if (patch.probability !== undefined) {
      overridden = patch.probability !== null;
      out.probabilityOverridden = overridden;
      if (!overridden) delete out.probability;
    }
    if (stage.id !== existing.stageId && out.rank === undefined) {
      out.rank = await endOfStage(w.tx, w.principal.workspaceId, stage.id, existing.id);
    }
    const lostReason = lostReasonFor(w, stage, patch.lostReason, existing);
    if (lostReason !== undefined) out.lostReason = lostReason;
    Object.assign(out, stageValues(w, stage, overridden, existing));
    return out;
  },
  updateEvent(record, existing) {
    return record.stageId !== existing.stageId || record.rank !== existing.rank ? 'deal.moved' : 'deal.updated';
  },
  async afterWrite(w, record, existing) {
    if (!existing || existing.stageId === record.stageId) return;
    await logStageChange(w, record, existing);
  },
  async beforeDelete(w, existing) {
    await unlinkActivities(w, 'deal_id', existing.id);
  },
  virtualFields: (ctx) => ({ rotting: { expr: rottingSql(ctx.clock.now()), kind: 'bool', notNull: true } }),
};

/**
 * Whether a deal rots at `now`, in SQL over a row of `deals` (`isRotting` of @crmkit/core): open, in a stage with an
 * idle threshold, and idle — since entering the stage or its last activity, whichever is later — for more whole days
 * than the threshold. `now` is the server's clock, inlined as an ISO literal.
 */
export function rottingSql(now: Date): string {
  return `(deals.status = 'open' AND EXISTS (
    SELECT 1 FROM pipelines p, jsonb_array_elements(p.stages) s
     WHERE p.workspace_id = deals.workspace_id AND p.id = deals.pipeline_id AND s->>'id' = deals.stage_id
       AND jsonb_typeof(s->'rottingDays') = 'number'
       AND greatest(deals.stage_entered_at, coalesce(deals.last_activity_at, deals.stage_entered_at))
           <= '${now.toISOString()}'::timestamptz - ((s->>'rottingDays')::int + 1) * interval '1 day'))`;
}

/**
 * Writes a `system` activity "Stage: A → B" on the deal's timeline. `pipelines` are the deal's pipelines before and
 * after, when the caller has them; read here otherwise.
 */
export async function logStageChange(
  w: WriteContext,
  deal: AnyRecord,
  before: AnyRecord,
  pipelines?: readonly Pick<Pipeline, 'stages'>[],
): Promise<void> {
  const known =
    pipelines ??
    (
      await w.tx.query<{ stages: Stage[] }>(
        'SELECT stages FROM pipelines WHERE workspace_id = $1 AND id = ANY($2::text[])',
        [w.principal.workspaceId, [deal.pipelineId, before.pipelineId]],
      )
    ).rows;
  const names = new Map(known.flatMap((p) => p.stages.map((s) => [s.id, s.name] as const)));
  const subject = `Stage: ${names.get(before.stageId as string) ?? '?'} → ${names.get(deal.stageId as string) ?? '?'}`;
  await logSystemActivity(w, { subject, dealId: deal.id, companyId: (deal.companyId as string | null) ?? null });
}
