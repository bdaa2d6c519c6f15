import type { LifecycleStage } from '@crmkit/spec';
import { contactResource } from '../contacts/resource.js';
import { type RequestContext, type WriteContext, type WriteObserver, withWrite } from '../core/context.js';
import { applyUpdate } from '../resources/engine.js';

/** Contacts moved by one query of the daily pass, at most (the rest move on the next day's pass). */
const BATCH = 1000;

/** Moves contacts to `stage` through the engine (events, so rules and widgets see the change). */
async function move(w: WriteContext, ids: readonly string[], stage: LifecycleStage): Promise<number> {
  for (const id of ids) await applyUpdate(w, contactResource, id, { lifecycleStage: stage }, null);
  return ids.length;
}

/** The stage a contact with `won` won deals, the first closed at `firstWonAt`, should have (or null: no rule says). */
function stageFor(ctx: RequestContext, won: number, firstWonAt: string | null, now: Date): LifecycleStage | null {
  const rules = ctx.principal.settings.lifecycle;
  if (won === 0) return null;
  if (rules.loyalAfterRenewals !== null && won - 1 >= rules.loyalAfterRenewals) return 'loyal';
  if (rules.loyalAfterMonths !== null && firstWonAt) {
    const since = new Date(firstWonAt);
    since.setUTCMonth(since.getUTCMonth() + rules.loyalAfterMonths);
    if (since.getTime() <= now.getTime()) return 'loyal';
  }
  return rules.activeOnFirstWonDeal ? 'active' : null;
}

const WON_SQL = `SELECT count(*)::int AS won, min(d.closed_at) AS first_won_at FROM deals d
  WHERE d.workspace_id = $1 AND d.status = 'won' AND $2 = ANY(d.contact_ids)`;

/**
 * When a deal is won, its contacts become `active` (a first won deal) or `loyal` (enough renewals), per the
 * workspace's lifecycle settings; a contact never moves down here.
 */
export const lifecycleOnWonDeals: WriteObserver = async (w, events) => {
  const rules = w.principal.settings.lifecycle;
  if (!rules.activeOnFirstWonDeal && rules.loyalAfterRenewals === null) return;
  for (const e of events) {
    if (e.resource !== 'deals' || e.data.status !== 'won' || !e.changed?.includes('status')) continue;
    for (const contactId of (e.data.contactIds as string[] | undefined) ?? []) {
      const { rows } = await w.tx.query<{ won: number; first_won_at: string | null }>(WON_SQL, [
        w.principal.workspaceId,
        contactId,
      ]);
      const target = stageFor(w, rows[0]?.won ?? 0, rows[0]?.first_won_at ?? null, w.now);
      const { rows: c } = await w.tx.query<{ lifecycle_stage: LifecycleStage }>(
        'SELECT lifecycle_stage FROM contacts WHERE workspace_id = $1 AND id = $2',
        [w.principal.workspaceId, contactId],
      );
      const current = c[0]?.lifecycle_stage;
      if (!target || !current || current === target || (current === 'loyal' && target === 'active')) continue;
      await move(w, [contactId], target);
    }
  }
};

/**
 * The daily part of the lifecycle rules: `active` contacts whose first won deal is old enough become `loyal`;
 * `active` and `loyal` contacts with no visit (the configured activity types) and no won deal for the configured
 * number of days become `lost`.
 * @returns how many contacts moved
 */
export async function applyLifecycleRules(ctx: RequestContext): Promise<number> {
  const rules = ctx.principal.settings.lifecycle;
  const ws = ctx.principal.workspaceId;
  let moved = 0;
  if (rules.loyalAfterMonths !== null) {
    const { rows } = await ctx.db.query<{ id: string }>(
      `SELECT c.id FROM contacts c WHERE c.workspace_id = $1 AND c.lifecycle_stage = 'active'
         AND (SELECT min(d.closed_at) FROM deals d WHERE d.workspace_id = $1 AND d.status = 'won'
               AND c.id = ANY(d.contact_ids)) <= $2::timestamptz - make_interval(months => $3) LIMIT ${BATCH}`,
      [ws, ctx.clock.now().toISOString(), rules.loyalAfterMonths],
    );
    moved += await withWrite(ctx, (w) =>
      move(
        w,
        rows.map((r) => r.id),
        'loyal',
      ),
    );
  }
  if (rules.lostAfterDays !== null) {
    const { rows } = await ctx.db.query<{ id: string }>(
      `SELECT c.id FROM contacts c WHERE c.workspace_id = $1 AND c.lifecycle_stage IN ('active', 'loyal')
         AND c.created_at < $2::timestamptz - make_interval(days => $3)
         AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.workspace_id = $1 AND a.contact_id = c.id
               AND a.type = ANY($4::text[]) AND a.occurred_at >= $2::timestamptz - make_interval(days => $3))
         AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.workspace_id = $1 AND d.status = 'won' AND c.id = ANY(d.contact_ids)
               AND d.closed_at >= $2::timestamptz - make_interval(days => $3))
       LIMIT ${BATCH}`,
      [ws, ctx.clock.now().toISOString(), rules.lostAfterDays, rules.visitTypes],
    );
    moved += await withWrite(ctx, (w) =>
      move(
        w,
        rows.map((r) => r.id),
        'lost',
      ),
    );
  }
  return moved;
}
