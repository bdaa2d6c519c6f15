import { dealInStage, weightedAmount } from '@crmkit/core';
import { deals, type Pipeline, type Stage } from '@crmkit/spec';
import { dbOf, type RequestContext, type WriteContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import { rankBetween } from '../core/rank.js';
import type { Queryable } from '../db/database.js';
import { conflict, validationFailed } from '../http/problem.js';
import { searchTextOf } from '../query/search-text.js';
import { activityResource } from './activities.js';
import { unlinkActivities } from './activity-links.js';
import { type AnyRecord, getRecord, type ResourceDef } from './engine.js';
import { pipelineResource } from './pipelines.js';
import { rowToRecord, type TableDef } from './table.js';

const table: TableDef = {
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
    tags: { column: 'tags', kind: 'textarr', notNull: true },
    customFields: { column: 'custom_fields', kind: 'json', notNull: true },
  },
};

/** The pipeline with `id` (or the default one) in the caller's workspace, or a 400 on `path`. */
export async function loadPipeline(
  ctx: RequestContext,
  id: string | undefined,
  path = 'pipelineId',
): Promise<Pipeline> {
  if (id) {
    const { rows } = await dbOf(ctx).query('SELECT * FROM pipelines WHERE workspace_id = $1 AND id = $2', [
      ctx.principal.workspaceId,
      id,
    ]);
    if (!rows[0]) throw validationFailed([{ path, message: `no pipeline with id ${id}` }]);
    return rowToRecord(pipelineResource.table, rows[0]) as unknown as Pipeline;
  }
  const { rows } = await dbOf(ctx).query(
    'SELECT * FROM pipelines WHERE workspace_id = $1 ORDER BY is_default DESC, created_at LIMIT 1',
    [ctx.principal.workspaceId],
  );
  if (!rows[0]) throw conflict('This workspace has no pipeline yet; create one first.', 'no-pipeline');
  return rowToRecord(pipelineResource.table, rows[0]) as unknown as Pipeline;
}

/** The pipeline that holds stage `stageId`, or a 400 on `path`. */
export async function pipelineOfStage(ctx: RequestContext, stageId: string, path = 'stageId'): Promise<Pipeline> {
  const { rows } = await dbOf(ctx).query('SELECT * FROM pipelines WHERE workspace_id = $1 AND stages @> $2::jsonb', [
    ctx.principal.workspaceId,
    JSON.stringify([{ id: stageId }]),
  ]);
  if (!rows[0]) throw validationFailed([{ path, message: `no stage with id ${stageId}` }]);
  return rowToRecord(pipelineResource.table, rows[0]) as unknown as Pipeline;
}

function stageIn(pipeline: Pipeline, stageId: string | undefined): Stage {
  if (stageId === undefined) return pipeline.stages[0]!;
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw validationFailed([{ path: 'stageId', message: `is not a stage of pipeline ${pipeline.name}` }]);
  return stage;
}

/** The rank after the last deal of a stage. */
export async function endOfStage(
  db: Queryable,
  workspaceId: string,
  stageId: string,
  exceptId?: string,
): Promise<string> {
  const { rows } = await db.query<{ rank: string }>(
    'SELECT rank FROM deals WHERE workspace_id = $1 AND stage_id = $2 AND id <> $3 ORDER BY rank DESC LIMIT 1',
    [workspaceId, stageId, exceptId ?? ''],
  );
  return rankBetween(rows[0]?.rank ?? null, null);
}

/** Stage-derived values (see `dealInStage`): status, closedAt and, unless overridden, probability. */
function stageValues(w: WriteContext, stage: Stage, overridden: boolean, existing: AnyRecord | null) {
  const { probability, ...values } = dealInStage(
    stage,
    {
      probability: stage.probability,
      probabilityOverridden: overridden,
      closedAt: existing?.status !== 'open' ? ((existing?.closedAt as string | null | undefined) ?? null) : null,
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
  table,
  refs: {
    companyId: { table: 'companies', what: 'company' },
    contactIds: { table: 'contacts', what: 'contact', many: true },
    ownerId: { table: 'users', what: 'user' },
  },
  toRecord(row) {
    const r = rowToRecord(table, row);
    return { ...r, weightedAmount: weightedAmount(r.amount as number | null, r.probability as number) };
  },
  async prepareCreate(w, input) {
    const pipeline = await loadPipeline(w, input.pipelineId as string | undefined);
    const stage = stageIn(pipeline, input.stageId as string | undefined);
    const overridden = typeof input.probability === 'number';
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
      probabilityOverridden: overridden,
      rank: await endOfStage(w.tx, w.principal.workspaceId, stage.id),
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
};

/** Writes a `system` activity "Stage: A → B" on the deal's timeline. */
async function logStageChange(w: WriteContext, deal: AnyRecord, before: AnyRecord): Promise<void> {
  const names = new Map<string, string>();
  const { rows } = await w.tx.query<{ stages: Stage[] }>(
    'SELECT stages FROM pipelines WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [w.principal.workspaceId, [deal.pipelineId, before.pipelineId]],
  );
  for (const p of rows) for (const s of p.stages) names.set(s.id, s.name);
  const subject = `Stage: ${names.get(before.stageId as string) ?? '?'} → ${names.get(deal.stageId as string) ?? '?'}`;
  const id = newId('act', w.now.getTime());
  const at = w.now.toISOString();
  const { rows: inserted } = await w.tx.query(
    `INSERT INTO activities (id, workspace_id, created_at, updated_at, search_text, type, subject, occurred_at, deal_id, company_id, author_id)
     VALUES ($1,$2,$3,$3,$4,'system',$5,$3,$6,$7,$8) RETURNING id`,
    [
      id,
      w.principal.workspaceId,
      at,
      searchTextOf([subject]),
      subject,
      deal.id,
      deal.companyId ?? null,
      w.principal.userId,
    ],
  );
  if (inserted[0]) {
    w.emit({
      type: 'activity.created',
      resource: 'activities',
      resourceId: id,
      data: await getRecord(w, activityResource, id),
    });
  }
}
