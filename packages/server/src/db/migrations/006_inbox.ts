/**
 * The support inbox: snoozed and merged tickets, the latest public message for queue rows, indexes for the views'
 * orders at 100,000 tickets, who has which ticket open (presence, short-lived), and the workspace's canned responses.
 */
export const sql = /* sql */ `
ALTER TABLE tickets ADD COLUMN snooze jsonb;
ALTER TABLE tickets ADD COLUMN snoozed_until timestamptz;
ALTER TABLE tickets ADD COLUMN merged_into_id text;
ALTER TABLE tickets ADD COLUMN last_message jsonb;
CREATE INDEX tickets_snoozed_until ON tickets (snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE INDEX tickets_ws_next_breach_id ON tickets (workspace_id, next_breach_at, id);
CREATE INDEX tickets_ws_last_message_id ON tickets (workspace_id, last_message_at, id);
CREATE INDEX tickets_tags ON tickets USING gin (tags);

CREATE TABLE ticket_presence (
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id text NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  state text NOT NULL,
  since timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, ticket_id, user_id)
);
CREATE INDEX ticket_presence_expiry ON ticket_presence (workspace_id, expires_at);

CREATE TABLE canned_responses (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  shortcut text,
  body text NOT NULL,
  status text,
  team_ids text[] NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  created_by text,
  UNIQUE (workspace_id, shortcut)
);
CREATE INDEX canned_responses_ws_name ON canned_responses (workspace_id, name, id);
`;
