/**
 * Automation: a durable job queue (due work survives restarts; claimed with `FOR UPDATE SKIP LOCKED` under a lease),
 * rules, their runs and step log, in-app notifications, the message outbox, webhook subscriptions and deliveries, and
 * when a reminder's assignee was told.
 */
export const sql = /* sql */ `
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  queue text NOT NULL,
  key text NOT NULL,
  workspace_id text REFERENCES workspaces(id) ON DELETE CASCADE,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  UNIQUE (queue, key)
);
CREATE INDEX jobs_due ON jobs (run_at, id);

CREATE TABLE automation_rules (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  description text,
  enabled boolean NOT NULL DEFAULT true,
  resource text NOT NULL,
  trigger jsonb NOT NULL,
  trigger_type text NOT NULL DEFAULT '',
  trigger_events text[] NOT NULL DEFAULT '{}',
  conditions jsonb,
  steps jsonb NOT NULL,
  owner_id text,
  scanned_through date,
  next_schedule_at timestamptz,
  runs integer NOT NULL DEFAULT 0,
  failures integer NOT NULL DEFAULT 0,
  last_run_at timestamptz,
  last_failure_at timestamptz
);
CREATE INDEX automation_rules_ws_name ON automation_rules (workspace_id, name, id);
CREATE INDEX automation_rules_events ON automation_rules USING gin (trigger_events) WHERE enabled;

CREATE TABLE automation_runs (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  rule_id text NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
  resource text NOT NULL,
  record_id text NOT NULL,
  occurrence text NOT NULL,
  status text NOT NULL,
  definition jsonb NOT NULL,
  cursor text,
  depth integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL,
  next_step_at timestamptz,
  finished_at timestamptz,
  error text,
  UNIQUE (rule_id, record_id, occurrence)
);
CREATE INDEX automation_runs_ws ON automation_runs (workspace_id, started_at DESC, id DESC);
CREATE INDEX automation_runs_record ON automation_runs (workspace_id, record_id, started_at DESC);

CREATE TABLE automation_steps (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  run_id text NOT NULL REFERENCES automation_runs(id) ON DELETE CASCADE,
  path text NOT NULL,
  type text NOT NULL,
  outcome text NOT NULL,
  attempt integer NOT NULL,
  at timestamptz NOT NULL,
  detail text,
  error text
);
CREATE INDEX automation_steps_run ON automation_steps (run_id, at, id);

CREATE TABLE notifications (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  resource text,
  resource_id text,
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (workspace_id, user_id, dedupe_key)
);
CREATE INDEX notifications_user ON notifications (workspace_id, user_id, created_at DESC, id DESC);

CREATE TABLE outbox_messages (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  channel text NOT NULL,
  contact_id text,
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  dedupe_key text NOT NULL,
  source text NOT NULL,
  source_id text,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  provider_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  sent_at timestamptz,
  UNIQUE (workspace_id, dedupe_key)
);
CREATE INDEX outbox_messages_ws ON outbox_messages (workspace_id, created_at DESC, id DESC);

CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  url text NOT NULL,
  event_types text[] NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  description text,
  secret text NOT NULL DEFAULT '',
  previous_secret text,
  previous_secret_until timestamptz,
  secret_rotated_at timestamptz,
  disabled_reason text
);
CREATE INDEX webhook_subscriptions_ws ON webhook_subscriptions (workspace_id, created_at, id);

CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  subscription_id text NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  message_id text NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  next_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (subscription_id, message_id)
);
CREATE INDEX webhook_deliveries_ws ON webhook_deliveries (workspace_id, created_at DESC, id DESC);

ALTER TABLE activities ADD COLUMN reminded_at timestamptz;
CREATE INDEX activities_reminders_due ON activities (due_at) WHERE completed_at IS NULL AND reminded_at IS NULL AND assignee_id IS NOT NULL;
CREATE INDEX contacts_birthday_md ON contacts (workspace_id, (EXTRACT(MONTH FROM birthday)), (EXTRACT(DAY FROM birthday))) WHERE birthday IS NOT NULL;
`;
