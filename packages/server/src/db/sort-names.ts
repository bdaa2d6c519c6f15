import type { Named } from '@crmkit/core';
import { nameSortKey } from '@crmkit/core/collation';
import type { Queryable } from './types.js';

const BATCH = 5000;

/**
 * Rebuilds `sort_name` — the key contacts' `sort=name` orders by, `nameSortKey` in the workspace's language — of
 * every contact of one workspace (`workspaceId`) or of every workspace, in batches: for the contacts stored before the
 * column existed, after a change of `COLLATION_VERSION`, and when a workspace's language changes (in the transaction
 * that changes it, see `updateWorkspaceSettings`).
 *
 * @example
 * await db.transaction((tx) => rebuildSortNames(tx, 'ws_bkk'));
 */
export async function rebuildSortNames(tx: Queryable, workspaceId?: string): Promise<void> {
  const { rows: workspaces } = await tx.query<{ id: string; locale: string | null }>(
    `SELECT id, settings->>'defaultLocale' AS locale FROM workspaces${workspaceId ? ' WHERE id = $1' : ''}`,
    workspaceId ? [workspaceId] : [],
  );
  for (const ws of workspaces) {
    let after = '';
    for (;;) {
      const { rows } = await tx.query<{
        id: string;
        first_name: string;
        last_name: string;
        name_order: Named['nameOrder'];
        emails: string[];
        phones: string[];
      }>(
        `SELECT id, first_name, last_name, name_order, emails, phones FROM contacts
          WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
        [ws.id, after, BATCH],
      );
      if (rows.length === 0) break;
      const keys = rows.map((r) =>
        nameSortKey(
          {
            firstName: r.first_name,
            lastName: r.last_name,
            nameOrder: r.name_order,
            emails: r.emails,
            phones: r.phones,
          },
          ws.locale ?? 'en',
        ),
      );
      await tx.query(
        `UPDATE contacts c SET sort_name = v.key FROM unnest($2::text[], $3::text[]) AS v(id, key)
          WHERE c.workspace_id = $1 AND c.id = v.id`,
        [ws.id, rows.map((r) => r.id), keys],
      );
      after = rows.at(-1)!.id;
    }
  }
}
