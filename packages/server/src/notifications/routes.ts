import { NotificationsQuery } from '@crmkit/spec';
import type { Context, Hono } from 'hono';
import { dbOf } from '../core/context.js';
import { gateCapability } from '../http/capability.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, notFound } from '../http/problem.js';
import { logPage, logPageQuery, logQuery } from '../query/log-page.js';
import { toNotification } from './notify.js';

/** The caller's notifications: list (newest first, `unread=true`), mark one or all read. */
export function registerNotificationRoutes(app: Hono<AppEnv>): void {
  gateCapability(app, 'automation', ['/v1/notifications']);
  const userOf = (c: Context<AppEnv>) => {
    const ctx = c.get('ctx');
    if (!ctx.principal.userId) throw forbidden('Notifications belong to users; this key acts for no user.');
    return { ctx, userId: ctx.principal.userId };
  };
  app.get('/v1/notifications', async (c) => {
    const { ctx, userId } = userOf(c);
    const url = new URL(c.req.url);
    const { unread } = logQuery(NotificationsQuery, url.searchParams);
    const page = logPageQuery(url.searchParams);
    const filters = { workspace_id: ctx.principal.workspaceId, user_id: userId, read_at: undefined };
    if (unread === 'true') {
      const data = await logPage(
        ctx.db,
        '(SELECT * FROM notifications WHERE read_at IS NULL) n',
        'created_at',
        filters,
        page,
        toNotification,
      );
      return c.json(data);
    }
    return c.json(await logPage(ctx.db, 'notifications', 'created_at', filters, page, toNotification));
  });
  app.post('/v1/notifications/read-all', async (c) => {
    const { ctx, userId } = userOf(c);
    const { rows } = await dbOf(ctx).query(
      'UPDATE notifications SET read_at = $3 WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL RETURNING id',
      [ctx.principal.workspaceId, userId, ctx.clock.now().toISOString()],
    );
    return c.json({ updated: rows.length });
  });
  app.post('/v1/notifications/:id/read', async (c) => {
    const { ctx, userId } = userOf(c);
    const id = c.req.param('id').slice(0, 64);
    const { rows } = await dbOf(ctx).query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $4) WHERE workspace_id = $1 AND user_id = $2 AND id = $3 RETURNING *`,
      [ctx.principal.workspaceId, userId, id, ctx.clock.now().toISOString()],
    );
    if (!rows[0]) throw notFound('notification', id);
    return c.json(toNotification(rows[0]));
  });
}
