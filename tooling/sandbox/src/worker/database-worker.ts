/**
 * A Web Worker that runs the sandbox's PGlite databases off the page's main thread: PGlite's start (compiling
 * PostgreSQL, unpacking the snapshot) and every query run here, in parallel with the page's own work. The page talks
 * to it through `remote-database.ts`; each database is the server's own `openDatabase`, so rows come back exactly as
 * they would in the page.
 */
import { type Database, openDatabase, type Queryable } from '@crmkit/server';
import { tarballOf } from '../data/tarball.js';
import type { WorkerError, WorkerReply, WorkerRequest } from './protocol.js';

// PostgreSQL's code loads while the first snapshot downloads (the server's `openDatabase` imports it on demand).
void import('@electric-sql/pglite');

const databases = new Map<string, Database>();
/** Databases started ahead of their `open` (by the page's `<head>`), by the URL of their tarball; each is taken once. */
const preopened = new Map<string, Promise<Database>>();
/** Open transactions by database and transaction number: their connection, and how to end them. */
const transactions = new Map<string, { tx: Queryable; end(commit: boolean): Promise<void> }>();

const ROLLBACK = Symbol('rollback');

function database(id: string): Database {
  const db = databases.get(id);
  if (!db) throw new Error(`crmkit sandbox worker: no database ${id}`);
  return db;
}

/** Opens a transaction on `db` that stays open until its `end()`. */
function begin(db: Database): Promise<{ tx: Queryable; end(commit: boolean): Promise<void> }> {
  return new Promise((opened, failed) => {
    let finish!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => {
      finish = resolve;
    });
    const done = db.transaction(async (tx) => {
      opened({
        tx,
        end: async (commit) => {
          finish(commit);
          await done.catch((error: unknown) => {
            if (error !== ROLLBACK) throw error;
          });
        },
      });
      if (!(await decided)) throw ROLLBACK;
    });
    done.catch(failed);
  });
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'preopen': {
      const db = tarballOf({ url: request.url }).then((tarball) => openDatabase({ loadDataDir: tarball }));
      preopened.set(request.url, db);
      await db;
      return undefined;
    }
    case 'open': {
      const url = request.data instanceof Blob ? undefined : request.data.url;
      const ready = url === undefined ? undefined : preopened.get(url);
      if (url !== undefined) preopened.delete(url);
      databases.set(request.db, await (ready ?? tarballOf(request.data).then((t) => openDatabase({ loadDataDir: t }))));
      return undefined;
    }
    case 'query': {
      const on = request.tx === undefined ? database(request.db) : transactions.get(`${request.db}:${request.tx}`)?.tx;
      if (!on) throw new Error(`crmkit sandbox worker: no transaction ${request.tx}`);
      return (await on.query(request.sql, request.params)).rows;
    }
    case 'begin':
      transactions.set(`${request.db}:${request.tx}`, await begin(database(request.db)));
      return undefined;
    case 'end': {
      const key = `${request.db}:${request.tx}`;
      const transaction = transactions.get(key);
      transactions.delete(key);
      await transaction?.end(request.commit);
      return undefined;
    }
    case 'close':
      await databases.get(request.db)?.close();
      databases.delete(request.db);
      return undefined;
  }
}

function toWorkerError(error: unknown): WorkerError {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (value === undefined || typeof value === 'function' || (typeof value === 'object' && value !== null)) continue;
    fields[key] = value;
  }
  return { name: e.name, message: e.message, fields };
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (value) => self.postMessage({ id: request.id, ok: true, value } satisfies WorkerReply),
    (error: unknown) =>
      self.postMessage({ id: request.id, ok: false, error: toWorkerError(error) } satisfies WorkerReply),
  );
});
