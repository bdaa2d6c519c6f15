import type { Notification } from '@crmkit/spec';
import type { WriteContext } from '../core/context.js';
import { newId } from '../core/ids.js';

/** What to tell a user. */
export interface NewNotification {
  userId: string;
  kind: Notification['kind'];
  title: string;
  body?: string | null;
  resource?: string | null;
  resourceId?: string | null;
  /** Notifying the same user with the same key again does nothing. */
  dedupeKey: string;
}

/** A stored notification as the API shows it. */
export function toNotification(row: Record<string, unknown>): Notification {
  return {
    id: row.id as string,
    kind: row.kind as Notification['kind'],
    title: row.title as string,
    body: (row.body as string | null) ?? null,
    resource: (row.resource as string | null) ?? null,
    resourceId: (row.resource_id as string | null) ?? null,
    createdAt: row.created_at as string,
    readAt: (row.read_at as string | null) ?? null,
  };
}

/**
 * Notifies a user in-app, in the write's transaction: the notification is stored once per (user, dedupe key) and
 * `notification.created` (with `userId`) goes out on the change feed, which the notifications menu listens to.
 * @returns whether it was new
 */
export async function notifyUser(w: WriteContext, n: NewNotification): Promise<boolean> {
  const { rows } = await w.tx.query(
    `INSERT INTO notifications (id, workspace_id, user_id, kind, title, body, resource, resource_id, dedupe_key, created_at)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 WHERE EXISTS (SELECT 1 FROM users WHERE workspace_id = $2 AND id = $3)
     ON CONFLICT (workspace_id, user_id, dedupe_key) DO NOTHING RETURNING *`,
    [
      newId('ntf', w.now.getTime()),
      w.principal.workspaceId,
      n.userId,
      n.kind,
      n.title.slice(0, 300),
      n.body?.slice(0, 2000) ?? null,
      n.resource ?? null,
      n.resourceId ?? null,
      n.dedupeKey,
      w.now.toISOString(),
    ],
  );
  const row = rows[0];
  if (!row) return false;
  const notification = toNotification(row);
  w.emit({
    type: 'notification.created',
    resource: 'notifications',
    resourceId: notification.id,
    data: { ...notification, userId: n.userId },
  });
  return true;
}
