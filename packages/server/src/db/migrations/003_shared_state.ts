/**
 * State that several server processes on one PostgreSQL share:
 * - the rate limit's windows (an unlogged table: counts are worth no WAL and may be lost in a crash), and an index to
 *   forget expired idempotency keys;
 * - the change feed's order is commit order: a write inserts its events without a position, and the sequencer gives
 *   each committed event the next `seq` (its id in the feed) afterwards — so writers of one workspace no longer hold a
 *   lock through their commit (and its disk flush). Existing events keep their ids as positions.
 */
export const sql = /* sql */ `
CREATE UNLOGGED TABLE rate_limit_windows (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE SEQUENCE event_seq;
ALTER TABLE events ADD COLUMN seq bigint;
UPDATE events SET seq = id;
SELECT setval('event_seq', COALESCE((SELECT max(id) FROM events), 0) + 1, false);
CREATE UNIQUE INDEX events_ws_seq ON events (workspace_id, seq);
CREATE INDEX events_unsequenced ON events (workspace_id, id) WHERE seq IS NULL;
DROP INDEX events_ws_id;
`;
