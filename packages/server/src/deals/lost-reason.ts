import { lostReasonProblem } from '@crmkit/core';
import type { Stage } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { fieldError, validationFailed } from '../http/problem.js';
import type { AnyRecord } from '../resources/engine.js';

/**
 * The lost reason of a write that puts a deal in `stage`: required (not blank) when the deal enters a lost stage —
 * by a create, an update or a move, one at a time or in a batch — and one of the workspace's `lostReasons` keys when
 * the workspace accepts no other words (`lostReasonProblem` of @crmkit/core). A deal that leaves a lost stage for
 * another stage loses its reason, unless the write gives one. Returns the `lostReason` to store, or undefined to leave
 * it as it is.
 *
 * @example
 * const lostReason = lostReasonFor(w, stage, body.lostReason, existing);
 */
export function lostReasonFor(
  w: WriteContext,
  stage: Stage,
  given: unknown,
  existing: AnyRecord | null,
  path = 'lostReason',
): string | null | undefined {
  const entering = existing === null || existing.stageId !== stage.id;
  const reason = typeof given === 'string' ? given : null;
  if (entering) {
    const { lostReasons } = w.principal.settings;
    const problem = lostReasonProblem(stage.kind, reason, lostReasons);
    if (problem === 'required') {
      throw validationFailed([
        fieldError(path, 'lostReasonRequired', `A lost reason is required to move a deal to ${stage.name}.`, {
          stage: stage.name,
        }),
      ]);
    }
    if (problem === 'unknown') {
      const keys = lostReasons.reasons.map((r) => r.key).join(', ');
      throw validationFailed([
        fieldError(path, 'oneOf', `must be one of this workspace’s lost reasons: ${keys}`, { options: keys }),
      ]);
    }
  }
  if (given !== undefined) return reason;
  if (existing && existing.status === 'lost' && stage.kind !== 'lost') return null;
  return undefined;
}
