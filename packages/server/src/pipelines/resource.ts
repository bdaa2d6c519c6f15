import { CONTRACT_LIMITS } from '@crmkit/core';
import { pipelines, type Stage, type StageInput } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { newId } from '../core/ids.js';
import { conflict } from '../http/problem.js';
import type { ResourceDef } from '../resources/engine.js';

/**
 * Gives new stages ids and positions, keeping the ids of existing ones; a stage sent without `rottingDays` keeps its
 * threshold (none for a new stage), so a client that does not know about thresholds does not drop them.
 */
function normalizeStages(input: StageInput[], now: number, existing: readonly Stage[] = []): Stage[] {
  return input.map((s, position) => ({
    id: s.id ?? newId('stg', now),
    name: s.name,
    ...(s.label ? { label: s.label } : {}),
    probability: s.probability,
    kind: s.kind,
    rottingDays:
      s.rottingDays !== undefined ? s.rottingDays : (existing.find((e) => e.id === s.id)?.rottingDays ?? null),
    position,
  }));
}

/**
 * Deals follow their stage's new default probability (unless overridden) and kind (status, closedAt): `dealInStage`
 * of @crmkit/core, in SQL over every deal of the stage at once. Clients refresh deals on `pipeline.updated`.
 */
async function followStageDefaults(w: WriteContext, before: Stage[], after: Stage[]): Promise<void> {
  for (const stage of after) {
    const old = before.find((s) => s.id === stage.id);
    if (!old || (old.probability === stage.probability && old.kind === stage.kind)) continue;
    await w.tx.query(
      `UPDATE deals SET version = version + 1, updated_at = $3,
              probability = CASE WHEN probability_overridden THEN probability ELSE $4 END,
              status = $5, closed_at = CASE WHEN $5 = 'open' THEN NULL ELSE COALESCE(closed_at, $3) END
        WHERE workspace_id = $1 AND stage_id = $2`,
      [w.principal.workspaceId, stage.id, w.now.toISOString(), stage.probability, stage.kind],
    );
  }
}

/** Pipelines and their ordered stages. */
export const pipelineResource: ResourceDef = {
  spec: pipelines,
  permission: 'pipelines',
  entity: 'deal',
  table: {
    table: 'pipelines',
    idPrefix: 'pip',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      label: { column: 'label', kind: 'json' },
      currency: { column: 'currency', kind: 'text', notNull: true },
      isDefault: { column: 'is_default', kind: 'bool', notNull: true },
      stages: { column: 'stages', kind: 'json', notNull: true },
    },
  },
  async prepareCreate(w, input) {
    const { rows } = await w.tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pipelines WHERE workspace_id = $1',
      [w.principal.workspaceId],
    );
    const count = rows[0]?.n ?? 0;
    if (count >= CONTRACT_LIMITS.pipelines) {
      throw conflict(
        `A workspace holds at most ${CONTRACT_LIMITS.pipelines} pipelines; delete one first.`,
        'limit-reached',
      );
    }
    const isDefault = count === 0 || input.isDefault === true;
    if (isDefault)
      await w.tx.query('UPDATE pipelines SET is_default = false WHERE workspace_id = $1', [w.principal.workspaceId]);
    return {
      currency: w.principal.settings.defaultCurrency,
      ...input,
      isDefault,
      stages: normalizeStages(input.stages as StageInput[], w.now.getTime()),
    };
  },
  async prepareUpdate(w, patch, existing) {
    const out: Record<string, unknown> = { ...patch };
    if (patch.isDefault === true) {
      await w.tx.query('UPDATE pipelines SET is_default = false WHERE workspace_id = $1 AND id <> $2', [
        w.principal.workspaceId,
        existing.id,
      ]);
    } else if (patch.isDefault === false && existing.isDefault) {
      throw conflict('Make another pipeline the default instead.');
    }
    if (patch.stages) {
      const known = new Set((existing.stages as Stage[]).map((s) => s.id));
      for (const s of patch.stages as StageInput[]) {
        if (s.id && !known.has(s.id))
          throw conflict(`Stage ${s.id} is not a stage of this pipeline; omit id to add a stage.`);
      }
      const stages = normalizeStages(patch.stages as StageInput[], w.now.getTime(), existing.stages as Stage[]);
      const removed = [...known].filter((id) => !stages.some((s) => s.id === id));
      if (removed.length > 0) {
        const { rows } = await w.tx.query(
          'SELECT 1 FROM deals WHERE workspace_id = $1 AND stage_id = ANY($2::text[]) LIMIT 1',
          [w.principal.workspaceId, removed],
        );
        if (rows.length > 0) throw conflict('A stage that still holds deals cannot be removed; move its deals first.');
      }
      out.stages = stages;
      await followStageDefaults(w, existing.stages as Stage[], stages);
    }
    return out;
  },
  async beforeDelete(w, existing) {
    if (existing.isDefault) throw conflict('The default pipeline cannot be deleted.');
    const { rows } = await w.tx.query('SELECT 1 FROM deals WHERE workspace_id = $1 AND pipeline_id = $2 LIMIT 1', [
      w.principal.workspaceId,
      existing.id,
    ]);
    if (rows.length > 0) throw conflict('A pipeline that still holds deals cannot be deleted.');
  },
};
