import type { ServerContext } from '../core/context.js';
import { withWrite } from '../core/context.js';
import { workspaceContext } from '../core/system.js';
import { notifyUser } from './notify.js';

/** Reminders older than this when first seen (the server was down) are not announced any more. */
const STALE_MS = 7 * 86_400_000;

/**
 * Tells each open task's or reminder's assignee once when it comes due: a notification and `reminder.due` on the feed.
 * A task whose due time moves (snoozed) is announced again at the new time.
 * @returns how many were announced
 */
export async function announceDueReminders(server: ServerContext): Promise<number> {
  const now = server.clock.now();
  const { rows } = await server.db.query<{ id: string; workspace_id: string }>(
    `SELECT id, workspace_id FROM activities
      WHERE completed_at IS NULL AND reminded_at IS NULL AND assignee_id IS NOT NULL
        AND due_at <= $1 AND due_at > $2 ORDER BY due_at LIMIT 500`,
    [now.toISOString(), new Date(now.getTime() - STALE_MS).toISOString()],
  );
  let announced = 0;
  for (const { id, workspace_id } of rows) {
    const ctx = await workspaceContext(server, workspace_id);
    if (!ctx) continue;
    announced += await withWrite(ctx, async (w) => {
      const { rows: due } = await w.tx.query(
        `UPDATE activities SET reminded_at = $3 WHERE workspace_id = $1 AND id = $2 AND reminded_at IS NULL
           AND completed_at IS NULL RETURNING *`,
        [workspace_id, id, w.now.toISOString()],
      );
      const task = due[0];
      if (!task) return 0;
      const userId = task.assignee_id as string;
      const title = (task.subject as string | null) ?? (task.purpose as string | null) ?? 'Task due';
      await notifyUser(w, {
        userId,
        kind: task.purpose ? 'reminder' : 'task',
        title,
        body: (task.body as string | null) ?? null,
        resource: 'activities',
        resourceId: id,
        dedupeKey: `due:${id}:${task.due_at as string}`,
      });
      w.emit({
        type: 'reminder.due',
        // Not `activities`: the data is not the whole activity, so caches of activities must not take it as one.
        resource: 'reminders',
        resourceId: id,
        data: {
          id,
          userId,
          dueAt: task.due_at,
          subject: task.subject,
          contactId: task.contact_id,
          dealId: task.deal_id,
        },
      });
      return 1;
    });
  }
  return announced;
}
