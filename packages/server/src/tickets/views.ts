import { type TicketView, TicketView as TicketViewSchema } from '@crmkit/spec';
import { dbOf, type RequestContext } from '../core/context.js';
import { Params } from '../query/sql.js';

/** Statuses of tickets still to be worked on. */
const UNRESOLVED = "status IN ('new','open','pending','on_hold')";
const AWAKE = 'snooze IS NULL';

/**
 * The SQL of the at-risk moment of a ticket: its next due time less its policy's warning window (the workspace's
 * `warnBeforeMinutes` per policy, as the sweep's `ticket.sla.warning`).
 */
function atRiskAt(ctx: RequestContext, params: Params): string {
  const windows = ctx.principal.settings.slaPolicies.filter((p) => p.warnBeforeMinutes > 0);
  if (windows.length === 0) return 'next_breach_at';
  const cases = windows.map((p) => `WHEN ${params.add(p.id)} THEN ${Math.trunc(p.warnBeforeMinutes)}`).join(' ');
  return `(next_breach_at - make_interval(mins => CASE sla->>'policyId' ${cases} ELSE 0 END))`;
}

/**
 * The conditions of an inbox view for the caller, at `now` (see the contract's `TicketView`): what `GET /v1/tickets?view=`
 * lists and `GET /v1/tickets/views` counts — one definition for both.
 */
export function viewCondition(ctx: RequestContext, view: TicketView, now: Date, params: Params): string {
  const me = ctx.principal.userId;
  switch (view) {
    case 'mine':
      return me ? `${UNRESOLVED} AND ${AWAKE} AND assignee_id = ${params.add(me)}` : 'false';
    case 'team':
      return me
        ? `${UNRESOLVED} AND ${AWAKE} AND team_id IN (SELECT unnest(team_ids) FROM users WHERE workspace_id = ${params.add(ctx.principal.workspaceId)} AND id = ${params.add(me)})`
        : 'false';
    case 'unassigned':
      return `${UNRESOLVED} AND ${AWAKE} AND assignee_id IS NULL`;
    case 'open':
      return `${UNRESOLVED} AND ${AWAKE}`;
    case 'atRisk': {
      const at = params.add(now.toISOString(), 'timestamptz');
      return `${UNRESOLVED} AND sla_status = 'active' AND next_breach_at > ${at} AND ${atRiskAt(ctx, params)} <= ${at}`;
    }
    case 'breached':
      return `${UNRESOLVED} AND (sla_status = 'missed' OR next_breach_at <= ${params.add(now.toISOString(), 'timestamptz')})`;
    case 'snoozed':
      return 'snooze IS NOT NULL';
    case 'solved':
      return "status IN ('solved','closed') AND merged_into_id IS NULL";
  }
}

/** How many tickets each view of the caller holds, in one pass over the workspace's tickets. */
export async function countViews(ctx: RequestContext): Promise<{ counts: Record<TicketView, number>; at: string }> {
  const now = ctx.clock.now();
  const params = new Params();
  const ws = params.add(ctx.principal.workspaceId);
  const views = TicketViewSchema.options;
  const columns = views.map((v, i) => `count(*) FILTER (WHERE ${viewCondition(ctx, v, now, params)})::int AS c${i}`);
  const { rows } = await dbOf(ctx).query<Record<string, number>>(
    `SELECT ${columns.join(', ')} FROM tickets WHERE workspace_id = ${ws}`,
    params.values,
  );
  const row = rows[0] ?? {};
  return {
    counts: Object.fromEntries(views.map((v, i) => [v, Number(row[`c${i}`] ?? 0)])) as Record<TicketView, number>,
    at: now.toISOString(),
  };
}
