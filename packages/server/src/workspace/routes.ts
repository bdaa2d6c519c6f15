import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { workspaceSchema } from './schema.js';

/** `GET /v1/schema`: what the widgets render the workspace from. */
export function registerWorkspaceRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/schema', async (c) => c.json(await workspaceSchema(c.get('ctx'))));
}
