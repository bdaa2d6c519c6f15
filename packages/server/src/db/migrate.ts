import { MIGRATIONS } from './migrations/index.js';
import { rebuildSortNames } from './sort-names.js';
import type { Database, Queryable } from './types.js';

/** What a migration's SQL alone cannot compute, run after it in its transaction, by version. */
const BACKFILLS: Readonly<Record<number, (tx: Queryable) => Promise<void>>> = { 8: rebuildSortNames };

/**
 * Applies the migrations the database has not seen, each in its own transaction.
 * Safe to call on every start, and from several processes (an advisory lock serialises them).
 * @returns the versions applied now
 */
export async function migrate(db: Database): Promise<number[]> {
  // Under the lock too: processes starting together would race to create it (`IF NOT EXISTS` does not stop that).
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const { rows } = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await BACKFILLS[m.version]?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Splits a migration into statements (they hold no semicolons inside literals). */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
