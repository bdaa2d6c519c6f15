import { type RequestContext, type ServerContext, systemContext } from './context.js';
import { WorkspaceSettings } from './settings.js';

/** A context acting for the server in workspace `id` (see `systemContext`), or null when it does not exist. */
export async function workspaceContext(server: ServerContext, id: string): Promise<RequestContext | null> {
  const { rows } = await server.db.query<{ id: string; name: string; settings: unknown }>(
    'SELECT id, name, settings FROM workspaces WHERE id = $1',
    [id],
  );
  const ws = rows[0];
  if (!ws) return null;
  const parsed = WorkspaceSettings.safeParse(ws.settings ?? {});
  return systemContext(server, {
    id: ws.id,
    name: ws.name,
    settings: parsed.success ? parsed.data : WorkspaceSettings.parse({}),
  });
}
