/**
 * Campaigns: drafts and their lifecycle; the audience frozen when sending starts (`campaign_recipients`, one row per
 * contact with the time of each step of its funnel); the HTML part and headers of outbox messages (e-mail campaigns
 * send both parts and `List-Unsubscribe`).
 */
export const sql = /* sql */ `
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  name text NOT NULL,
  segment_id text NOT NULL,
  channel text NOT NULL,
  subject text,
  template text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  schedule jsonb,
  throttle_per_hour integer,
  scheduled_at timestamptz,
  started_at timestamptz,
  sent_at timestamptz,
  cancelled_at timestamptz
);
CREATE INDEX campaigns_ws_created ON campaigns (workspace_id, created_at, id);
CREATE INDEX campaigns_ws_name ON campaigns (workspace_id, name, id);
CREATE INDEX campaigns_ws_segment ON campaigns (workspace_id, segment_id);

CREATE TABLE campaign_recipients (
  id text PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  campaign_id text NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  position integer NOT NULL,
  contact_id text NOT NULL,
  name text NOT NULL,
  address text,
  status text NOT NULL,
  skip_reason text,
  send_at timestamptz NOT NULL,
  send_hour smallint NOT NULL,
  message_id text,
  sent_at timestamptz,
  delivered_at timestamptz,
  bounced_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  replied_at timestamptz,
  converted_at timestamptz,
  opted_out_at timestamptz,
  error text,
  UNIQUE (campaign_id, contact_id),
  UNIQUE (campaign_id, position)
);
CREATE INDEX campaign_recipients_due ON campaign_recipients (campaign_id, send_at) WHERE status = 'pending';
CREATE INDEX campaign_recipients_status ON campaign_recipients (campaign_id, status, position);
CREATE INDEX campaign_recipients_contact ON campaign_recipients (workspace_id, contact_id, sent_at);
CREATE INDEX campaign_recipients_message ON campaign_recipients (message_id);

ALTER TABLE outbox_messages ADD COLUMN html text;
ALTER TABLE outbox_messages ADD COLUMN headers jsonb;
`;
