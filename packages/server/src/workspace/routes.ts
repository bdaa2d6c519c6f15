import { EmbedTokenRequest, type Me, type Role } from '@crmkit/spec';
import type { Hono } from 'hono';
import { can, permissionsOf, ROLE_RANK } from '../auth/permissions.js';
import { mintEmbedToken } from '../auth/tokens.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, validationFailed } from '../http/problem.js';
import { getRecord } from '../resources/engine.js';
import { userResource } from '../resources/users-teams.js';
import { workspaceSchema } from '../workspace/schema.js';

/** `GET /v1/me`, `GET /v1/schema`, `POST /v1/embed-tokens`. */
export function registerMetaRoutes(app: Hono<AppEnv>): void {
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

  app.get('/v1/schema', async (c) => c.json(await workspaceSchema(c.get('ctx'))));

  app.post('/v1/embed-tokens', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.principal.via === 'embed-token' || !can(ctx.principal.role, 'embed-tokens', 'create')) {
      throw forbidden('Only admin API keys may mint embed tokens.');
    }
    const body = await readBody(c, EmbedTokenRequest);
    const { rows } = await ctx.db.query<{ role: Role; secret: string }>(
      'SELECT u.role, w.embed_secret AS secret FROM users u JOIN workspaces w ON w.id = u.workspace_id WHERE u.workspace_id = $1 AND u.id = $2',
      [ctx.principal.workspaceId, body.userId],
    );
    const user = rows[0];
    if (!user) throw validationFailed([{ path: 'userId', message: `no user with id ${body.userId}` }]);
    const role = body.role ?? user.role;
    if (ROLE_RANK[role] > ROLE_RANK[user.role])
      throw validationFailed([{ path: 'role', message: `exceeds the user's role (${user.role})` }]);
    const token = await mintEmbedToken({
      secret: user.secret,
      workspaceId: ctx.principal.workspaceId,
      userId: body.userId,
      role,
      expiresInSeconds: body.expiresInSeconds ?? 900,
      now: ctx.clock.now(),
    });
    return c.json(token, 201);
  });
}
