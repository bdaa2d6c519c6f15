import type { Queryable } from '../db/types.js';

/** A seeded workspace and the plain-text API keys it remembers, by role label. */
export interface WorkspaceKeys {
  id: string;
  name: string;
  keys: Record<string, string>;
}

const LABEL_ORDER = ['owner', 'admin', 'manager', 'agent', 'viewer'];

/** The API keys seeded workspaces remember (table `demo_credentials`), oldest workspace first. */
export async function rememberedKeys(db: Queryable): Promise<WorkspaceKeys[]> {
  const { rows } = await db.query<{ id: string; name: string; label: string; api_key: string }>(
    `SELECT w.id, w.name, d.label, d.api_key FROM workspaces w JOIN demo_credentials d ON d.workspace_id = w.id
      ORDER BY w.created_at, w.id`,
  );
  const out: WorkspaceKeys[] = [];
  for (const r of rows) {
    let ws = out.find((w) => w.id === r.id);
    if (!ws) {
      ws = { id: r.id, name: r.name, keys: {} };
      out.push(ws);
    }
    ws.keys[r.label] = r.api_key;
  }
  const rank = (label: string) => (LABEL_ORDER.includes(label) ? LABEL_ORDER.indexOf(label) : LABEL_ORDER.length);
  for (const ws of out) {
    ws.keys = Object.fromEntries(Object.entries(ws.keys).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
  }
  return out;
}

/** The keys as an indented, readable list. */
export function formatKeys(workspaces: readonly WorkspaceKeys[]): string {
  const lines: string[] = [];
  for (const ws of workspaces) {
    lines.push(`  ${ws.name} (${ws.id})`);
    for (const [label, key] of Object.entries(ws.keys)) lines.push(`    ${label.padEnd(8)} ${key}`);
  }
  return lines.join('\n');
}
