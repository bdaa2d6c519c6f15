import { CONTRACT_LIMITS } from '@crmkit/core';
import { teams } from '@crmkit/spec';
import { dbOf } from '../core/context.js';
import type { ResourceDef } from '../resources/engine.js';

/** Teams: members are the users whose `teamIds` name the team. */
export const teamResource: ResourceDef = {
  spec: teams,
  permission: 'teams',
  table: {
    table: 'teams',
    idPrefix: 'tea',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      description: { column: 'description', kind: 'text' },
    },
  },
  async prepareCreate(_w, input) {
    return { description: null, ...input };
  },
  async decorate(ctx, records) {
    const { rows } = await dbOf(ctx).query<{ id: string; team_ids: string[] }>(
      'SELECT id, team_ids FROM users WHERE workspace_id = $1 AND team_ids && $2::text[] ORDER BY name, id',
      [ctx.principal.workspaceId, records.map((r) => r.id)],
    );
    for (const t of records) {
      const members = rows.filter((u) => u.team_ids.includes(t.id)).map((u) => u.id);
      // The contract lists the first members by name; `filter[teamIds]` on users lists them all.
      t.memberIds = members.slice(0, CONTRACT_LIMITS.teamMembers);
    }
  },
  async beforeDelete(w, existing) {
    await w.tx.query('UPDATE users SET team_ids = array_remove(team_ids, $2) WHERE workspace_id = $1', [
      w.principal.workspaceId,
      existing.id,
    ]);
    await w.tx.query('UPDATE tickets SET team_id = NULL WHERE workspace_id = $1 AND team_id = $2', [
      w.principal.workspaceId,
      existing.id,
    ]);
  },
};
