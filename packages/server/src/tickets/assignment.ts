import type { TicketChannel, TicketPriority } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { validationFailed } from '../http/problem.js';

/** Roles that work tickets and can be picked by round robin. */
const ASSIGNABLE_ROLES = ['agent', 'manager', 'admin'] as const;

/**
 * The team of a new ticket: an explicit `teamId` is kept; otherwise the first routing rule (workspace
 * settings) matching the channel and priority whose team exists, else the default team, else none.
 */
export async function routeTeam(
  w: WriteContext,
  ticket: { channel: TicketChannel; priority: TicketPriority; teamId: string | null },
): Promise<string | null> {
  if (ticket.teamId) return ticket.teamId;
  const { rules, defaultTeamId } = w.principal.settings.routing;
  const candidates = rules
    .filter(
      (r) =>
        (!r.channels?.length || r.channels.includes(ticket.channel)) &&
        (!r.priorities?.length || r.priorities.includes(ticket.priority)),
    )
    .map((r) => r.teamId);
  if (defaultTeamId) candidates.push(defaultTeamId);
  if (candidates.length === 0) return null;
  const { rows } = await w.tx.query<{ id: string }>(
    'SELECT id FROM teams WHERE workspace_id = $1 AND id = ANY($2::text[])',
    [w.principal.workspaceId, candidates],
  );
  const existing = new Set(rows.map((r) => r.id));
  return candidates.find((id) => existing.has(id)) ?? null;
}

/**
 * Round robin: the next available member (agent, manager or admin) of the team after the one assigned last,
 * in a stable order. The team row is locked and its pointer moved in the caller's transaction, so concurrent
 * tickets never go to the same agent twice in a row. Null when nobody is available.
 */
export async function nextAgent(w: WriteContext, teamId: string): Promise<string | null> {
  const team = await w.tx.query<{ last_assigned_user_id: string | null }>(
    'SELECT last_assigned_user_id FROM teams WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
    [w.principal.workspaceId, teamId],
  );
  if (!team.rows[0]) return null;
  const last = team.rows[0].last_assigned_user_id;
  const { rows } = await w.tx.query<{ id: string }>(
    'SELECT id FROM users WHERE workspace_id = $1 AND $2 = ANY(team_ids) AND available AND role = ANY($3::text[])',
    [w.principal.workspaceId, teamId, ASSIGNABLE_ROLES],
  );
  if (rows.length === 0) return null;
  const ids = rows.map((r) => r.id).sort();
  const next = ids.find((id) => last === null || id > last) ?? ids[0]!;
  await w.tx.query('UPDATE teams SET last_assigned_user_id = $3 WHERE workspace_id = $1 AND id = $2', [
    w.principal.workspaceId,
    teamId,
    next,
  ]);
  return next;
}

/** 400 when the user exists but may not work tickets (viewers). Unknown ids are left to the reference check. */
export async function assertAssignable(w: WriteContext, userId: string, path = 'assigneeId'): Promise<void> {
  const { rows } = await w.tx.query<{ role: string }>('SELECT role FROM users WHERE workspace_id = $1 AND id = $2', [
    w.principal.workspaceId,
    userId,
  ]);
  if (rows[0]?.role === 'viewer') throw validationFailed([{ path, message: 'viewers cannot be assigned tickets' }]);
}
