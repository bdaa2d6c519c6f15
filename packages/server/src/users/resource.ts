import { users } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { conflict, forbidden } from '../http/problem.js';
import type { ResourceDef } from '../resources/engine.js';

/** Users: the people who work in the CRM. Only admins manage them. */
export const userResource: ResourceDef = {
  spec: users,
  permission: 'users',
  table: {
    table: 'users',
    idPrefix: 'usr',
    fields: {
      name: { column: 'name', kind: 'text', notNull: true },
      email: { column: 'email', kind: 'text', notNull: true },
      role: { column: 'role', kind: 'text', notNull: true },
      teamIds: { column: 'team_ids', kind: 'textarr', notNull: true },
      available: { column: 'available', kind: 'bool', notNull: true },
      locale: { column: 'locale', kind: 'text' },
      timeZone: { column: 'time_zone', kind: 'text' },
    },
  },
  refs: { teamIds: { table: 'teams', what: 'team', many: true } },
  async prepareCreate(w, input) {
    assertMayGrant(w, input.role);
    const email = String(input.email).toLowerCase();
    await assertEmailFree(w, email, null);
    return { role: 'agent', teamIds: [], available: true, locale: null, timeZone: null, ...input, email };
  },
  async prepareUpdate(w, patch, existing) {
    assertMayGrant(w, patch.role);
    if (existing.role === 'owner' && patch.role !== undefined && w.principal.role !== 'owner') {
      throw forbidden("Only an owner may change an owner's role.");
    }
    if (typeof patch.email !== 'string') return patch;
    const email = patch.email.toLowerCase();
    await assertEmailFree(w, email, existing.id);
    return { ...patch, email };
  },
  async beforeDelete(w, existing) {
    if (existing.id === w.principal.userId) throw conflict('You cannot delete yourself.');
  },
};

async function assertEmailFree(
  w: Parameters<NonNullable<ResourceDef['prepareCreate']>>[0],
  email: string,
  selfId: string | null,
) {
  const { rows } = await w.tx.query<{ id: string }>('SELECT id FROM users WHERE workspace_id = $1 AND email = $2', [
    w.principal.workspaceId,
    email,
  ]);
  if (rows[0] && rows[0].id !== selfId) throw conflict(`A user with email ${email} already exists.`, 'duplicate');
}

/** Only owners may make someone an owner: an admin cannot raise anyone (or themselves) above admin. */
function assertMayGrant(w: WriteContext, role: unknown): void {
  if (role === 'owner' && w.principal.role !== 'owner') throw forbidden('Only an owner may grant the owner role.');
}
