import type { Me } from '@crmkit/spec';
import type { Hono } from 'hono';
import { permissionsOf } from '../auth/permissions.js';
import type { AppEnv } from '../http/env.js';
import { getRecord } from '../resources/engine.js';
import { userResource } from './resource.js';

/** `GET /v1/me`: the caller's user, workspace, role and permissions. */
export function registerUserRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/me', async (c) => {
    const ctx = c.get('ctx');
    const p = ctx.principal;
    const user = p.userId ? await getRecord(ctx, userResource, p.userId) : null;
    const me = {
      user,
      workspace: { id: p.workspaceId, name: p.workspaceName },
      role: p.role,
      permissions: permissionsOf(p.role),
    };
    return c.json(me as Me);
  });
}
