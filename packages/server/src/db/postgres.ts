import pg from 'pg';
import { TYPE_PARSERS } from './parsers.js';
import type { Database, Exclusive, Queryable } from './types.js';

/** Default connections per process (see `OpenDatabaseOptions.poolSize`). */
export const DEFAULT_POOL_SIZE = 10;
/** Connections of `Database.priority`, besides the pool (and the one `LISTEN` connection). */
export const PRIORITY_CONNECTIONS = 2;

/** Opens a pool on a real PostgreSQL server. */
export async function openPostgres(url: string, poolSize = DEFAULT_POOL_SIZE): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
  };
  const config = { connectionString: url, types, options: '-c timezone=UTC' };
  const pool = new pg.Pool({ ...config, max: poolSize });
  const priorityPool = new pg.Pool({ ...config, max: PRIORITY_CONNECTIONS });
  // A connection the server drops (restart, admin command) must fail its query, not crash the process:
  // the pool replaces idle clients, and an active one's query rejects.
  for (const p of [pool, priorityPool]) {
    p.on('error', () => {});
    p.on('connect', (client) => client.on('error', () => {}));
  }
  await pool.query('select 1');
  const run = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const r = await client.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as T[] };
    },
  });
  const listeners = new Set<Listener>();
  return {
    kind: 'postgres',
    ...run(pool),
    priority: run(priorityPool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(run(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exclusive<T>(name: string, fn: () => Promise<T>): Promise<Exclusive<T>> {
      // A session lock on a connection of the pool, held while `fn` runs (its own queries use other connections).
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        const { rows } = await client.query<{ got: boolean }>(
          'SELECT pg_try_advisory_lock(727002, hashtext($1)) AS got',
          [name],
        );
        if (!rows[0]?.got) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('SELECT pg_advisory_unlock(727002, hashtext($1))', [name]).catch((e: Error) => {
            broken = e; // never hand a connection that may still hold the lock back to the pool
          });
        }
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, onMessage, onState) {
      const listener = new Listener(config, channel, onMessage, onState);
      listeners.add(listener);
      await listener.connect();
    },
    async close() {
      await Promise.all([...listeners].map((l) => l.close()));
      await Promise.all([pool.end(), priorityPool.end()]);
    },
  };
}

/**
 * One `LISTEN` connection that reconnects by itself (after a PostgreSQL restart, a network cut or an admin's
 * `pg_terminate_backend`), with a backoff from 100 ms to 5 s.
 */
class Listener {
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onMessage: (payload: string) => void,
    private readonly onState: (listening: boolean) => void,
  ) {}

  async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(this.config);
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (this.closed) return;
      this.onState(false);
      const delay = Math.min(5000, 100 * 2 ** this.failures++);
      this.timer = setTimeout(() => void this.connect(), delay);
      this.timer.unref?.();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (n) => {
      if (n.channel === this.channel) this.onMessage(n.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
      this.failures = 0;
      if (!this.closed && !lost) this.onState(true);
    } catch {
      onLost();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => {});
  }
}
