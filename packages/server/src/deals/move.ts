import type { DealMove } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { preconditionFailed, validationFailed } from '../http/problem.js';
import { pipelineOfStage } from '../pipelines/lookup.js';
import { type AnyRecord, changedFields, getRecord, storeUpdate } from '../resources/engine.js';
import { lostReasonFor } from './lost-reason.js';
import { rankAt } from './rank.js';
import { dealResource, logStageChange, stageValues } from './resource.js';

/**
 * Moves deal `id` to a stage, between two neighbours (or to the end), in the write's transaction: reads and locks the
 * deal once, checks `ifVersion` once, reads the pipelines once (the target stage's, and the one the deal leaves),
 * computes the rank in one statement and writes once; a stage change also logs "Stage: A → B" on the deal's timeline.
 * No other deal is rewritten. Emits `deal.moved`.
 *
 * Problems, in this order: 404 no such deal, 412 `ifVersion` is not the stored version, 400 `stageId` is no stage of
 * the workspace, 400 a neighbour is the deal itself, not in the stage, or out of order, 400 no (or no accepted) lost
 * reason for a lost stage.
 */
export async function moveDeal(
  w: WriteContext,
  id: string,
  move: DealMove,
  ifVersion: number | null,
): Promise<AnyRecord> {
  const existing = await getRecord(w, dealResource, id, w.tx, true);
  if (ifVersion !== null && existing.version !== ifVersion) throw preconditionFailed(existing);
  const { pipeline, other } = await pipelineOfStage(w, move.stageId, existing.pipelineId as string);
  for (const [key, value] of [
    ['afterId', move.afterId],
    ['beforeId', move.beforeId],
  ] as const) {
    if (value === id) throw validationFailed([{ path: key, message: 'a deal cannot be its own neighbour' }]);
  }
  const rank = await rankAt(w.tx, w.principal.workspaceId, id, {
    stageId: move.stageId,
    afterId: move.afterId ?? null,
    beforeId: move.beforeId ?? null,
  });
  const stage = pipeline.stages.find((s) => s.id === move.stageId)!;
  const lostReason = lostReasonFor(w, stage, move.lostReason, existing);
  const values: Record<string, unknown> = {
    pipelineId: pipeline.id,
    rank,
    ...stageValues(w, stage, existing.probabilityOverridden as boolean, existing),
    ...(lostReason !== undefined ? { lostReason } : {}),
  };
  const deal = await storeUpdate(w, dealResource, existing, values);
  if (deal.stageId !== existing.stageId)
    await logStageChange(w, deal, existing, other ? [pipeline, other] : [pipeline]);
  const type = dealResource.updateEvent!(deal, existing);
  w.emit({ type, resource: 'deals', resourceId: id, data: deal, changed: changedFields(existing, deal) });
  return deal;
}
