import { EmbedTokenRequest, type Role } from '@crmkit/spec';
import type { Hono } from 'hono';
import { dbOf } from '../core/context.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { forbidden, validationFailed } from '../http/problem.js';
import { can, ROLE_RANK } from './permissions.js';
import { mintEmbedToken } from './tokens.js';

/** `POST /v1/embed-tokens`: an admin API key mints a short-lived token for one of the workspace's users. */
export function registerAuthRoutes(app: Hono<AppEnv>): void {
  app.post('/v1/embed-tokens', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.principal.via === 'embed-token' || !can(ctx.principal.role, 'embed-tokens', 'create')) {
      throw forbidden('Only admin API keys may mint embed tokens.');
    }
    const body = await readBody(c, EmbedTokenRequest);
    // In the keyed request's transaction when there is one (PGlite has one connection).
    const { rows } = await dbOf(ctx).query<{ role: Role; secret: string }>(
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
