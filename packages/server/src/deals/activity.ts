import type { WriteContext } from '../core/context.js';
import { applyUpdate } from '../resources/engine.js';
import { dealResource } from './resource.js';

/**
 * A deal's activity times, as SQL over its activities: `last` is the latest activity done — `occurredAt` of a logged
 * one, `completedAt` of a completed task or reminder (an activity with `dueAt`), system activities left out — and
 * `next` the earliest `dueAt` of an open one. The contract's definition of `lastActivityAt` and `nextActivityAt`.
 */
const TIMES = /* sql */ `
  (SELECT max(CASE WHEN a.due_at IS NULL THEN a.occurred_at ELSE a.completed_at END) FROM activities a
    WHERE a.workspace_id = d.workspace_id AND a.deal_id = d.id AND a.type <> 'system'
      AND (a.due_at IS NULL OR a.completed_at IS NOT NULL)) AS last,
  (SELECT min(a.due_at) FROM activities a
    WHERE a.workspace_id = d.workspace_id AND a.deal_id = d.id AND a.due_at IS NOT NULL AND a.completed_at IS NULL)
    AS next`;

const sameInstant = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : Date.parse(a) === Date.parse(b);

/**
 * Brings `lastActivityAt` and `nextActivityAt` of deals up to date after activities about them were logged, changed,
 * completed or deleted (`ids`: the deals an activity was and is linked to): recomputed from their activities in one
 * query, and written — a new version and `deal.updated`, as any change — only where they changed.
 *
 * @example
 * await refreshDealActivity(w, [activity.dealId, before?.dealId]);
 */
export async function refreshDealActivity(w: WriteContext, ids: readonly unknown[]): Promise<void> {
  const deals = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (deals.length === 0) return;
  const { rows } = await w.tx.query<{
    id: string;
    last: string | null;
    next: string | null;
    was_last: string | null;
    was_next: string | null;
  }>(
    `SELECT d.id, d.last_activity_at AS was_last, d.next_activity_at AS was_next, ${TIMES}
       FROM deals d WHERE d.workspace_id = $1 AND d.id = ANY($2::text[])`,
    [w.principal.workspaceId, deals],
  );
  for (const r of rows) {
    if (sameInstant(r.last, r.was_last) && sameInstant(r.next, r.was_next)) continue;
    await applyUpdate(w, dealResource, r.id, { lastActivityAt: r.last, nextActivityAt: r.next }, null);
  }
}
