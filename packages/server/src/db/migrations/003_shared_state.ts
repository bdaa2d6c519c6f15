/**
 * State that several server processes on one PostgreSQL share: the rate limit's windows (an unlogged table: counts
 * are worth no WAL and may be lost in a crash), and an index to forget expired idempotency keys.
 */
export const sql = /* sql */ `
CREATE UNLOGGED TABLE rate_limit_windows (
  key text PRIMARY KEY,
  window_start bigint NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
`;
