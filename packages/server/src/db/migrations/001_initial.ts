/** The initial schema: workspaces, auth, every CRM table, the event log and idempotency keys. */
export const sql = /* sql */ `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE workspaces (
  id text PRIMARY KEY,
  name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  embed_secret text NOT NULL,
  ticket_seq integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  email text NOT NULL,
  role text NOT NULL,
  team_ids text[] NOT NULL DEFAULT '{}',
  available boolean NOT NULL DEFAULT true,
  locale text,
  time_zone text,
  UNIQUE (workspace_id, email)
);
CREATE INDEX users_ws_name ON users (workspace_id, name, id);

CREATE TABLE teams (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  description text,
  last_assigned_user_id text
);
CREATE INDEX teams_ws_name ON teams (workspace_id, name, id);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key_hash text NOT NULL UNIQUE,
  role text NOT NULL,
  user_id text REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Plain-text keys of seeded demo workspaces, so 'crmkit-server keys' can print them. Never written for real keys.
CREATE TABLE demo_credentials (
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  label text NOT NULL,
  api_key text NOT NULL,
  PRIMARY KEY (workspace_id, label)
);

CREATE TABLE companies (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  domain text,
  industry text,
  size text,
  phones text[] NOT NULL DEFAULT '{}',
  address jsonb,
  owner_id text,
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX companies_ws_name ON companies (workspace_id, name, id);
CREATE INDEX companies_ws_updated ON companies (workspace_id, updated_at, id);
CREATE INDEX companies_search ON companies USING gin (search_text gin_trgm_ops);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  first_name text NOT NULL DEFAULT '',
  last_name text NOT NULL DEFAULT '',
  emails text[] NOT NULL DEFAULT '{}',
  phones text[] NOT NULL DEFAULT '{}',
  company_id text,
  title text,
  birthday date,
  lifecycle_stage text NOT NULL DEFAULT 'potential',
  source text,
  owner_id text,
  consent jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  last_contacted_at timestamptz
);
CREATE INDEX contacts_ws_last_name ON contacts (workspace_id, last_name, id);
CREATE INDEX contacts_ws_first_name ON contacts (workspace_id, first_name, id);
CREATE INDEX contacts_ws_created ON contacts (workspace_id, created_at, id);
CREATE INDEX contacts_ws_updated ON contacts (workspace_id, updated_at, id);
CREATE INDEX contacts_ws_stage ON contacts (workspace_id, lifecycle_stage, id);
CREATE INDEX contacts_ws_company ON contacts (workspace_id, company_id);
CREATE INDEX contacts_ws_owner ON contacts (workspace_id, owner_id);
CREATE INDEX contacts_emails ON contacts USING gin (emails);
CREATE INDEX contacts_phones ON contacts USING gin (phones);
CREATE INDEX contacts_search ON contacts USING gin (search_text gin_trgm_ops);

CREATE TABLE leads (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  company_name text,
  email text,
  phone text,
  source text,
  status text NOT NULL DEFAULT 'new',
  owner_id text,
  notes text,
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  converted_at timestamptz,
  converted_contact_id text,
  converted_company_id text,
  converted_deal_id text
);
CREATE INDEX leads_ws_created ON leads (workspace_id, created_at, id);
CREATE INDEX leads_ws_status ON leads (workspace_id, status, id);
CREATE INDEX leads_search ON leads USING gin (search_text gin_trgm_ops);

CREATE TABLE pipelines (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  currency text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  stages jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX pipelines_ws_name ON pipelines (workspace_id, name, id);

CREATE TABLE deals (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  amount bigint,
  currency text NOT NULL,
  pipeline_id text NOT NULL,
  stage_id text NOT NULL,
  probability integer NOT NULL,
  probability_overridden boolean NOT NULL DEFAULT false,
  rank text NOT NULL COLLATE "C",
  status text NOT NULL DEFAULT 'open',
  expected_close_date date,
  company_id text,
  contact_ids text[] NOT NULL DEFAULT '{}',
  owner_id text,
  lost_reason text,
  closed_at timestamptz,
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX deals_ws_stage_rank ON deals (workspace_id, stage_id, rank, id);
CREATE INDEX deals_ws_rank ON deals (workspace_id, rank, id);
CREATE INDEX deals_ws_pipeline ON deals (workspace_id, pipeline_id);
CREATE INDEX deals_ws_company ON deals (workspace_id, company_id);
CREATE INDEX deals_ws_updated ON deals (workspace_id, updated_at, id);
CREATE INDEX deals_contact_ids ON deals USING gin (contact_ids);
CREATE INDEX deals_search ON deals USING gin (search_text gin_trgm_ops);

CREATE TABLE activities (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  type text NOT NULL,
  direction text,
  subject text,
  body text,
  outcome text,
  purpose text,
  occurred_at timestamptz NOT NULL,
  due_at timestamptz,
  completed_at timestamptz,
  duration_seconds integer,
  contact_id text,
  company_id text,
  deal_id text,
  ticket_id text,
  assignee_id text,
  author_id text,
  tags text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX activities_ws_occurred ON activities (workspace_id, occurred_at, id);
CREATE INDEX activities_ws_contact ON activities (workspace_id, contact_id, occurred_at);
CREATE INDEX activities_ws_company ON activities (workspace_id, company_id, occurred_at);
CREATE INDEX activities_ws_deal ON activities (workspace_id, deal_id, occurred_at);
CREATE INDEX activities_ws_ticket ON activities (workspace_id, ticket_id, occurred_at);
CREATE INDEX activities_ws_due ON activities (workspace_id, due_at) WHERE completed_at IS NULL;

CREATE TABLE tickets (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  number integer NOT NULL,
  subject text NOT NULL,
  status text NOT NULL DEFAULT 'new',
  priority text NOT NULL DEFAULT 'normal',
  channel text NOT NULL DEFAULT 'web',
  requester_id text,
  assignee_id text,
  team_id text,
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  sla jsonb,
  sla_status text,
  next_breach_at timestamptz,
  last_message_at timestamptz,
  solved_at timestamptz,
  closed_at timestamptz,
  UNIQUE (workspace_id, number)
);
CREATE INDEX tickets_ws_created ON tickets (workspace_id, created_at, id);
CREATE INDEX tickets_ws_status ON tickets (workspace_id, status, id);
CREATE INDEX tickets_ws_assignee ON tickets (workspace_id, assignee_id, status);
CREATE INDEX tickets_ws_team ON tickets (workspace_id, team_id, status);
CREATE INDEX tickets_next_breach ON tickets (next_breach_at) WHERE next_breach_at IS NOT NULL;
CREATE INDEX tickets_search ON tickets USING gin (search_text gin_trgm_ops);

CREATE TABLE ticket_messages (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  ticket_id text NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind text NOT NULL,
  author_type text NOT NULL,
  author_id text,
  body_html text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at, id);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  type text NOT NULL,
  resource text NOT NULL,
  resource_id text NOT NULL,
  actor_id text,
  data jsonb NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX events_ws_id ON events (workspace_id, id);

CREATE TABLE idempotency_keys (
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, key)
);
`;
