/**
 * A `Database` whose PGlite runs in a Web Worker (`database-worker.ts`): the page keeps the server, the worker starts
 * PostgreSQL and runs the queries, so neither holds up the other. One worker per page serves every such database.
 */
import { type Database, type Queryable, singleProcess } from '@crmkit/server';
import type { DataDir } from '../data/types.js';
import type { WorkerError, WorkerReply, WorkerRequest } from './protocol.js';

type Call = WorkerRequest extends infer R ? (R extends { id: string } ? Omit<R, 'id'> : never) : never;

/** This page's prefix of request and database ids. */
const page = Math.random().toString(36).slice(2, 10);

let worker: { call(request: Call): Promise<unknown> } | undefined;
const opened = new Set<string>();

/**
 * The page's database worker: the one the page's `<head>` started or found in Storybook's manager page (see
 * `vite/html-boot.ts`), else one started now. When the page goes, its databases are closed and it stops listening.
 */
export function startDatabaseWorker() {
  if (worker) return worker;
  const thread =
    (globalThis as { crmkitDatabaseWorker?: Worker }).crmkitDatabaseWorker ??
    new Worker(new URL('./database-worker.ts', import.meta.url), { type: 'module', name: 'crmkit-db' });
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  const onMessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(fromWorkerError(reply.error));
  };
  const onError = (event: ErrorEvent) => {
    const error = new Error(`crmkit sandbox: the database worker failed: ${event.message}`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  thread.addEventListener('message', onMessage);
  thread.addEventListener('error', onError);
  globalThis.addEventListener?.('pagehide', () => {
    thread.removeEventListener('message', onMessage);
    thread.removeEventListener('error', onError);
    for (const db of opened) thread.postMessage({ id: `${page}:close:${db}`, op: 'close', db });
  });
  worker = {
    call: (request) =>
      new Promise((resolve, reject) => {
        const id = `${page}:${next++}`;
        pending.set(id, { resolve, reject });
        thread.postMessage({ ...request, id });
      }),
  };
  return worker;
}

/** The error the worker reported, with PostgreSQL's fields (`code`, `constraint`, …) back on it. */
function fromWorkerError({ name, message, fields }: WorkerError): Error {
  return Object.assign(new Error(message), fields, { name });
}

let databases = 0;

/**
 * Opens a PGlite database on the data directory `data` in the page's database worker (started at once, so it loads
 * while `data` does). A URL is downloaded by the worker — or taken from what the page's `<head>` started there.
 *
 * @example
 * const db = await openWorkerDatabase(snapshot.data);
 * const { rows } = await db.query('select count(*) from contacts');
 */
export async function openWorkerDatabase(data: DataDir | Promise<DataDir>): Promise<Database> {
  const { call } = startDatabaseWorker();
  const db = `${page}:${databases++}`;
  await call({ op: 'open', db, data: await data });
  opened.add(db);
  let transactions = 0;
  const query = async <T>(sql: string, params?: readonly unknown[], tx?: number) => ({
    rows: (await call({ op: 'query', db, sql, params, ...(tx === undefined ? {} : { tx }) })) as T[],
  });
  const run: Queryable['query'] = (sql, params) => query(sql, params);
  return {
    kind: 'pglite',
    query: run,
    priority: { query: run },
    // One page uses this database: nothing to coordinate with other processes.
    ...singleProcess(),
    async transaction(fn) {
      const tx = transactions++;
      await call({ op: 'begin', db, tx });
      const connection: Queryable = { query: (sql, params) => query(sql, params, tx) };
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(connection);
      } catch (error) {
        await call({ op: 'end', db, tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', db, tx, commit: true });
      return result;
    },
    close: async () => {
      opened.delete(db);
      await call({ op: 'close', db });
    },
  };
}
