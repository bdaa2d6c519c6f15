import type { Pipeline } from '@crmkit/spec';
import { dbOf, type RequestContext } from '../core/context.js';
import { conflict, fieldError, validationFailed } from '../http/problem.js';
import { rowToRecord } from '../resources/table.js';
import { pipelineResource } from './resource.js';

const toPipeline = (row: Record<string, unknown>) => rowToRecord(pipelineResource.table, row) as unknown as Pipeline;

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
    if (!rows[0])
      throw validationFailed([fieldError(path, 'notFound', `no pipeline with id ${id}`, { what: 'pipeline', id })]);
    return toPipeline(rows[0]);
  }
  const { rows } = await dbOf(ctx).query(
    'SELECT * FROM pipelines WHERE workspace_id = $1 ORDER BY is_default DESC, created_at LIMIT 1',
    [ctx.principal.workspaceId],
  );
  if (!rows[0]) throw conflict('This workspace has no pipeline yet; create one first.', 'no-pipeline');
  return toPipeline(rows[0]);
}

/**
 * In one query: the pipeline that holds stage `stageId` (a 400 on `path` when none does) and the pipeline `otherId`
 * (e.g. the one a deal leaves; the same object when it is the same pipeline, `null` when it no longer exists).
 */
export async function pipelineOfStage(
  ctx: RequestContext,
  stageId: string,
  otherId: string,
  path = 'stageId',
): Promise<{ pipeline: Pipeline; other: Pipeline | null }> {
  const { rows } = await dbOf(ctx).query(
    'SELECT * FROM pipelines WHERE workspace_id = $1 AND (stages @> $2::jsonb OR id = $3)',
    [ctx.principal.workspaceId, JSON.stringify([{ id: stageId }]), otherId],
  );
  const pipelines = rows.map(toPipeline);
  const pipeline = pipelines.find((p) => p.stages.some((s) => s.id === stageId));
  if (!pipeline)
    throw validationFailed([
      fieldError(path, 'notFound', `no stage with id ${stageId}`, { what: 'stage', id: stageId }),
    ]);
  return { pipeline, other: pipelines.find((p) => p.id === otherId) ?? null };
}
