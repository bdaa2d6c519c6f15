import type { Database, Queryable } from '../../packages/server/src/db/types.js';

/** A statement the server sent (and the rows it got back). */
export interface Statement {
  sql: string;
  params: unknown[];
  rows?: unknown[];
}

/** A statement the server sent, or one of its transactions (BEGIN … COMMIT on one connection). */
export type Captured = Statement | { transaction: Statement[] };

/**
 * `db`, recording every statement the server sends through it while `recording` is on: the SQL of one request, to
 * send the very same statements straight to PostgreSQL (the floor the server is compared with).
 */
export function capturingDatabase(db: Database) {
  let log: Captured[] | null = null;
  const wrapped: Database = {
    ...db,
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const statement: Statement = { sql, params: [...(params ?? [])] };
      log?.push(statement);
      const result = await db.query<T>(sql, params);
      statement.rows = structuredClone(result.rows);
      return result;
    },
    transaction: (fn) => {
      const statements: Statement[] = [];
      log?.push({ transaction: statements });
      return db.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: readonly unknown[]) => {
            const statement: Statement = { sql, params: [...(params ?? [])] };
            statements.push(statement);
            const result = await tx.query<T>(sql, params);
            statement.rows = structuredClone(result.rows);
            return result;
          },
        }),
      );
    },
  };
  return {
    db: wrapped,
    /** The statements sent while `fn` runs. */
    async record(fn: () => Promise<unknown>): Promise<Captured[]> {
      const mine: Captured[] = [];
      log = mine;
      try {
        await fn();
      } finally {
        log = null;
      }
      return mine;
    },
  };
}

/** `value` with every occurrence of each key of `swap` replaced by its value (in strings, JSON included). */
function substitute(value: unknown, swap: Record<string, string>): unknown {
  if (typeof value !== 'string') return value;
  let out = value;
  for (const [from, to] of Object.entries(swap)) out = out.replaceAll(from, to);
  return out;
}

/** The ids of the records `captured` inserts (`INSERT INTO t (id, …) VALUES ($1, …)`): fresh ones for each replay. */
export function insertedIds(captured: readonly Captured[]): string[] {
  const statements = captured.flatMap((c) => ('sql' in c ? [c] : c.transaction));
  return statements.flatMap((s) =>
    /^\s*INSERT INTO \w+ \(id,/i.test(s.sql) && typeof s.params[0] === 'string' ? [s.params[0]] : [],
  );
}

/**
 * Sends `captured` straight to PostgreSQL through `db` as the server did: each statement on its own, each transaction
 * on one connection; `swap` replaces ids and keys that must be fresh (created records' ids, an idempotency key).
 */
export async function replay(db: Database, captured: readonly Captured[], swap: Record<string, string> = {}) {
  const run = (q: Queryable, s: Statement) =>
    q.query(
      s.sql,
      s.params.map((p) => substitute(p, swap)),
    );
  for (const c of captured) {
    if ('sql' in c) await run(db, c);
    else
      await db.transaction(async (tx) => {
        for (const s of c.transaction) await run(tx, s);
      });
  }
}

/**
 * A database that answers each statement of `captured` with the rows it got when captured (a fresh copy), at once and
 * without a server: the server on it spends only its own time — routing, authentication, validation, SQL building,
 * row mapping, JSON — which is what it adds to the SQL.
 */
export function answeringDatabase(base: Database, captured: readonly Captured[]) {
  const answers = new Map<string, unknown[]>();
  for (const c of captured) for (const s of 'sql' in c ? [c] : c.transaction) answers.set(s.sql, s.rows ?? []);
  /** Statements it had no answer for (sent to `base`): none while measuring, or the measure is off. */
  const missed: string[] = [];
  const query = async <T>(sql: string, params?: readonly unknown[]) => {
    const rows = answers.get(sql);
    if (!rows) {
      missed.push(sql);
      return base.query<T>(sql, params);
    }
    return { rows: rows.map((r) => ({ ...(r as object) })) as T[] };
  };
  const db: Database = { ...base, query, transaction: (fn) => fn({ query }) };
  return { db, missed };
}
