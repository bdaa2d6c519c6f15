/** Segments: saved filters over contacts (or companies, leads, deals, tickets), their members computed at each request. */
export const sql = /* sql */ `
CREATE TABLE segments (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  description text,
  resource text NOT NULL,
  filter jsonb NOT NULL
);
CREATE INDEX segments_ws_name ON segments (workspace_id, name, id);
CREATE INDEX segments_ws_created ON segments (workspace_id, created_at, id);
`;
