import { WorkspaceSettings, type WorkspaceSettingsInput } from '../core/settings.js';
import { rebuildSortNames } from '../db/sort-names.js';
import type { Queryable } from '../db/types.js';

/**
 * Changes a workspace's settings: each top-level setting given replaces the stored one (the others are kept), the
 * result is checked like a provisioned workspace's, and what is derived from a setting follows it in the same
 * transaction — a new `defaultLocale` (the workspace's collation and name order) rebuilds every contact's `sort_name`,
 * so `sort=name` never mixes two languages' orders. Nothing changes when the result is not valid (the error is zod's,
 * naming the setting).
 *
 * @returns the workspace's settings as stored now
 * @example
 * // A workspace that moves from English to Thai: contacts now sort by given name, in Thai collation.
 * await updateWorkspaceSettings(db, 'ws_bkk', { defaultLocale: 'th-TH', defaultCurrency: 'THB' });
 */
export async function updateWorkspaceSettings(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  workspaceId: string,
  change: Partial<WorkspaceSettingsInput>,
): Promise<WorkspaceSettings> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ settings: WorkspaceSettingsInput | null }>(
      'SELECT settings FROM workspaces WHERE id = $1 FOR UPDATE',
      [workspaceId],
    );
    const row = rows[0];
    if (!row) throw new Error(`updateWorkspaceSettings: no workspace ${workspaceId}`);
    const before = WorkspaceSettings.parse(row.settings ?? {});
    const settings = WorkspaceSettings.parse({ ...before, ...change });
    await tx.query('UPDATE workspaces SET settings = $2 WHERE id = $1', [workspaceId, JSON.stringify(settings)]);
    if (settings.defaultLocale !== before.defaultLocale) await rebuildSortNames(tx, workspaceId);
    return settings;
  });
}
