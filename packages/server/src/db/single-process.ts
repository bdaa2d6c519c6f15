import type { Database } from './types.js';

/**
 * The cross-process parts of a {@link Database} for a database only one process uses (PGlite: its data directory is
 * locked to one process, or it lives in one page): `exclusive` locks within this process, and `listen` with nothing to
 * hear. For implementations of `Database` over PGlite, such as one whose PGlite runs in a worker.
 *
 * @example
 * const db: Database = { kind: 'pglite', query, priority: { query }, transaction, close, ...singleProcess() };
 */
export function singleProcess(): Pick<Database, 'exclusive' | 'listen'> {
  /** Locks held by this process: the only one that uses the database. */
  const held = new Set<string>();
  return {
    async exclusive(name, fn) {
      if (held.has(name)) return { ran: false };
      held.add(name);
      try {
        return { ran: true, value: await fn() };
      } finally {
        held.delete(name);
      }
    },
    // No other process can write here: nothing to listen to.
    listen: async (_channel, _onMessage, onState) => onState(true),
  };
}
